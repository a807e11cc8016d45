using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Infrastructure.Seeding;

/// <summary>
/// The policy numbers the code reads, each with its effective date and source. Inserted when
/// missing at migration time; a county changes a value by adding a later version, never by
/// editing one.
/// </summary>
public static class PolicyParameterSeed
{
    private static readonly DateOnly LabourLaw = new(1995, 1, 1);
    private static readonly DateOnly OldRetirement = new(1978, 6, 2);
    private static readonly DateOnly Reform = new(2025, 1, 1);

    private const string ReformSource = "全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》(2024-09-13), 附件";
    private const string OldSource = "国发〔1978〕104号 (男 60 周岁, 女工人 50 周岁)";

    public static IReadOnlyList<(string Key, DateOnly EffectiveFrom, decimal Value, string Source)> All { get; } =
    [
        (ParameterKeys.WorkingAgeMinimumYears, LabourLaw, 16m, "《劳动法》第十五条 (禁止招用未满十六周岁的未成年人)"),
        (ParameterKeys.LongTermUnemploymentMonths, LabourLaw, 12m, "002 §一 (失业一年以上为长期失业)"),
        (ParameterKeys.ZeroEmploymentStableMonths, LabourLaw, 6m, "004 §三(一) 稳定一户; months set by the county (no number in the source)"),
        (ParameterKeys.HardshipWomenMinAge, new DateOnly(2002, 9, 30), 40m, "002 §二.4 (男 50 周岁以上、女 40 周岁以上; 中发〔2002〕12号)"),
        (ParameterKeys.HardshipMenMinAge, new DateOnly(2002, 9, 30), 50m, "002 §二.4 (男 50 周岁以上、女 40 周岁以上; 中发〔2002〕12号)"),
        (ParameterKeys.NoticeWorkingDays, new DateOnly(2002, 9, 30), 5m, "002 §四(五) 公示 (the source sets no length; 5 working days is the usual local practice, a county value)"),
        (ParameterKeys.RetirementBaseYears(RetirementSchedule.Male), OldRetirement, 60m, OldSource),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.Male), OldRetirement, 0m, OldSource),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.Male), Reform, 36m, ReformSource),
        (ParameterKeys.RetirementReformFirstBirthMonth(RetirementSchedule.Male), Reform, 196501m, ReformSource),
        (ParameterKeys.RetirementStepMonths(RetirementSchedule.Male), Reform, 4m, ReformSource),
        (ParameterKeys.RetirementBaseYears(RetirementSchedule.FemaleWorker), OldRetirement, 50m, OldSource),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleWorker), OldRetirement, 0m, OldSource),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleWorker), Reform, 60m, ReformSource),
        (ParameterKeys.RetirementReformFirstBirthMonth(RetirementSchedule.FemaleWorker), Reform, 197501m, ReformSource),
        (ParameterKeys.RetirementStepMonths(RetirementSchedule.FemaleWorker), Reform, 2m, ReformSource),
    ];
}
