using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Tests;

/// <summary>The national values as test data: working age from 16, retirement before and after the 2025 reform.</summary>
internal static class TestParameters
{
    private static readonly DateOnly Old = new(1978, 6, 2);
    private static readonly DateOnly Reform = new(2025, 1, 1);

    public static PolicyParameterSet National { get; } = new(
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
    ]);
}
