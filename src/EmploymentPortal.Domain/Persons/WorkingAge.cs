using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Persons;

/// <summary>Where a person stands against legal working age on a date.</summary>
public enum WorkingAgeStanding
{
    /// <summary>Younger than the minimum working age (《劳动法》第十五条: 16).</summary>
    TooYoung = 1,

    Within = 2,

    /// <summary>The statutory retirement date has been reached.</summary>
    Retired = 3,
}

/// <summary>The working-age check of one person on one date, with the numbers it used.</summary>
public sealed record WorkingAgeCheck(WorkingAgeStanding Standing, int MinimumYears, DateOnly RetirementDate, RetirementSchedule Schedule)
{
    public bool IsWithin => Standing == WorkingAgeStanding.Within;
}

/// <summary>
/// Legal working age: from the minimum age to the person's own statutory retirement date. The
/// retirement age follows the gradual reform in force on the date (from 2025: men 60 → 63, one
/// month later for every 4 birth months from January 1965; women cadres 55 → 58, one month for
/// every 4 birth months from January 1970; women workers 50 → 55, one month for every 2 birth
/// months from January 1975). The schedule is data (policy parameters), not code; which schedule a
/// woman is on (worker or cadre) is recorded on her person record.
/// </summary>
public static class WorkingAge
{
    public static RetirementSchedule ScheduleFor(Sex sex, bool femaleCadre = false) =>
        sex == Sex.Male ? RetirementSchedule.Male : femaleCadre ? RetirementSchedule.FemaleCadre : RetirementSchedule.FemaleWorker;

    /// <summary>The date the person reaches statutory retirement age under the rules in force on <paramref name="on"/>.</summary>
    public static DateOnly RetirementDate(DateOnly birthDate, RetirementSchedule schedule, DateOnly on, PolicyParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var baseYears = parameters.IntOn(ParameterKeys.RetirementBaseYears(schedule), on);
        var maxDelay = parameters.IntOn(ParameterKeys.RetirementMaxDelayMonths(schedule), on);
        var delay = 0;
        if (maxDelay > 0)
        {
            var first = parameters.IntOn(ParameterKeys.RetirementReformFirstBirthMonth(schedule), on);
            var step = parameters.IntOn(ParameterKeys.RetirementStepMonths(schedule), on);
            var monthsSinceFirst = ((birthDate.Year * 12) + birthDate.Month) - (((first / 100) * 12) + (first % 100));
            if (monthsSinceFirst >= 0)
            {
                delay = Math.Min(maxDelay, (monthsSinceFirst / step) + 1);
            }
        }

        return Age.Reached(birthDate, baseYears, delay);
    }

    /// <summary>The retirement date on the schedule of the sex (women: the worker schedule).</summary>
    public static DateOnly RetirementDate(DateOnly birthDate, Sex sex, DateOnly on, PolicyParameterSet parameters) =>
        RetirementDate(birthDate, ScheduleFor(sex), on, parameters);

    public static WorkingAgeCheck Check(DateOnly birthDate, RetirementSchedule schedule, DateOnly on, PolicyParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var minimum = parameters.IntOn(ParameterKeys.WorkingAgeMinimumYears, on);
        var retirement = RetirementDate(birthDate, schedule, on, parameters);
        var standing = on < birthDate || Age.YearsOn(birthDate, on) < minimum ? WorkingAgeStanding.TooYoung
            : on >= retirement ? WorkingAgeStanding.Retired
            : WorkingAgeStanding.Within;
        return new WorkingAgeCheck(standing, minimum, retirement, schedule);
    }

    /// <summary>
    /// The earliest birth date of someone on the schedule who has not reached retirement on
    /// <paramref name="on"/>: a retirement date never moves earlier for a later birth, so a birth
    /// date range can stand for "not retired" in a query.
    /// </summary>
    public static DateOnly EarliestNotRetiredBirthDate(RetirementSchedule schedule, DateOnly on, PolicyParameterSet parameters)
    {
        var earliest = on.AddYears(-100);
        var latest = on;
        while (earliest < latest)
        {
            var middle = DateOnly.FromDayNumber(earliest.DayNumber + ((latest.DayNumber - earliest.DayNumber) / 2));
            if (RetirementDate(middle, schedule, on, parameters) > on)
            {
                latest = middle;
            }
            else
            {
                earliest = middle.AddDays(1);
            }
        }

        return earliest;
    }

    public static bool IsOfWorkingAge(DateOnly birthDate, RetirementSchedule schedule, DateOnly on, PolicyParameterSet parameters) =>
        Check(birthDate, schedule, on, parameters).IsWithin;

    /// <summary>On the schedule of the sex (women: the worker schedule).</summary>
    public static bool IsOfWorkingAge(DateOnly birthDate, Sex sex, DateOnly on, PolicyParameterSet parameters) =>
        IsOfWorkingAge(birthDate, ScheduleFor(sex), on, parameters);
}
