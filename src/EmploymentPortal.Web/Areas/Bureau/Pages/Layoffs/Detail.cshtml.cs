using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Layoffs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Layoffs;

/// <summary>One layoff report of the area; a county official acknowledges it after a confirmation step.</summary>
[Authorize(Policy = Capabilities.ReviewLayoffs)]
public sealed class DetailModel(LayoffReports reports, CapabilityCheck can, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public LayoffRow Report { get; private set; } = null!;

    /// <summary>Set when the official asked to acknowledge: the page shows the note and a confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Acknowledge { get; set; }

    [BindProperty]
    [Display(Name = "Layoff.Note")]
    [StringLength(LayoffReport.NoteMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }

    public bool CanAcknowledge => _mayAcknowledge && Report.Status == LayoffStatus.Filed;

    private bool _mayAcknowledge;

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
        _mayAcknowledge = await can.Async(Capabilities.AcknowledgeLayoffs);
        return report is not null;
    }
}
