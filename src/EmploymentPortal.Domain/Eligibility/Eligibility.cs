using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;

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

/// <summary>One condition of a rule: its outcome, the facts it used, and why (a reason code with typed arguments the pages format).</summary>
public sealed record Criterion(string Code, Outcome Outcome, Reason Reason, IReadOnlyDictionary<string, string> FactsUsed);

/// <summary>
/// The evaluation of one scheme (or certification) for one case on one date: the decision, every
/// criterion, what is missing, and the computed amount and duration when eligible. <see cref="On"/>
/// is the application date (the numbers in force); <see cref="PersonOn"/> the date the person's own
/// conditions were judged at, and <see cref="JudgedAt"/> what that date is (the hire for schemes
/// that reward one, when it is known and not the application date itself; else the application).
/// </summary>
public sealed record EligibilityResult(
    string SchemeCode,
    DateOnly On,
    DateOnly PersonOn,
    JudgedAt JudgedAt,
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

    /// <summary>
    /// The date the person's own conditions (registration, age, certification) are judged at, when
    /// it is not the application date: the hire (contract start) for the schemes that reward a hire
    /// (<see cref="EligibilityRules.JudgedAtOf"/>). The registry's facts are read for this date.
    /// </summary>
    public DateOnly? PersonDate { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Sex? Sex { get; init; }

    /// <summary>Which statutory retirement schedule applies (women: worker or cadre); null: the schedule of the sex, women as workers.</summary>
    public RetirementSchedule? RetirementSchedule { get; init; }

    public LaborCapacity? LaborCapacity { get; init; }

    public bool? WantsWork { get; init; }

    /// <summary>Has an unemployment registration open on the date the person is judged at (<see cref="PersonDate"/>, else the application date).</summary>
    public bool? RegisteredUnemployed { get; init; }

    /// <summary>
    /// The hardship categories (就业困难人员, <see cref="EligibilityRules.HardshipCategories"/>) the person holds a
    /// valid certification in on the date they are judged at; empty: none; null: not known.
    /// </summary>
    public IReadOnlySet<string>? CertifiedCategories { get; init; }

    /// <summary>
    /// Certified in some hardship category (a 就业困难人员) on that date; null when not known. The registry
    /// sets it with <see cref="CertifiedCategories"/>; a resident's self-check may know this without the category.
    /// </summary>
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
