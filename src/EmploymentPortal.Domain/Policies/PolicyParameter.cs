namespace EmploymentPortal.Domain.Policies;

/// <summary>
/// One version of a policy number: it applies from <see cref="EffectiveFrom"/> until the next
/// version of the same key starts. History is never edited; a change is a new version.
/// </summary>
public sealed class PolicyParameter
{
    public const int KeyMaxLength = 80;
    public const int SourceMaxLength = 200;

    private PolicyParameter()
    {
        Key = string.Empty;
        Source = string.Empty;
    }

    public int Id { get; private set; }

    public string Key { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public decimal Value { get; private set; }

    /// <summary>Where the number comes from: a policy source file and section, or the deciding body.</summary>
    public string Source { get; private set; }

    public static PolicyParameter Create(string key, DateOnly effectiveFrom, decimal value, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new PolicyParameter { Key = key, EffectiveFrom = effectiveFrom, Value = value, Source = source };
    }
}

/// <summary>The version of a parameter in force on a date: its value, first day and source.</summary>
public sealed record ParameterVersion(string Key, DateOnly EffectiveFrom, decimal Value, string Source);

/// <summary>The versions of every parameter, answering "what was the value on this date" and "which version said so".</summary>
public sealed class PolicyParameterSet
{
    private readonly Dictionary<string, List<ParameterVersion>> _versions;

    public PolicyParameterSet(IEnumerable<(string Key, DateOnly EffectiveFrom, decimal Value)> versions)
        : this(versions.Select(v => new ParameterVersion(v.Key, v.EffectiveFrom, v.Value, string.Empty)))
    {
    }

    public PolicyParameterSet(IEnumerable<ParameterVersion> versions)
    {
        _versions = versions
            .GroupBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.EffectiveFrom).ToList(), StringComparer.Ordinal);
    }

    public decimal ValueOn(string key, DateOnly date) =>
        TryValueOn(key, date) ?? throw new InvalidOperationException($"Policy parameter '{key}' has no version in force on {date:yyyy-MM-dd}.");

    public int IntOn(string key, DateOnly date) => (int)ValueOn(key, date);

    /// <summary>The value on the date, or null when the key has no version in force (a number not set yet).</summary>
    public decimal? TryValueOn(string key, DateOnly date) => TryVersionOn(key, date)?.Value;

    /// <summary>The version in force on the date, or null when the key has none (a number not set yet).</summary>
    public ParameterVersion? TryVersionOn(string key, DateOnly date)
    {
        if (!_versions.TryGetValue(key, out var versions))
        {
            return null;
        }

        ParameterVersion? found = null;
        foreach (var version in versions)
        {
            if (version.EffectiveFrom > date)
            {
                break;
            }

            found = version;
        }

        return found;
    }
}
