using EmploymentPortal.Core.Layoffs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Layoffs;

/// <summary>
/// Files a planned reduction: an employer account for its own employer, staff for an employer of
/// their area. Whether it is reportable is computed from the threshold in force, never chosen.
/// </summary>
[Authorize(Policy = Capabilities.FileLayoffs)]
public sealed class FileModel(LayoffReports reports, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public LayoffForm Input { get; set; } = new();

    public IReadOnlyList<LayoffEmployerOption> Employers { get; private set; } = [];

    public LayoffThreshold? Threshold { get; private set; }

    public async Task OnGetAsync(Guid? employerId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.EmployerId = employerId ?? (Employers.Count == 1 ? Employers[0].Id : null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (result, _) = await reports.FileAsync(Input.ToInput(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Layoff.Filed"].Value;
                return RedirectToPage("Index");
            }

            AddErrors(result, texts);
        }

        await LoadAsync(cancellationToken);
        return InvalidPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Employers = await reports.EmployersAsync(cancellationToken);
        Threshold = await reports.ThresholdAsync(cancellationToken);
    }
}
