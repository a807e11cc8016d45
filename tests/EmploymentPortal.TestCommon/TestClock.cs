using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace EmploymentPortal.TestCommon;

/// <summary>
/// The instant every test portal starts at (docs/testing.md, "Time"). Tests never read the real
/// clock: they build their data relative to <see cref="Today"/>, and a test that needs time to
/// pass advances its portal's <see cref="FakeTimeProvider"/>. The instant is 10:00 in Beijing on a
/// Monday, so "today" is the same date in UTC and in the business zone.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The business time zone of the tests: the portal's default.</summary>
    public static TimeZoneInfo Zone { get; } = BusinessClock.FindZone(null);

    /// <summary>The business date at <see cref="Start"/> (2026-06-15).</summary>
    public static DateOnly Today { get; } = Business(new FakeTimeProvider(Start)).Today;

    /// <summary><see cref="Today"/> as the portal's forms write it (yyyy-MM-dd).</summary>
    public static string TodayText => Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A business clock on a fake time source, for services a test builds itself.</summary>
    public static BusinessClock Business(FakeTimeProvider time) => new(time, Zone);

    /// <summary>A business clock stopped at <paramref name="instant"/>.</summary>
    public static BusinessClock At(DateTimeOffset instant) => Business(new FakeTimeProvider(instant));
}
