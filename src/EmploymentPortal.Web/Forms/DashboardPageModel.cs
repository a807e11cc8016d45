using EmploymentPortal.Application.Reports;
using EmploymentPortal.Domain.Regions;
using Microsoft.AspNetCore.Mvc;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// The registry dashboard of the caller's area (or of a region inside it, <c>?region=</c>) as of a
/// date (<c>?on=</c>, default today): one row per child region, linking one level down. A region
/// outside the caller's area is not found.
/// </summary>
public abstract class DashboardPageModel(IReports reports, TimeProvider clock) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    public RegistryDashboard? Dashboard { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || (Region is not null && !RegionCode.TryParse(Region, out _)))
        {
            return BadRequest();
        }

        Dashboard = await reports.RegistryDashboardAsync(Region, On ?? Today, cancellationToken);
        return Dashboard is null ? NotFound() : Page();
    }
}
