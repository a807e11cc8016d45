using System.Globalization;
using System.Security.Claims;
using EmploymentPortal.Application.Regions;
using EmploymentPortal.Application.Scoping;

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
