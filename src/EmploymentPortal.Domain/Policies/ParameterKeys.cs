namespace EmploymentPortal.Domain.Policies;

/// <summary>Keys of the policy parameters the code reads; their values and sources are seeded data.</summary>
public static class ParameterKeys
{
    public const string WorkingAgeMinimumYears = "WorkingAge.MinimumYears";
    public const string LongTermUnemploymentMonths = "Unemployment.LongTermMonths";
    public const string ZeroEmploymentStableMonths = "ZeroEmployment.StableMonths";

    /// <summary>A certified hardship person is visited at home at least once in this many calendar months (003 §三(七) 定期家访).</summary>
    public const string HardshipVisitIntervalMonths = "Hardship.VisitIntervalMonths";

    /// <summary>The 4050 hardship group: women from this age, men from that age (002 §二.4).</summary>
    public const string HardshipWomenMinAge = "Hardship4050.WomenMinAge";
    public const string HardshipMenMinAge = "Hardship4050.MenMinAge";

    /// <summary>How many working days a public notice 公示 of approved applications runs before payment.</summary>
    public const string NoticeWorkingDays = "Notice.WorkingDays";

    /// <summary>A planned reduction of at least this many people must be reported (004 §七(二); Labour Contract Law art. 41).</summary>
    public const string LayoffMinPeople = "Layoff.MinPeople";

    /// <summary>…or of at least this share (0–1) of the workforce.</summary>
    public const string LayoffMinShare = "Layoff.MinShare";

    /// <summary>A city designates at least this many monitoring points (004 §一).</summary>
    public const string MonitoringCityMinPoints = "Monitoring.CityMinPoints";

    /// <summary>A county designates one point for every this many labour-security affairs offices (004 §一: one third).</summary>
    public const string MonitoringCountyOfficesPerPoint = "Monitoring.CountyOfficesPerPoint";

    /// <summary>Per retirement schedule (Male, FemaleWorker, FemaleCadre): base age, reform start, step and cap.</summary>
    public static string RetirementBaseYears(RetirementSchedule schedule) => $"Retirement.{schedule}.BaseYears";

    /// <summary>First birth month (yyyyMM) affected by the gradual raise.</summary>
    public static string RetirementReformFirstBirthMonth(RetirementSchedule schedule) => $"Retirement.{schedule}.ReformFirstBirthMonth";

    /// <summary>Birth months per one month of delay.</summary>
    public static string RetirementStepMonths(RetirementSchedule schedule) => $"Retirement.{schedule}.StepMonths";

    /// <summary>Largest delay in months (0 before the reform took effect).</summary>
    public static string RetirementMaxDelayMonths(RetirementSchedule schedule) => $"Retirement.{schedule}.MaxDelayMonths";
}

/// <summary>The statutory retirement schedules: men; women workers (女职工); women cadres (女干部, 管理和专业技术岗位).</summary>
public enum RetirementSchedule
{
    Male = 1,
    FemaleWorker = 2,
    FemaleCadre = 3,
}
