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

/// <summary>Publishes approved applications as a public notice, and lists the area's notices.</summary>
[Authorize(Policy = Capabilities.PublishNotices)]
public sealed class IndexModel(Core.Subsidies.Notices notices, SubsidyApplications applications, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    [Display(Name = "Notice.Title")]
    [StringLength(Notice.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Title { get; set; }

    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    public IReadOnlyList<ApplicationRow> Approved { get; private set; } = [];

    public IReadOnlyList<NoticeSummary> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (result, id) = await notices.PublishAsync(Title, Selected, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Notice.Published"].Value;
                return RedirectToPage("Detail", new { id });
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        await LoadAsync(cancellationToken);
        return InvalidPage();
    }

    /// <summary>Closes ended notices now (the hourly job does it too; a GET never does).</summary>
    public async Task<IActionResult> OnPostCloseEndedAsync(CancellationToken cancellationToken)
    {
        var closed = await notices.CloseEndedAsync(cancellationToken);
        TempData["Message"] = texts["Notice.ClosedEnded", closed].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Approved = (await applications.ListAsync(new ApplicationQuery(ApplicationStatus.Approved, PageSize: 500), cancellationToken)).Items;
        Notices = await notices.ListAsync(cancellationToken);
    }
}
