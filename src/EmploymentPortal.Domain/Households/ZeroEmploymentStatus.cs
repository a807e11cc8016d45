namespace EmploymentPortal.Domain.Households;

/// <summary>
/// Where a household stands in "one appears, one helped, one stabilised" (004 §三(一)).
/// Derived from the members, never typed; only "assisting" follows a staff action (a plan).
/// </summary>
public enum ZeroEmploymentStatus
{
    None = 0,
    Identified = 1,
    Assisting = 2,
    Eliminated = 3,
    Stable = 4,
}

public static class ZeroEmploymentStatuses
{
    /// <summary>The statuses in which the household still has no one employed (identified, or being assisted).</summary>
    public static IReadOnlyList<ZeroEmploymentStatus> WithoutWork { get; } = [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Assisting];
}
