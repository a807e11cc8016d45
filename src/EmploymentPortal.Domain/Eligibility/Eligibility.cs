using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Eligibility;

public enum Outcome
{
    Met = 1,
    NotMet = 2,

    /// <summary>A fact (or a number) the criterion needs is missing.</summary>
    Unknown = 3,
}

public enum Decision
{
    Eligible = 1,
    NotEligible = 2,
    CannotTell = 3,
}

/// <summary>A bilingual sentence (the service speaks both languages; pages pick one).</summary>
public sealed record Reason(string Zh, string En)
{
    public string In(bool chinese) => chinese ? Zh : En;
}

/// <summary>One condition of a rule: its outcome, the facts it used, and why, in both languages.</summary>
public sealed record Criterion(string Code, Outcome Outcome, Reason Reason, IReadOnlyDictionary<string, string> FactsUsed);

/// <summary>
/// The evaluation of one scheme (or certification) for one case on one date: the decision, every
/// criterion, what is missing, and the computed amount and duration when eligible.
/// </summary>
public sealed record EligibilityResult(
    string SchemeCode,
    DateOnly On,
    Decision Decision,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<string> MissingFacts,
    decimal? Amount,
    int? DurationMonths);

/// <summary>
/// What a rule may need to know. Null means "not known", which yields "cannot tell" with the fact
/// named, never a silent "no".
/// </summary>
public sealed record EligibilityFacts
{
    public required DateOnly ApplicationDate { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Sex? Sex { get; init; }

    public LaborCapacity? LaborCapacity { get; init; }

    public bool? WantsWork { get; init; }

    /// <summary>Has an open unemployment registration on the application date.</summary>
    public bool? RegisteredUnemployed { get; init; }

    public bool? HardshipCertified { get; init; }

    public bool? StartingSelfEmployment { get; init; }

    public decimal? RequestedLoanAmount { get; init; }

    public int? RequestedLoanTermMonths { get; init; }

    public DateOnly? ContractStart { get; init; }

    public DateOnly? ContractEnd { get; init; }

    public bool? SocialInsurancePaidOnTime { get; init; }

    /// <summary>The employer is a new community service project or enterprise funded by a street or community.</summary>
    public bool? NewCommunityServiceProject { get; init; }

    public bool? PublicWelfarePost { get; init; }

    /// <summary>A member of a low-income household or a household registered as poor (低收入户、建档立卡贫困户).</summary>
    public bool? LowIncomeHousehold { get; init; }

    /// <summary>A member of a zero-employment household (零就业家庭).</summary>
    public bool? ZeroEmploymentHousehold { get; init; }

    /// <summary>The training was free to the trainee.</summary>
    public bool? TrainingFree { get; init; }

    /// <summary>The training class's pass rate, in percent.</summary>
    public decimal? PassRatePercent { get; init; }

    /// <summary>The training class's re-employment rate after the training, in percent.</summary>
    public decimal? ReemploymentRatePercent { get; init; }

    /// <summary>Days of training attended.</summary>
    public int? TrainingDays { get; init; }

    /// <summary>The job was found through a job introduction (职业介绍).</summary>
    public bool? PlacedByIntroduction { get; init; }
}
