using EmploymentPortal.Core.Regions;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages;

/// <summary>Home of county and city officials; county officials can re-run the eligibility batch for their county.</summary>
[Authorize(Policy = Capabilities.ViewBureauHome)]
public sealed class IndexModel(
    OrgDirectory directory,
    EligibilityCandidates candidates,
    EligibilityBatch batch,
    IAuthorizationService authorization,
    IStringLocalizer<Texts> texts) : StaffHomePageModel(directory, candidates)
{
    protected override string Area => "Bureau";

    /// <summary>Evaluates the official's area now (audited by the batch) and comes back with the counts.</summary>
    public async Task<IActionResult> OnPostEvaluateAsync(CancellationToken cancellationToken)
    {
        if (!await CanReEvaluateAsync())
        {
            return Forbid();
        }

        var summary = await batch.RunForCallerAsync(cancellationToken);
        if (summary is null)
        {
            return Forbid();
        }

        TempData["Message"] = texts["Candidates.Evaluated", summary.Persons, summary.Candidates].Value;
        return RedirectToPage();
    }

    protected override async Task<bool> CanReEvaluateAsync() =>
        (await authorization.AuthorizeAsync(User, Capabilities.RerunEligibility)).Succeeded;
}
