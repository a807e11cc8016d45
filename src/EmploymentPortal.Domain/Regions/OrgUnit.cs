namespace EmploymentPortal.Domain.Regions;

/// <summary>
/// An office of the employment service on one region. Staff accounts belong to exactly one unit,
/// and see the data of that unit's region subtree. The region code is carried on the unit itself
/// (as on every scoped table) so scoping is a prefix match without a join.
/// </summary>
public sealed class OrgUnit
{
    public const int NameMaxLength = 80;

    private OrgUnit()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public OrgUnitKind Kind { get; private set; }

    public int RegionId { get; private set; }

    public string RegionCode { get; private set; }

    public static OrgUnit Create(string name, OrgUnitKind kind, Region region)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(region);
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new RegionException("OrgUnit.NameRequired", "Name");
        }

        if (kind.RegionLevel() != region.Level)
        {
            throw new RegionException("OrgUnit.WrongLevel");
        }

        return new OrgUnit { Name = name, Kind = kind, RegionId = region.Id, RegionCode = region.Code };
    }
}
