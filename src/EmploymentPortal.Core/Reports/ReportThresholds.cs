using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Core.Reports;

/// <summary>
/// The ages and duration the three shares of 002 §一 turn on, read from the policy parameters,
/// and the dates they are reached, computed by the domain's <see cref="Age"/> (to the day; a
/// 29 February birthday turns on 1 March in common years). The rollups' calendar is made of these
/// dates, so the database never re-implements the rule.
/// </summary>
public sealed record ReportThresholds(int WomenYears, int MenYears, int LongTermMonths)
{
    /// <summary>The calendar's first and last day (birth and registration dates outside it get no share events).</summary>
    public static readonly DateOnly First = new(1900, 1, 1);
    public static readonly DateOnly Last = new(2100, 12, 31);

    public static ReportThresholds On(PolicyParameterSet parameters, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new(
            parameters.IntOn(ParameterKeys.HardshipWomenMinAge, on),
            parameters.IntOn(ParameterKeys.HardshipMenMinAge, on),
            parameters.IntOn(ParameterKeys.LongTermUnemploymentMonths, on));
    }

    /// <summary>The day a woman born on <paramref name="birthDate"/> enters the 4050 group (age ≥ the women's minimum).</summary>
    public DateOnly WomenFrom(DateOnly birthDate) => Age.Reached(birthDate, WomenYears);

    public DateOnly MenFrom(DateOnly birthDate) => Age.Reached(birthDate, MenYears);

    /// <summary>The day a registration opened on <paramref name="registeredOn"/> has lasted the long-term duration (UnemploymentRegistration.MonthsOn ≥ it).</summary>
    public DateOnly LongTermFrom(DateOnly registeredOn) => Age.Reached(registeredOn, 0, LongTermMonths);
}
