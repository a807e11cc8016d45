using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Application.Layoffs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Layoffs;

/// <summary>One layoff report of the area; a county official acknowledges it after a confirmation step.</summary>
public sealed class DetailModel(ILayoffReports reports, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public LayoffRow Report { get; private set; } = null!;

    /// <summary>Set when the official asked to acknowledge: the page shows the note and a confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Acknowledge { get; set; }

    [BindProperty]
    [Display(Name = "Layoff.Note")]
    [StringLength(LayoffReport.NoteMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }

    public bool CanAcknowledge => User.IsInRole(Roles.CountyOfficial) && Report.Status == LayoffStatus.Filed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        Acknowledge = true;
        return await CommandAsync(texts, () => reports.AcknowledgeAsync(id, Note, cancellationToken), "Layoff.AcknowledgedMessage", new { id, Acknowledge = false }, () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(id, cancellationToken);
        Report = report!;
        return report is not null;
    }
}
