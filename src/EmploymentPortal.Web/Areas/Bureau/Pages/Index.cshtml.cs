using EmploymentPortal.Core.BackgroundWork;
using EmploymentPortal.Core.Regions;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EmploymentPortal.Web.Areas.Bureau.Pages;

/// <summary>Home of county and city officials; county officials can re-run the eligibility batch for their county.</summary>
[Authorize(Policy = Capabilities.ViewBureauHome)]
public sealed class IndexModel(
    OrgDirectory directory,
    EligibilityCandidates candidates,
    IBackgroundTaskQueue tasks,
    IAuthorizationService authorization) : StaffHomePageModel(directory, candidates)
{
    protected override string Area => "Bureau";

    /// <summary>
    /// Re-runs the official's area in the background (<see cref="EligibilityRerunWork"/>, audited by
    /// the batch) and shows its task's page, which gives the counts when it is done.
    /// </summary>
    public async Task<IActionResult> OnPostEvaluateAsync(CancellationToken cancellationToken)
    {
        if (!await CanReEvaluateAsync())
        {
            return Forbid();
        }

        var id = await tasks.EnqueueAsync(EligibilityRerunWork.KindName, null, null, cancellationToken);
        return RedirectToPage("/Tasks/Index", new { area = "Bureau", id });
    }

    protected override async Task<bool> CanReEvaluateAsync() =>
        (await authorization.AuthorizeAsync(User, Capabilities.RerunEligibility)).Succeeded;
}
