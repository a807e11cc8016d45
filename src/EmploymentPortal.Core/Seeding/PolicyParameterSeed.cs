using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Core.Seeding;

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

    /// <summary>
    /// The date the stored copy of 004 carries (the notice itself is signed "*年*月*日"): the
    /// monitoring and layoff numbers below apply from it.
    /// </summary>
    private static readonly DateOnly Notice004 = new(2022, 3, 16);

    /// <summary>The Labour Contract Law took effect on this day.</summary>
    private static readonly DateOnly LabourContractLaw = new(2008, 1, 1);

    private const string Layoff004Source = "004 §七(二) (企业需要裁减100人以上或占企业职工总数百分之十以上的, 裁减人员方案要及时向当地劳动行政部门报告)";
    private const string Art41Source = "《劳动合同法》第四十一条 (裁减人员二十人以上或者裁减不足二十人但占企业职工总数百分之十以上的, 裁减人员方案向劳动行政部门报告)";

    private const string ReformSource = "全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》(2024-09-13), 附件";
    private const string OldSource = "国发〔1978〕104号 (男 60 周岁, 女工人 50 周岁)";
    private const string OldCadreSource = "国发〔1978〕104号 (女干部 55 周岁)";

    public static IReadOnlyList<(string Key, DateOnly EffectiveFrom, decimal Value, string Source)> All { get; } =
    [
        (ParameterKeys.WorkingAgeMinimumYears, LabourLaw, 16m, "《劳动法》第十五条 (禁止招用未满十六周岁的未成年人)"),
        (ParameterKeys.LongTermUnemploymentMonths, LabourLaw, 12m, "002 §一 (失业一年以上为长期失业)"),
        (ParameterKeys.ZeroEmploymentStableMonths, LabourLaw, 6m, "004 §三(一) 稳定一户; months set by the county (no number in the source)"),
        (ParameterKeys.HardshipVisitIntervalMonths, LabourLaw, 1m, "003 §三(七) (确认为特困群体的, 由街道、社区劳动保障工作机构负责登记造册、定期家访; the source sets no interval: once a calendar month is a county value)"),
        (ParameterKeys.HardshipWomenMinAge, new DateOnly(2002, 9, 30), 40m, "002 §二.4 (男 50 周岁以上、女 40 周岁以上; 中发〔2002〕12号)"),
        (ParameterKeys.HardshipMenMinAge, new DateOnly(2002, 9, 30), 50m, "002 §二.4 (男 50 周岁以上、女 40 周岁以上; 中发〔2002〕12号)"),
        (ParameterKeys.NoticeWorkingDays, new DateOnly(2002, 9, 30), 5m, "002 §四(五) 公示 (the source sets no length; 5 working days is the usual local practice, a county value)"),
        (ParameterKeys.LayoffMinPeople, Notice004, 100m, Layoff004Source),
        (ParameterKeys.LayoffMinShare, Notice004, 0.10m, Layoff004Source),
        (ParameterKeys.MonitoringCityMinPoints, Notice004, 5m, "004 §一 (省辖市要确定五个以上街道(社区)劳动保障平台设立监测点)"),
        (ParameterKeys.MonitoringCountyOfficesPerPoint, Notice004, 3m, "004 §一 (县级以下城市要确定三分之一的劳动保障事务所为监测点: one point per 3 offices, rounded up)"),
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
        (ParameterKeys.RetirementBaseYears(RetirementSchedule.FemaleCadre), OldRetirement, 55m, OldCadreSource),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleCadre), OldRetirement, 0m, OldCadreSource),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleCadre), Reform, 36m, ReformSource),
        (ParameterKeys.RetirementReformFirstBirthMonth(RetirementSchedule.FemaleCadre), Reform, 197001m, ReformSource),
        (ParameterKeys.RetirementStepMonths(RetirementSchedule.FemaleCadre), Reform, 4m, ReformSource),
    ];

    /// <summary>
    /// Not seeded: the national reading of the layoff threshold (Labour Contract Law art. 41, from
    /// 2008-01-01), the same two keys. The portal seeds 004's numbers as current (the source this
    /// feature implements); a province or county that applies art. 41 for its early-warning list
    /// adds these as a later version of both keys (docs/policy-rules.md, "Mass layoff reports").
    /// </summary>
    public static IReadOnlyList<(string Key, DateOnly EffectiveFrom, decimal Value, string Source)> LayoffArt41 { get; } =
    [
        (ParameterKeys.LayoffMinPeople, LabourContractLaw, 20m, Art41Source),
        (ParameterKeys.LayoffMinShare, LabourContractLaw, 0.10m, Art41Source),
    ];
}
