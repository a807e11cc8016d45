using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages;

/// <summary>A scheme's "may qualify" list in the caller's area.</summary>
[Authorize(Policy = Capabilities.ViewAreaCandidates)]
public sealed class CandidatesModel(EligibilityCandidates candidates) : CandidateListPageModel(candidates)
{
    public override bool LinksToPersons => false;
}
