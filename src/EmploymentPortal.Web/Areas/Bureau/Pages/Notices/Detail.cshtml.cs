using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Notices;

/// <summary>One notice of the area with its applications and the objections to resolve.</summary>
[Authorize(Policy = Capabilities.PublishNotices)]
public sealed class DetailModel(Core.Subsidies.Notices notices, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public NoticeDetail Notice { get; private set; } = null!;

    [BindProperty]
    public Guid ObjectionId { get; set; }

    [BindProperty]
    [Display(Name = "Objection.Resolution")]
    [StringLength(Objection.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Resolution { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostUpholdAsync(Guid id, CancellationToken cancellationToken) => ResolveAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken cancellationToken) => ResolveAsync(id, false, cancellationToken);

    private Task<IActionResult> ResolveAsync(Guid id, bool upheld, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => notices.ResolveObjectionAsync(ObjectionId, upheld, Resolution, cancellationToken), upheld ? "Objection.Upheld" : "Objection.Dismissed", new { id }, () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var notice = await notices.GetAsync(id, cancellationToken);
        Notice = notice!;
        return notice is not null;
    }
}
