namespace EmploymentPortal.Domain.Regions;

/// <summary>
/// A 12-digit statistical division code (统计用区划代码): province (2) + city (2) + county (2) +
/// street/township (3) + community/village (3). Higher levels are zero-padded, so
/// 370702000000 is a county and 370702001001 a community. Everything inside a region shares the
/// region's <see cref="ScopePrefix"/>, which makes "in my area" a prefix match.
/// </summary>
public readonly record struct RegionCode
{
    public const int Length = 12;

    private RegionCode(string value, RegionLevel level)
    {
        Value = value;
        Level = level;
    }

    public string Value { get; }

    /// <summary>The level implied by the code's non-zero segments.</summary>
    public RegionLevel Level { get; }

    /// <summary>The digits every code inside this region starts with (2, 4, 6, 9 or 12 digits).</summary>
    public string ScopePrefix => Value[..PrefixLength(Level)];

    /// <summary>The enclosing region's code, or null for a province.</summary>
    public RegionCode? Parent => Level == RegionLevel.Province
        ? null
        : FromPrefix(Value[..PrefixLength(Level - 1)]);

    public static int PrefixLength(RegionLevel level) => level switch
    {
        RegionLevel.Province => 2,
        RegionLevel.City => 4,
        RegionLevel.County => 6,
        RegionLevel.Street => 9,
        RegionLevel.Community => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static bool TryParse(string? text, out RegionCode code)
    {
        code = default;
        if (text is null || text.Length != Length || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        // The level is the deepest non-zero segment; a zero segment may not sit above a non-zero one.
        RegionLevel? level = null;
        foreach (var candidate in new[] { RegionLevel.Community, RegionLevel.Street, RegionLevel.County, RegionLevel.City, RegionLevel.Province })
        {
            var start = candidate == RegionLevel.Province ? 0 : PrefixLength(candidate - 1);
            var segment = text[start..PrefixLength(candidate)];
            var zero = segment.All(c => c == '0');
            if (level is null && !zero)
            {
                level = candidate;
            }
            else if (level is not null && zero && candidate != RegionLevel.City && candidate != RegionLevel.County)
            {
                // City and county segments may legitimately be 00 (municipalities, county-level cities
                // directly under a province); a zero province or street under a community is not.
                return false;
            }
        }

        if (level is null)
        {
            return false;
        }

        code = new RegionCode(text, level.Value);
        return true;
    }

    public static RegionCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new RegionException("Region.CodeInvalid");

    /// <summary>Pads a 2/4/6/9/12-digit prefix to the full code.</summary>
    public static RegionCode FromPrefix(string prefix) => Parse(prefix.PadRight(Length, '0'));

    /// <summary>True when <paramref name="other"/> is this region or lies below it.</summary>
    public bool Contains(RegionCode other) => other.Value.StartsWith(ScopePrefix, StringComparison.Ordinal);

    public override string ToString() => Value;
}
