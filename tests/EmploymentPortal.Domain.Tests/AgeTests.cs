using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Tests;

public sealed class AgeTests
{
    [Theory]
    [InlineData("1986-11-23", "2026-11-23", 40, 0)]
    [InlineData("1986-11-23", "2026-11-22", 39, 11)]
    [InlineData("1976-12-01", "2026-11-30", 49, 11)]
    [InlineData("2000-02-29", "2001-02-28", 0, 11)]
    [InlineData("2000-02-29", "2001-03-01", 1, 0)]
    [InlineData("2000-02-29", "2004-02-29", 4, 0)]
    [InlineData("1980-01-31", "1980-02-29", 0, 0)]
    [InlineData("1980-01-31", "1980-03-01", 0, 1)]
    [InlineData("1980-05-15", "1980-05-15", 0, 0)]
    public void On_Date_CountsCompletedYearsAndMonths(string birth, string on, int years, int months) =>
        Age.On(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(new Age(years, months));

    [Theory]
    [InlineData("1986-11-23", 40, "2026-11-23")]
    [InlineData("2000-02-29", 1, "2001-03-01")]
    [InlineData("2000-02-29", 4, "2004-02-29")]
    public void Reached_IsTheBirthday(string birth, int years, string expected) =>
        Age.Reached(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), years)
            .Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void On_DateBeforeBirth_Throws()
    {
        var act = () => Age.On(new DateOnly(2000, 1, 2), new DateOnly(2000, 1, 1));
        act.Should().Throw<PersonException>();
    }
}
