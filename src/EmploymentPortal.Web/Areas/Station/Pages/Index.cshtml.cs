using EmploymentPortal.Core.Regions;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Areas.Station.Pages;

/// <summary>Home of community and street staff.</summary>
[Authorize(Policy = Capabilities.ViewStationHome)]
public sealed class IndexModel(OrgDirectory directory, EligibilityCandidates candidates) : StaffHomePageModel(directory, candidates)
{
    protected override string Area => "Station";
}
