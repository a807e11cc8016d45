using EmploymentPortal.Core.Regions;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Core.Workbench;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Areas.Station.Pages;

/// <summary>Home of community and street staff: the workbench 工作台, today's work first.</summary>
[Authorize(Policy = Capabilities.ViewStationHome)]
public sealed class IndexModel(OrgDirectory directory, EligibilityCandidates candidates, WorkbenchToDo toDo) : StaffHomePageModel(directory, candidates)
{
    protected override string Area => "Station";

    /// <summary>Today's work in the unit's area (null without a unit).</summary>
    public ToDoCounts? ToDo { get; private set; }

    /// <summary>A count as shown: capped ones as "1,000+".</summary>
    public static string Shown(int count) => count > WorkbenchToDo.Cap
        ? WorkbenchToDo.Cap.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "+"
        : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task LoadMoreAsync(StaffHome home, CancellationToken cancellationToken) =>
        ToDo = await toDo.CountAsync(home.Unit.RegionId, cancellationToken);
}
