using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Tests;

public sealed class WorkingAgeTests
{
    private static readonly DateOnly Now = new(2026, 11, 23);

    [Theory]
    [InlineData("1964-12-15", Sex.Male, "2024-12-15")]
    [InlineData("1965-01-10", Sex.Male, "2025-02-10")]
    [InlineData("1965-04-30", Sex.Male, "2025-05-30")]
    [InlineData("1965-05-01", Sex.Male, "2025-07-01")]
    [InlineData("1976-09-01", Sex.Male, "2039-09-01")]
    [InlineData("1980-03-01", Sex.Male, "2043-03-01")]
    [InlineData("1974-12-31", Sex.Female, "2024-12-31")]
    [InlineData("1975-01-05", Sex.Female, "2025-02-05")]
    [InlineData("1975-03-05", Sex.Female, "2025-05-05")]
    [InlineData("1984-11-05", Sex.Female, "2039-11-05")]
    [InlineData("1990-06-05", Sex.Female, "2045-06-05")]
    public void RetirementDate_FollowsThe2025Schedule(string birth, Sex sex, string expected) =>
        WorkingAge.RetirementDate(Date(birth), sex, Now, TestParameters.National).Should().Be(Date(expected));

    [Fact]
    public void RetirementDate_BeforeTheReform_IsTheOldAge() =>
        WorkingAge.RetirementDate(Date("1966-03-01"), Sex.Male, Date("2020-01-01"), TestParameters.National).Should().Be(Date("2026-03-01"));

    [Theory]
    [InlineData("2010-11-23", Sex.Male, true)]
    [InlineData("2010-11-24", Sex.Male, false)]
    [InlineData("1965-12-01", Sex.Male, false)]
    [InlineData("1966-09-01", Sex.Male, true)]
    [InlineData("1975-06-01", Sex.Female, false)]
    [InlineData("1976-01-01", Sex.Female, false)]
    [InlineData("1976-06-01", Sex.Female, true)]
    [InlineData("2027-01-01", Sex.Female, false)]
    public void IsOfWorkingAge_OnADate(string birth, Sex sex, bool expected) =>
        WorkingAge.IsOfWorkingAge(Date(birth), sex, Now, TestParameters.National).Should().Be(expected);

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
