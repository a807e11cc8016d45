namespace EmploymentPortal.Domain.Regions;

/// <summary>The four levels of the public employment service network (policy-rules.md).</summary>
public enum OrgUnitKind
{
    /// <summary>市人力资源和社会保障局</summary>
    CityBureau = 1,

    /// <summary>区/县劳动保障局</summary>
    CountyBureau = 2,

    /// <summary>街道劳动保障事务所</summary>
    StreetOffice = 3,

    /// <summary>社区劳动保障事务站</summary>
    CommunityStation = 4,
}

public static class OrgUnitKinds
{
    /// <summary>The region level each kind of unit sits on.</summary>
    public static RegionLevel RegionLevel(this OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.CityBureau => Regions.RegionLevel.City,
        OrgUnitKind.CountyBureau => Regions.RegionLevel.County,
        OrgUnitKind.StreetOffice => Regions.RegionLevel.Street,
        OrgUnitKind.CommunityStation => Regions.RegionLevel.Community,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
