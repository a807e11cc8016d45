namespace EmploymentPortal.Domain.Policies;

/// <summary>Keys of the policy parameters the code reads; their values and sources are seeded data.</summary>
public static class ParameterKeys
{
    public const string WorkingAgeMinimumYears = "WorkingAge.MinimumYears";
    public const string LongTermUnemploymentMonths = "Unemployment.LongTermMonths";
    public const string ZeroEmploymentStableMonths = "ZeroEmployment.StableMonths";

    /// <summary>The 4050 hardship group: women from this age, men from that age (002 §二.4).</summary>
    public const string HardshipWomenMinAge = "Hardship4050.WomenMinAge";
    public const string HardshipMenMinAge = "Hardship4050.MenMinAge";

    /// <summary>How many working days a public notice 公示 of approved applications runs before payment.</summary>
    public const string NoticeWorkingDays = "Notice.WorkingDays";

    /// <summary>Per retirement schedule (Male, FemaleWorker): base age, reform start, step and cap.</summary>
    public static string RetirementBaseYears(RetirementSchedule schedule) => $"Retirement.{schedule}.BaseYears";

    /// <summary>First birth month (yyyyMM) affected by the gradual raise.</summary>
    public static string RetirementReformFirstBirthMonth(RetirementSchedule schedule) => $"Retirement.{schedule}.ReformFirstBirthMonth";

    /// <summary>Birth months per one month of delay.</summary>
    public static string RetirementStepMonths(RetirementSchedule schedule) => $"Retirement.{schedule}.StepMonths";

    /// <summary>Largest delay in months (0 before the reform took effect).</summary>
    public static string RetirementMaxDelayMonths(RetirementSchedule schedule) => $"Retirement.{schedule}.MaxDelayMonths";
}

public enum RetirementSchedule
{
    Male = 1,
    FemaleWorker = 2,
}
