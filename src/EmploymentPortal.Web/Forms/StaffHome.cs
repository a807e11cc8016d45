using System.Globalization;
using System.Security.Claims;
using EmploymentPortal.Application.Regions;
using EmploymentPortal.Application.Scoping;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Forms;

/// <summary>What a staff home page shows: the member's unit and the regions below it.</summary>
public sealed record StaffHome(OrgUnitSummary Unit, RegionDetail Region)
{
    public static async Task<StaffHome?> LoadAsync(IOrgDirectory directory, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!int.TryParse(user.FindFirstValue(PortalClaims.UnitId), NumberStyles.None, CultureInfo.InvariantCulture, out var unitId))
        {
            return null;
        }

        var unit = await directory.GetUnitAsync(unitId, cancellationToken);
        var region = unit is null ? null : await directory.GetRegionAsync(unit.Unit.RegionId, cancellationToken);
        return unit is null || region is null ? null : new StaffHome(unit.Unit, region);
    }
}

/// <summary>The home pages of station staff and bureau officials: the member's unit and the area below it.</summary>
public abstract class StaffHomePageModel(IOrgDirectory directory) : PageModel
{
    public StaffHome? Home { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Home = await StaffHome.LoadAsync(directory, User, cancellationToken);
}
