namespace EmploymentPortal.Core.Scoping;

/// <summary>Claims the portal adds to a staff member's sign-in, refreshed with the security stamp.</summary>
public static class PortalClaims
{
    public const string DisplayName = "ep:display_name";
    public const string UnitId = "ep:unit_id";
    public const string UnitName = "ep:unit_name";
    public const string UnitKind = "ep:unit_kind";
    public const string RegionCode = "ep:region_code";
}
