using System.Globalization;
using EmploymentPortal.Domain.Eligibility;

namespace EmploymentPortal.Domain.Subsidies;

public enum FactKind
{
    YesNo = 1,
    Date = 2,
    Amount = 3,
    Count = 4,
}

/// <summary>
/// A fact staff enter on an application (the registry cannot know it): its name (the
/// <see cref="EligibilityFacts"/> property it sets), its kind, and how a typed value sets it.
/// Values travel and are stored as invariant text ("true", "2026-01-31", "150000").
/// </summary>
public sealed class FactField
{
    private readonly Func<EligibilityFacts, string, EligibilityFacts?> _apply;

    private FactField(string name, FactKind kind, Func<EligibilityFacts, string, EligibilityFacts?> apply)
    {
        Name = name;
        Kind = kind;
        _apply = apply;
    }

    public string Name { get; }

    public FactKind Kind { get; }

    /// <summary>The facts with this value set, or null when the text is not a valid value of the kind.</summary>
    public EligibilityFacts? TryApply(EligibilityFacts facts, string value) => _apply(facts, value.Trim());

    internal static FactField YesNo(string name, Func<EligibilityFacts, bool, EligibilityFacts> set) =>
        new(name, FactKind.YesNo, (f, v) => bool.TryParse(v, out var b) ? set(f, b) : null);

    internal static FactField Date(string name, Func<EligibilityFacts, DateOnly, EligibilityFacts> set) =>
        new(name, FactKind.Date, (f, v) => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? set(f, d) : null);

    internal static FactField Amount(string name, Func<EligibilityFacts, decimal, EligibilityFacts> set) =>
        new(name, FactKind.Amount, (f, v) => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) && m >= 0 && m < 100_000_000m ? set(f, m) : null);

    internal static FactField Count(string name, Func<EligibilityFacts, int, EligibilityFacts> set) =>
        new(name, FactKind.Count, (f, v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000 ? set(f, n) : null);
}

/// <summary>Which application facts each scheme's rule reads (the registry supplies the rest).</summary>
public static class ApplicationFacts
{
    private static readonly FactField[] Fields =
    [
        FactField.YesNo(nameof(EligibilityFacts.StartingSelfEmployment), (f, v) => f with { StartingSelfEmployment = v }),
        FactField.Amount(nameof(EligibilityFacts.RequestedLoanAmount), (f, v) => f with { RequestedLoanAmount = v }),
        FactField.Count(nameof(EligibilityFacts.RequestedLoanTermMonths), (f, v) => f with { RequestedLoanTermMonths = v }),
        FactField.YesNo(nameof(EligibilityFacts.NewCommunityServiceProject), (f, v) => f with { NewCommunityServiceProject = v }),
        FactField.Date(nameof(EligibilityFacts.ContractStart), (f, v) => f with { ContractStart = v }),
        FactField.Date(nameof(EligibilityFacts.ContractEnd), (f, v) => f with { ContractEnd = v }),
        FactField.YesNo(nameof(EligibilityFacts.SocialInsurancePaidOnTime), (f, v) => f with { SocialInsurancePaidOnTime = v }),
        FactField.YesNo(nameof(EligibilityFacts.PublicWelfarePost), (f, v) => f with { PublicWelfarePost = v }),
        FactField.YesNo(nameof(EligibilityFacts.LowIncomeHousehold), (f, v) => f with { LowIncomeHousehold = v }),
        FactField.YesNo(nameof(EligibilityFacts.TrainingFree), (f, v) => f with { TrainingFree = v }),
        FactField.Amount(nameof(EligibilityFacts.PassRatePercent), (f, v) => f with { PassRatePercent = v }),
        FactField.Amount(nameof(EligibilityFacts.ReemploymentRatePercent), (f, v) => f with { ReemploymentRatePercent = v }),
        FactField.Count(nameof(EligibilityFacts.TrainingDays), (f, v) => f with { TrainingDays = v }),
        FactField.YesNo(nameof(EligibilityFacts.PlacedByIntroduction), (f, v) => f with { PlacedByIntroduction = v }),
    ];

