using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Bench;

/// <summary>The bench program's composition root for time: the real clock in the portal's business zone.</summary>
internal static class BenchClock
{
#pragma warning disable RS0030 // The bench is its own program: this is its one real-clock line.
    public static BusinessClock Clock { get; } = new(TimeProvider.System, BusinessClock.FindZone(Environment.GetEnvironmentVariable("Portal__TimeZone")));
#pragma warning restore RS0030
}
