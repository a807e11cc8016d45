using EmploymentPortal.Domain.Reports;

namespace EmploymentPortal.Domain.Tests;

public sealed class TargetTests
{
    [Theory]
    [InlineData(8000, 2000, 2026, "2026-04-01", 0.25, 91.0 / 365, false)]
    [InlineData(8000, 1000, 2026, "2026-07-01", 0.125, 182.0 / 365, true)]
    [InlineData(366, 60, 2028, "2028-02-29", 60.0 / 366, 60.0 / 366, false)]
    [InlineData(100, 0, 2027, "2026-12-31", 0, 0, false)]
    [InlineData(100, 100, 2025, "2026-01-05", 1, 1, false)]
    [InlineData(0, 5, 2026, "2026-06-30", 0, 181.0 / 365, false)]
    public void Progress_ReachedAgainstTheYearGoneBy(int target, int actual, int year, string asOf, double reached, double elapsed, bool behind)
    {
        var progress = TargetProgress.Of(target, actual, year, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        progress.Reached.Should().BeApproximately(reached, 1e-9);
        progress.YearElapsed.Should().BeApproximately(elapsed, 1e-9, "the date itself counts as gone by");
        progress.Behind.Should().Be(behind);
    }

    [Theory]
    [InlineData(1999, 10, "Target.Year")]
    [InlineData(2026, -1, "Target.Value")]
    [InlineData(2026, 10_000_001, "Target.Value")]
    public void Create_OutOfRange_Refused(int year, int value, string key) =>
        FluentActions.Invoking(() => AnnualTarget.Create(1, "370700000000", year, TargetIndicator.ReEmployed, value, "city1", DateTimeOffset.UnixEpoch))
            .Should().Throw<TargetException>().WithMessage(key);
}
