namespace EmploymentPortal.Core.Subsidies;

/// <summary>The values a version sets (parameter name → value) and those in force from its date on.</summary>
public sealed record SchemeVersion(DateOnly EffectiveFrom, string Source, IReadOnlyDictionary<string, decimal> Set, IReadOnlyDictionary<string, decimal> InForce);
