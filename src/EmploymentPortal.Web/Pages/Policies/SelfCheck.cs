using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Web.Pages.Policies;

/// <summary>The employment situations the self-check offers (a resident's own words, not the registry's statuses).</summary>
public enum SelfCheckStatus
{
    RegisteredUnemployed = 1,
    UnemployedNotRegistered = 2,
    Employed = 3,
    StartingBusiness = 4,
}

/// <summary>
/// The anonymous self-check's answers: no ID number, no name. Age is asked as a birth year and
/// month, or as whole years; either way the birth date is approximate (see <see cref="ToFacts"/>).
/// </summary>
public sealed class SelfCheckAnswers
{
    /// <summary>Plausibility bounds of the form, not policy numbers (those are parameters).</summary>
    public const int MaxAge = 120;

    [Display(Name = "Policies.Check.BirthYear")]
    public int? BirthYear { get; set; }

    [Display(Name = "Policies.Check.BirthMonth")]
    public int? BirthMonth { get; set; }

    [Display(Name = "Policies.Check.Age")]
    public int? Age { get; set; }

    [Display(Name = "Policies.Check.Sex")]
    [Required(ErrorMessage = "Policies.Check.SexRequired")]
    public Sex? Sex { get; set; }

    [Display(Name = "Policies.Check.Status")]
    [Required(ErrorMessage = "Policies.Check.StatusRequired")]
    public SelfCheckStatus? Status { get; set; }

    [Display(Name = "Policies.Check.LaborCapacity")]
    [Required(ErrorMessage = "Policies.Check.LaborCapacityRequired")]
    public LaborCapacity? LaborCapacity { get; set; }

    [Display(Name = "Policies.Check.WantsWork")]
    [Required(ErrorMessage = "Policies.Check.WantsWorkRequired")]
    public bool? WantsWork { get; set; }

    public bool HardshipCertified { get; set; }

    public bool LowIncomeHousehold { get; set; }

    public bool ZeroEmploymentHousehold { get; set; }

    public bool PublicWelfarePost { get; set; }

    [Display(Name = "Policies.Check.Community")]
    [Required(ErrorMessage = "Policies.Check.CommunityRequired")]
    public int? CommunityId { get; set; }

    /// <summary>The age and birth-month errors (field name → text key); the attributes check the rest.</summary>
    public IEnumerable<(string Field, string Key)> AgeErrors(DateOnly today)
    {
        if (BirthYear is null && BirthMonth is null)
        {
            if (Age is null)
            {
                yield return (nameof(Age), "Policies.Check.AgeRequired");
            }
            else if (Age is < 0 or > MaxAge)
            {
                yield return (nameof(Age), "Policies.Check.AgeRange");
            }

            yield break;
        }

        if (BirthYear is not { } year || year < today.Year - MaxAge || year > today.Year)
        {
            yield return (nameof(BirthYear), "Policies.Check.BirthYearRange");
        }
        else if (BirthMonth is not { } month || month is < 1 or > 12 || new DateOnly(year, month, 1) > today)
        {
            yield return (nameof(BirthMonth), "Policies.Check.BirthMonthRange");
        }
    }

    /// <summary>
    /// The approximate birth date: the 1st of the birth month (so the age is the oldest the
    /// person can be, at most a month early), or, from whole years, the date that age was reached
    /// today (an age in whole years decides "at least N years" exactly).
    /// </summary>
    public DateOnly ApproximateBirthDate(DateOnly today) =>
        BirthYear is { } year && BirthMonth is { } month ? new DateOnly(year, month, 1) : today.AddYears(-(Age ?? 0));

    /// <summary>
    /// The youngest the person can be when only a birth year and month are given: the last day of
    /// that month (not after today); null when an age in whole years was given instead.
    /// </summary>
    public DateOnly? LatestBirthDate(DateOnly today)
    {
        if (BirthYear is not { } year || BirthMonth is not { } month)
        {
            return null;
        }

        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last > today ? today : last;
    }

    /// <summary>The answers as facts for the rules; what the form does not ask stays null ("the station checks").</summary>
    public EligibilityFacts ToFacts(DateOnly today) => new()
    {
        ApplicationDate = today,
        BirthDate = ApproximateBirthDate(today),
        Sex = Sex,
        LaborCapacity = LaborCapacity,
        WantsWork = WantsWork,

        // Someone starting a business may or may not be registered: the station checks.
        RegisteredUnemployed = Status switch
        {
            SelfCheckStatus.RegisteredUnemployed => true,
            SelfCheckStatus.StartingBusiness => null,
            _ => false,
        },
        StartingSelfEmployment = Status == SelfCheckStatus.StartingBusiness,

        // The form says to leave a box unticked when unsure: a ticked box is a yes, an unticked one
        // is "not known" (the station checks), never a definite no. Which hardship category a
        // resident is certified in is not asked.
        HardshipCertified = YesOrUnknown(HardshipCertified),
        LowIncomeHousehold = YesOrUnknown(LowIncomeHousehold),
        ZeroEmploymentHousehold = YesOrUnknown(ZeroEmploymentHousehold),
        PublicWelfarePost = YesOrUnknown(PublicWelfarePost),
    };

    private static bool? YesOrUnknown(bool ticked) => ticked ? true : null;
}

/// <summary>One line of the self-check's answer: a scheme or hardship category, whether it may apply, and why.</summary>
public sealed record SelfCheckLine(string Code, SchemeDefinition? Scheme, EligibilityResult Result)
{
    /// <summary>Who the scheme pays; null for a hardship category (a certification, not a payment).</summary>
    public Beneficiary? Beneficiary => Scheme?.Beneficiary;

    /// <summary>
    /// "May apply" unless a condition is not met: every question is required, so what is left
    /// unknown is what only an application shows (a contract, a training class, a loan amount,
    /// whether someone starting a business is registered) or a number the county has not set.
    /// </summary>
    public bool MayApply => Result.Decision != Decision.NotEligible;

    /// <summary>
    /// The answer changes with the day of the month the person was born on (only a birth year and
    /// month were given): an age condition is then not stated as met or unmet, the station checks it.
    /// </summary>
    public bool DependsOnBirthDay { get; init; }

    /// <summary>Paid to someone else (an employer, a training body, a street investor): the resident does not apply, they claim.</summary>
    public bool PaidToOthers => Beneficiary is { } paidTo && paidTo != Domain.Subsidies.Beneficiary.Person;

    /// <summary>
    /// The criteria to show: for "may apply" all of them except those about a number the county
    /// has not set (said once, in plain words, instead); for "does not apply" the unmet ones (why).
    /// </summary>
    public IEnumerable<Criterion> Criteria => MayApply
        ? Result.Criteria.Where(c => !IsNumberNotSet(c))
        : Result.Criteria.Where(c => c.Outcome == Outcome.NotMet);

    public bool HasNumbersNotSet => Result.Criteria.Any(IsNumberNotSet);

    private static bool IsNumberNotSet(Criterion c) => c.Outcome == Outcome.Unknown && c.Reason.Code == EligibilityRules.NumberNotSet;

    /// <summary>The hardship categories, then every scheme, in catalogue order.</summary>
    public static IReadOnlyList<string> Codes { get; } =
        [.. EligibilityRules.HardshipCategories.Select(c => c.Code), .. SchemeCatalog.All.Select(s => s.Code)];

    public static SelfCheckLine For(EligibilityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.SchemeCode, SchemeCatalog.Find(result.SchemeCode), result);
    }
}
