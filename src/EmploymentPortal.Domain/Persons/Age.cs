namespace EmploymentPortal.Domain.Persons;

/// <summary>
/// Age to the day: a person is N on their Nth birthday; someone born on 29 February turns a year
/// older on 1 March in common years.
/// </summary>
public readonly record struct Age(int Years, int Months)
{
    public static Age On(DateOnly birthDate, DateOnly date)
    {
        if (date < birthDate)
        {
            throw new PersonException("Person.DateBeforeBirth");
        }

        var months = ((date.Year - birthDate.Year) * 12) + date.Month - birthDate.Month;
        if (date < Anniversary(birthDate, date.Year, date.Month))
        {
            months--;
        }

        return new Age(months / 12, months % 12);
    }

    public static int YearsOn(DateOnly birthDate, DateOnly date) => On(birthDate, date).Years;

    /// <summary>The date someone born on <paramref name="birthDate"/> reaches <paramref name="years"/> and <paramref name="months"/>.</summary>
    public static DateOnly Reached(DateOnly birthDate, int years, int months = 0)
    {
        var target = new DateOnly(birthDate.Year, birthDate.Month, 1).AddMonths((years * 12) + months);
        return Anniversary(birthDate, target.Year, target.Month);
    }

    /// <summary>The monthly anniversary in a given month; a day the month lacks moves to the 1st of the next.</summary>
    private static DateOnly Anniversary(DateOnly birthDate, int year, int month)
    {
        var days = DateTime.DaysInMonth(year, month);
        return birthDate.Day <= days
            ? new DateOnly(year, month, birthDate.Day)
            : new DateOnly(year, month, 1).AddMonths(1);
    }
}