    private static readonly Dictionary<string, string[]> ByScheme = new(StringComparer.OrdinalIgnoreCase)
    {
        [SchemeCatalog.SmallLoan] = [nameof(EligibilityFacts.StartingSelfEmployment), nameof(EligibilityFacts.RequestedLoanAmount), nameof(EligibilityFacts.RequestedLoanTermMonths)],
        [SchemeCatalog.CommunityJobDevelopment] = [nameof(EligibilityFacts.NewCommunityServiceProject), nameof(EligibilityFacts.ContractStart), nameof(EligibilityFacts.ContractEnd), nameof(EligibilityFacts.SocialInsurancePaidOnTime)],
        [SchemeCatalog.SocialInsurance] = [nameof(EligibilityFacts.ContractStart), nameof(EligibilityFacts.ContractEnd), nameof(EligibilityFacts.PublicWelfarePost)],
        [SchemeCatalog.PostSubsidy] = [nameof(EligibilityFacts.PublicWelfarePost), nameof(EligibilityFacts.ContractStart)],
        [SchemeCatalog.Training] = [nameof(EligibilityFacts.TrainingFree), nameof(EligibilityFacts.PassRatePercent), nameof(EligibilityFacts.ReemploymentRatePercent)],
        [SchemeCatalog.JobSearch] = [nameof(EligibilityFacts.LowIncomeHousehold), nameof(EligibilityFacts.StartingSelfEmployment)],
        [SchemeCatalog.JobIntroduction] = [nameof(EligibilityFacts.LowIncomeHousehold), nameof(EligibilityFacts.PlacedByIntroduction), nameof(EligibilityFacts.ContractStart)],
        [SchemeCatalog.EmployerHiring] = [nameof(EligibilityFacts.LowIncomeHousehold), nameof(EligibilityFacts.ContractStart), nameof(EligibilityFacts.ContractEnd), nameof(EligibilityFacts.SocialInsurancePaidOnTime)],
        [SchemeCatalog.TrainingLivingCost] = [nameof(EligibilityFacts.LowIncomeHousehold), nameof(EligibilityFacts.TrainingDays)],
        [SchemeCatalog.SelfEmploymentRelief] = [nameof(EligibilityFacts.StartingSelfEmployment)],
    };

    /// <summary>Every fact only an application supplies (the "may qualify" lists treat these as still to come).</summary>
    public static IReadOnlySet<string> Names { get; } = Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The fields staff fill in for a scheme, in form order.</summary>
    public static IReadOnlyList<FactField> For(string scheme) =>
        ByScheme.TryGetValue(scheme, out var names) ? names.Select(n => Fields.Single(f => f.Name == n)).ToList() : [];

    /// <summary>
    /// Sets the entered values on the registry's facts. Blank values stay unknown (the rule then
    /// says what is missing); a value that does not parse is reported by field name.
    /// </summary>
    public static (EligibilityFacts Facts, IReadOnlyList<string> Invalid) Apply(string scheme, EligibilityFacts registry, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var facts = registry;
        var invalid = new List<string>();
        foreach (var field in For(scheme))
        {
            if (!values.TryGetValue(field.Name, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (field.TryApply(facts, raw) is { } next)
            {
                facts = next;
            }
            else
            {
                invalid.Add(field.Name);
            }
        }

        // A contract cannot end before it starts: the end date is the one to correct.
        if (facts.ContractStart is { } start && facts.ContractEnd is { } end && end < start && !invalid.Contains(nameof(EligibilityFacts.ContractEnd)))
        {
            invalid.Add(nameof(EligibilityFacts.ContractEnd));
            facts = facts with { ContractEnd = null };
        }

        return (facts, invalid);
    }
}
