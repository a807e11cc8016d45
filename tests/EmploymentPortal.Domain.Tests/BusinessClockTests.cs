using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace EmploymentPortal.Domain.Tests;

/// <summary>The business clock: dates in Beijing, whatever zone the server runs in (docs/testing.md, "Time").</summary>
public sealed class BusinessClockTests
{
    private static readonly TimeZoneInfo Beijing = BusinessClock.FindZone(null);

    [Theory]
    [InlineData("2027-03-14T15:59:00Z", "2027-03-14", "23:59")]
    [InlineData("2027-03-14T16:00:00Z", "2027-03-15", "00:00")]
    [InlineData("2027-03-14T23:30:00Z", "2027-03-15", "07:30")]
    [InlineData("2027-12-31T23:30:00Z", "2028-01-01", "07:30")]
    [InlineData("2028-02-29T12:00:00Z", "2028-02-29", "20:00")]
    public void Today_UtcInstant_IsTheDateInBeijing(string utc, string date, string wallClock)
    {
        var clock = new BusinessClock(new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), Beijing);

        clock.Today.Should().Be(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        clock.Now.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture).Should().Be(wallClock);
        clock.Now.Offset.Should().Be(TimeSpan.FromHours(8));
        clock.UtcNow.Offset.Should().Be(TimeSpan.Zero, "instants are stored as timestamptz, which takes offset zero only");
    }

    [Fact]
    public void StartOf_BusinessDate_IsMidnightInBeijingAsUtc()
    {
        var clock = new BusinessClock(new FakeTimeProvider(), Beijing);

        var start = clock.StartOf(new DateOnly(2027, 3, 15));

        start.Should().Be(new DateTimeOffset(2027, 3, 14, 16, 0, 0, TimeSpan.Zero));
        start.Offset.Should().Be(TimeSpan.Zero);
        clock.DateOf(start).Should().Be(new DateOnly(2027, 3, 15));
        clock.DateOf(start.AddTicks(-1)).Should().Be(new DateOnly(2027, 3, 14));
    }

    [Fact]
    public void Advance_FakeTime_MovesTodayAcrossMidnightInBeijing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 14, 15, 59, 0, TimeSpan.Zero));
        var clock = new BusinessClock(time, Beijing);
        clock.Today.Should().Be(new DateOnly(2027, 3, 14));

        time.Advance(TimeSpan.FromMinutes(1));

        clock.Today.Should().Be(new DateOnly(2027, 3, 15));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FindZone_NotSet_IsAsiaShanghai(string? id) =>
        BusinessClock.FindZone(id).BaseUtcOffset.Should().Be(TimeSpan.FromHours(8));

    [Fact]
    public void FindZone_UnknownId_StopsWithAMessageNamingTheKey()
    {
        var act = () => BusinessClock.FindZone("Mars/Olympus_Mons");

        act.Should().Throw<InvalidOperationException>().WithMessage("*Portal:TimeZone*Mars/Olympus_Mons*");
    }

    [Fact]
    public void FindZone_OtherZone_IsUsed() =>
        BusinessClock.FindZone("Asia/Urumqi").BaseUtcOffset.Should().Be(TimeSpan.FromHours(6));
}
