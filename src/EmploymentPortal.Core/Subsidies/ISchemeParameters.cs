using EmploymentPortal.Core.Common;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// The versions of each scheme's numbers. History is never edited: a new version starts on a
/// date that is neither in the past nor before the scheme's latest version.
/// </summary>
public interface ISchemeParameters
{
    /// <summary>The scheme's versions, newest first; null for an unknown scheme.</summary>
    Task<IReadOnlyList<SchemeVersion>?> HistoryAsync(string code, CancellationToken cancellationToken);

    /// <summary>Every scheme's numbers in force on the date (scheme code → parameter name → value); numbers not set are absent.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> InForceAsync(DateOnly on, CancellationToken cancellationToken);

    /// <summary>Adds a version (city officials and admins); blank values keep the previous version's.</summary>
    Task<CommandResult> AddVersionAsync(string code, DateOnly effectiveFrom, string source, IReadOnlyDictionary<string, decimal?> values, CancellationToken cancellationToken);
}

/// <summary>The values a version sets (parameter name → value) and those in force from its date on.</summary>
public sealed record SchemeVersion(DateOnly EffectiveFrom, string Source, IReadOnlyDictionary<string, decimal> Set, IReadOnlyDictionary<string, decimal> InForce);
