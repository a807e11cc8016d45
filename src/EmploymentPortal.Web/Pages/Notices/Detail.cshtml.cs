using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Notices;

/// <summary>One public notice: masked names and ID numbers, scheme and amount; anyone may object while it runs.</summary>
[AllowAnonymous]
public sealed class DetailModel(Core.Subsidies.Notices notices, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public PublicNotice Notice { get; private set; } = null!;

    [BindProperty]
    public Guid ApplicationId { get; set; }

    [BindProperty]
    [Display(Name = "Objection.Text")]
    [StringLength(Objection.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Text { get; set; }

    [BindProperty]
    [Display(Name = "Objection.Contact")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    public string? Contact { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostObjectAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => notices.ObjectAsync(id, ApplicationId, Text, Contact, cancellationToken), "Objection.Lodged", new { id }, () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var notice = await notices.PublicNoticeAsync(id, cancellationToken);
        Notice = notice!;
        return notice is not null;
    }
}
