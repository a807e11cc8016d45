using EmploymentPortal.Application.Subsidies;
using EmploymentPortal.Web.Forms;

namespace EmploymentPortal.Web.Areas.Bureau.Pages;

/// <summary>A scheme's "may qualify" list in the caller's area.</summary>
public sealed class CandidatesModel(IEligibilityCandidates candidates) : CandidateListPageModel(candidates)
{
    public override bool LinksToPersons => false;
}
