namespace EmploymentPortal.Core.Persistence.Standby;

/// <summary>
/// Reads from a streaming standby (docs/adr/0008-standby-reads.md): the section <c>Portal:ReadOnly</c>,
/// beside the connection string <c>ConnectionStrings:PortalReadOnly</c>.
/// </summary>
public sealed class ReadOnlyOptions
{
    public const string Section = "Portal:ReadOnly";

    /// <summary>The standby's connection (the app's login, as on the primary); unset, every read goes to the primary.</summary>
    public const string ConnectionStringName = "PortalReadOnly";

    /// <summary>A standby further behind the primary than this is not read from.</summary>
    public int MaxLagSeconds { get; set; } = 30;

    /// <summary>After a successful POST of theirs, a user reads from the primary this long (to see their own write).</summary>
    public int StickAfterWriteSeconds { get; set; } = 5;

    /// <summary>How often the standby's state (reachable, in recovery, lag) is checked, in the background.</summary>
    public int CheckIntervalSeconds { get; set; } = 5;
}
