using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account;

/// <summary>Sign-out is a POST (no state-changing GET); the GET shows a button.</summary>
[Authorize(Policy = Capabilities.SignOut)]
public sealed class LogoutModel(SignInManager<PortalUser> signIn, EndedSessions ended, IOptions<PortalOptions> options) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The stamp rotates and the session is refused at once: a copy of the cookie is dead (docs/operations.md, "Sessions").
        await SessionLifetime.SignOutAsync(HttpContext, signIn, ended, options.Value.Security);
        return LocalRedirect("~/");
    }
}
