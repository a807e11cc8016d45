using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Core.Scoping;

/// <summary>
/// Which region-coded rows the current caller may read. It fails closed: the default is
/// <see cref="None"/>, which matches nothing.
/// </summary>
public sealed record DataScope
{
    private DataScope(bool seesAll, string? regionPrefix)
    {
        SeesAll = seesAll;
        RegionPrefix = regionPrefix;
    }

    /// <summary>Nothing region-scoped: anonymous visitors, job seekers, employers, staff without a unit.</summary>
    public static DataScope None { get; } = new(false, null);

    /// <summary>Everything: system jobs (migration, seeding) and administrators managing accounts.</summary>
    public static DataScope All { get; } = new(true, null);

    public bool SeesAll { get; }

    /// <summary>The region-code prefix rows must start with, when the scope is a region subtree.</summary>
    public string? RegionPrefix { get; }

    public static DataScope Region(RegionCode region) => new(false, region.ScopePrefix);

    public bool Includes(string regionCode) =>
        SeesAll || (RegionPrefix is not null && regionCode.StartsWith(RegionPrefix, StringComparison.Ordinal));

    public override string ToString() => SeesAll ? "all" : RegionPrefix is null ? "none" : $"region:{RegionPrefix}";
}
