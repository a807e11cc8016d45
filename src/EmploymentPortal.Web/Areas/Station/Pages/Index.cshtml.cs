using EmploymentPortal.Application.Regions;
using EmploymentPortal.Application.Subsidies;
using EmploymentPortal.Web.Forms;

namespace EmploymentPortal.Web.Areas.Station.Pages;

/// <summary>Home of community and street staff.</summary>
public sealed class IndexModel(IOrgDirectory directory, IEligibilityCandidates candidates) : StaffHomePageModel(directory, candidates)
{
    protected override string Area => "Station";
}
