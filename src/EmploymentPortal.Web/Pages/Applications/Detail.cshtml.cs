using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Applications;

/// <summary>
/// One application for staff and officials of its area: the facts, the check stored at
/// submission (an override flagged), the workflow with its history, the audit trail, and the
/// current step's actions for whoever may take them.
/// </summary>
[Authorize(Policy = Capabilities.ViewSubsidyApplications)]
public sealed class DetailModel(SubsidyApplications applications, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public ApplicationDetail Detail { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Application.Reason")]
    [StringLength(SubsidyApplication.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Reason { get; set; }

    [BindProperty]
    [Display(Name = "Application.Reference")]
    [StringLength(SubsidyApplication.ReferenceMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Reference { get; set; }

    /// <summary>The version of the application the actor saw.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) => ActAsync(id, StepAction.Approved, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) => ActAsync(id, StepAction.Rejected, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) => ActAsync(id, StepAction.Returned, cancellationToken);

    private Task<IActionResult> ActAsync(Guid id, StepAction action, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => applications.ActAsync(id, action, Reason, Reference, Version, cancellationToken), "Application." + action, new { id }, () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var detail = await applications.GetAsync(id, cancellationToken);
        Detail = detail!;
        if (detail is not null && !ModelState.ContainsKey(nameof(Version)))
        {
            Version = detail.Application.Version;
        }

        return detail is not null;
    }
}
