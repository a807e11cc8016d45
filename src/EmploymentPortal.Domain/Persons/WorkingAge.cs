using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Persons;

/// <summary>
/// Legal working age: from the minimum age to the statutory retirement age. The retirement age
/// follows the gradual reform in force on the date (from 2025: men 60 → 63, one month later for
/// every 4 birth months from January 1965; women workers 50 → 55, one month for every 2 birth
/// months from January 1975). The schedule is data (policy parameters), not code.
/// Women are taken on the worker schedule (50); the cadre schedule (55) is not modelled yet.
/// </summary>
public static class WorkingAge
{
    public static RetirementSchedule ScheduleFor(Sex sex) => sex == Sex.Male ? RetirementSchedule.Male : RetirementSchedule.FemaleWorker;

    /// <summary>The date the person reaches statutory retirement age under the rules in force on <paramref name="on"/>.</summary>
    public static DateOnly RetirementDate(DateOnly birthDate, Sex sex, DateOnly on, PolicyParameterSet parameters)
    {
        var schedule = ScheduleFor(sex);
        var baseYears = parameters.IntOn(ParameterKeys.RetirementBaseYears(schedule), on);
        var maxDelay = parameters.IntOn(ParameterKeys.RetirementMaxDelayMonths(schedule), on);
        var delay = 0;
        if (maxDelay > 0)
        {
            var first = parameters.IntOn(ParameterKeys.RetirementReformFirstBirthMonth(schedule), on);
            var step = parameters.IntOn(ParameterKeys.RetirementStepMonths(schedule), on);
            var monthsSinceFirst = (((birthDate.Year * 12) + birthDate.Month) - (((first / 100) * 12) + (first % 100)));
            if (monthsSinceFirst >= 0)
            {
                delay = Math.Min(maxDelay, (monthsSinceFirst / step) + 1);
            }
        }

        return Age.Reached(birthDate, baseYears, delay);
    }

    public static bool IsOfWorkingAge(DateOnly birthDate, Sex sex, DateOnly on, PolicyParameterSet parameters) =>
        on >= birthDate
        && Age.YearsOn(birthDate, on) >= parameters.IntOn(ParameterKeys.WorkingAgeMinimumYears, on)
        && on < RetirementDate(birthDate, sex, on, parameters);
}
