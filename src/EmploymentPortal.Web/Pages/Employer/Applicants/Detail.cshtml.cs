using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Employer.Applicants;

/// <summary>
/// The applicants of one of the employer's own postings, each with where the employer has taken
/// it (the seeker sees it under 我的投递); another employer's posting is not found.
/// </summary>
[Authorize(Policy = Capabilities.ReviewApplicants)]
public sealed class DetailModel(ApplicantService applicants, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public EmployerPostingRow Posting { get; private set; } = null!;

    public IReadOnlyList<ApplicantRow> Applicants { get; private set; } = [];

    /// <summary>The statuses an employer may set (not 已投递, where every application starts).</summary>
    public static IReadOnlyList<JobApplicationStatus> Settable { get; } = [.. Enum.GetValues<JobApplicationStatus>().Where(s => s != JobApplicationStatus.Submitted)];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid applicationId, JobApplicationStatus? status, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (status is null || !Settable.Contains(status.Value))
        {
            ModelState.AddModelError(string.Empty, texts["JobApplication.StatusInvalid"]);
            return InvalidPage();
        }

        var (result, name) = await applicants.SetStatusAsync(id, applicationId, status.Value, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts, prefix: string.Empty);
            return InvalidPage();
        }

        TempData["Message"] = texts["JobApplication.StatusSetMessage", name, texts["JobApplicationStatus." + status].Value].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await applicants.ApplicantsAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        (Posting, Applicants) = found;
        return true;
    }
}
