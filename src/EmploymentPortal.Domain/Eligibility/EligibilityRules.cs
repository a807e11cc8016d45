using EmploymentPortal.Domain.Eligibility.Rules;
using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Eligibility;

/// <summary>
/// The policy-eligibility rules: each scheme's conditions as criteria over <see cref="EligibilityFacts"/>,
/// with the numbers read for the application date from the parameter versions. Ages are taken on
/// the application date, to the day.
/// </summary>
public static class EligibilityRules
{
    /// <summary>The 4050 hardship certification (大龄就业困难对象), evaluated like a scheme.</summary>
    public const string Hardship4050 = nameof(Hardship4050);

    /// <summary>A member of a zero-employment household (零就业家庭) seeking work: a second certifiable hardship category.</summary>
    public const string HardshipZeroEmployment = nameof(HardshipZeroEmployment);

    /// <summary>The reason code of a criterion whose policy number the county has not set for the date.</summary>
    public const string NumberNotSet = nameof(NumberNotSet);

    /// <summary>The rules, one class per scheme or hardship category (Rules/README.md lists them).</summary>
    private static readonly IReadOnlyList<IEligibilityRule> Rules =
    [
        new Hardship4050Rule(), new HardshipZeroEmploymentRule(), new SmallLoanRule(), new CommunityJobDevelopmentRule(), new SocialInsuranceRule(), new PostSubsidyRule(),
        new TrainingRule(), new JobSearchRule(), new JobIntroductionRule(), new EmployerHiringRule(), new TrainingLivingCostRule(), new SelfEmploymentReliefRule(),
    ];

    private static readonly Dictionary<string, IEligibilityRule> ByCode = Rules.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public static IReadOnlyList<string> Implemented { get; } = Rules.Select(r => r.Code).ToList();

    /// <summary>The hardship categories a person may be certified in (就业困难人员), each evaluated by the rule of its code.</summary>
    public static IReadOnlyList<HardshipCategory> HardshipCategories { get; } =
    [
        new(Hardship4050),
        new(HardshipZeroEmployment),
    ];

    /// <summary>
    /// The schemes that reward a hire judge the person as they were when hired (the contract's
    /// start): registered unemployed, of working age, certified (docs/policy-rules.md, "Judged-at
    /// dates"). The others judge the person on the application date. Each rule declares its own.
    /// </summary>
    public static JudgedAt JudgedAtOf(string code) =>
        code is not null && ByCode.TryGetValue(code, out var rule) ? rule.JudgedAt : JudgedAt.Application;

    /// <summary>The date a scheme judges the person at: the contract's start for a hire (when known), else the application date.</summary>
    public static DateOnly PersonDateFor(string code, DateOnly applicationDate, DateOnly? contractStart) =>
        JudgedAtOf(code) == JudgedAt.Hire && contractStart is { } start ? start : applicationDate;

    /// <summary>
    /// Evaluates the rule of <paramref name="code"/>: the working age every scheme and category
    /// requires (<see cref="Criteria.OfWorkingAge"/>), then the rule's own criteria.
    /// </summary>
    public static EligibilityResult Evaluate(EligibilityFacts facts, string code, PolicyParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rule = new RuleBuilder(code, facts.ApplicationDate, facts.PersonDate ?? facts.ApplicationDate, JudgedAtOf(code), parameters);
        Criteria.OfWorkingAge(rule, facts);
        return code is not null && ByCode.TryGetValue(code, out var scheme)
            ? scheme.Evaluate(rule, facts)
            : throw new ArgumentOutOfRangeException(nameof(code), code, "No eligibility rule for this scheme yet.");
    }
}

/// <summary>Which date a scheme judges the person's own conditions at.</summary>
public enum JudgedAt
{
    /// <summary>The application (or certification request) date.</summary>
    Application = 1,

    /// <summary>The hire: the start of the labour contract or placement.</summary>
    Hire = 2,
}

/// <summary>A hardship category a person may be certified in; its code is the rule that checks it (pages name it from the text <c>Category.{Code}</c>).</summary>
public sealed record HardshipCategory(string Code);
