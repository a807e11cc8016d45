using System.Security.Claims;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Core.Scoping;

/// <summary>The one rule that turns a signed-in user into a data scope.</summary>
public static class DataScopes
{
    /// <summary>
    /// The system administrator sees all org data (accounts and units everywhere; its capabilities
    /// keep it off every personal-data page); the security and audit administrators see no
    /// region-scoped row; staff see their unit's region subtree; everyone else — and staff whose
    /// unit claim is missing or malformed — sees nothing.
    /// </summary>
    public static DataScope ForPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return DataScope.None;
        }

        if (principal.IsInRole(Roles.SystemAdmin))
        {
            return DataScope.All;
        }

        var isStaff = Roles.CaseWorkers.Any(principal.IsInRole);
        var code = principal.FindFirst(PortalClaims.RegionCode)?.Value;
        return isStaff && RegionCode.TryParse(code, out var region) ? DataScope.Region(region) : DataScope.None;
    }
}
