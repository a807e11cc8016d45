using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Tests;

/// <summary>
/// The national values as test data (working age from 16, retirement before and after the 2025
/// reform, the scheme numbers the sources give), and <see cref="Local"/>: the same plus made-up
/// county numbers for the schemes whose amounts the sources leave to the locality.
/// </summary>
internal static class TestParameters
{
    private static readonly DateOnly Old = new(1978, 6, 2);
    private static readonly DateOnly Reform = new(2025, 1, 1);
    private static readonly DateOnly County2020 = new(2020, 1, 1);

    private static readonly (string Key, DateOnly EffectiveFrom, decimal Value)[] NationalVersions =
    [
        (ParameterKeys.WorkingAgeMinimumYears, Old, 16m),
        (ParameterKeys.LongTermUnemploymentMonths, Old, 12m),
        (ParameterKeys.ZeroEmploymentStableMonths, Old, 6m),
        (ParameterKeys.RetirementBaseYears(RetirementSchedule.Male), Old, 60m),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.Male), Old, 0m),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.Male), Reform, 36m),
        (ParameterKeys.RetirementReformFirstBirthMonth(RetirementSchedule.Male), Reform, 196501m),
        (ParameterKeys.RetirementStepMonths(RetirementSchedule.Male), Reform, 4m),
        (ParameterKeys.RetirementBaseYears(RetirementSchedule.FemaleWorker), Old, 50m),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleWorker), Old, 0m),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleWorker), Reform, 60m),
        (ParameterKeys.RetirementReformFirstBirthMonth(RetirementSchedule.FemaleWorker), Reform, 197501m),
        (ParameterKeys.RetirementStepMonths(RetirementSchedule.FemaleWorker), Reform, 2m),
        (ParameterKeys.RetirementBaseYears(RetirementSchedule.FemaleCadre), Old, 55m),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleCadre), Old, 0m),
        (ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleCadre), Reform, 36m),
        (ParameterKeys.RetirementReformFirstBirthMonth(RetirementSchedule.FemaleCadre), Reform, 197001m),
        (ParameterKeys.RetirementStepMonths(RetirementSchedule.FemaleCadre), Reform, 4m),
        (ParameterKeys.HardshipWomenMinAge, Old, 40m),
        (ParameterKeys.HardshipMenMinAge, Old, 50m),
        ("Scheme.SmallLoan.MaxAmount", new DateOnly(2003, 6, 3), 20_000m),
        ("Scheme.SmallLoan.MaxTermYears", new DateOnly(2003, 6, 3), 2m),
        ("Scheme.SmallLoan.MaxAmount", new DateOnly(2020, 1, 1), 200_000m),
        ("Scheme.SmallLoan.MaxTermYears", new DateOnly(2020, 1, 1), 3m),
        ("Scheme.CommunityJobDevelopment.AmountPerPerson", new DateOnly(2003, 6, 3), 500m),
        ("Scheme.CommunityJobDevelopment.MinContractYears", new DateOnly(2003, 6, 3), 3m),
        ("Scheme.SocialInsurance.MaxYears", new DateOnly(2002, 9, 30), 3m),
        ("Scheme.SocialInsurance.MinContractYears", new DateOnly(2002, 9, 30), 3m),
        ("Scheme.SocialInsurance.NearRetirementYears", new DateOnly(2002, 9, 30), 0m),
        ("Scheme.SocialInsurance.NearRetirementYears", new DateOnly(2015, 4, 27), 5m),
    ];

    public static PolicyParameterSet National { get; } = new(NationalVersions);

    /// <summary>Test values only (not from any source): a county that has set its numbers, two of them changing in 2026.</summary>
    public static PolicyParameterSet Local { get; } = new(
    [
        .. NationalVersions,
        ("Scheme.Training.AmountPerTrainee", County2020, 600m),
        ("Scheme.Training.MinPassRate", County2020, 80m),
        ("Scheme.Training.MinReemploymentRate", County2020, 60m),
        ("Scheme.JobSearch.Amount", County2020, 1_000m),
        ("Scheme.JobSearch.Amount", new DateOnly(2026, 7, 1), 1_500m),
        ("Scheme.JobIntroduction.AmountPerPlacement", County2020, 300m),
        ("Scheme.EmployerHiring.AmountPerPerson", County2020, 1_000m),
        ("Scheme.EmployerHiring.MinContractMonths", County2020, 12m),
        ("Scheme.TrainingLivingCost.DailyAmount", County2020, 30m),
        ("Scheme.TrainingLivingCost.DailyAmount", new DateOnly(2026, 1, 1), 50m),
        ("Scheme.TrainingLivingCost.MaxDays", County2020, 60m),
        ("Scheme.SelfEmploymentRelief.ReliefYears", County2020, 3m),
    ]);

    /// <summary>
    /// The layoff threshold as two versions of the same keys: 004 §七(二) (100 people or 10 %) from
    /// its stored date, then — test data, as a province adopting the national reading would enter
    /// it — the Labour Contract Law art. 41 numbers (20 people, or fewer but 10 %) from 2027.
    /// </summary>
    public static readonly DateOnly LayoffArt41From = new(2027, 1, 1);

    public static PolicyParameterSet Layoffs { get; } = new(
    [
        (ParameterKeys.LayoffMinPeople, new DateOnly(2022, 3, 16), 100m),
        (ParameterKeys.LayoffMinShare, new DateOnly(2022, 3, 16), 0.10m),
        (ParameterKeys.LayoffMinPeople, LayoffArt41From, 20m),
        (ParameterKeys.LayoffMinShare, LayoffArt41From, 0.10m),
        (ParameterKeys.MonitoringCityMinPoints, new DateOnly(2022, 3, 16), 5m),
        (ParameterKeys.MonitoringCountyOfficesPerPoint, new DateOnly(2022, 3, 16), 3m),
    ]);
}
