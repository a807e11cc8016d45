using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages;

/// <summary>The page shown for 403, 404 and other error statuses (re-executed, status kept).</summary>
[IgnoreAntiforgeryToken(Order = 1001)]
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string? TitleKey { get; private set; }

    public string? TextKey { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;
        (TitleKey, TextKey) = code switch
        {
            403 => ("Status.403.Title", "Status.403.Text"),
            404 => ("Status.404.Title", "Status.404.Text"),
            400 => ("Status.400.Title", "Status.400.Text"),
            429 => ("Status.429.Title", "Status.429.Text"),
            _ => ((string?)null, (string?)null),
        };
    }
}
