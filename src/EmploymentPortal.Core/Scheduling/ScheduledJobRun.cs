namespace EmploymentPortal.Core.Scheduling;

/// <summary>
/// One run of a scheduled job (docs/adr/0009-quartz-scheduling.md), written by the scheduler's job
/// listener when the run ends, on whichever instance ran it. Not region data: no row-level policy.
/// </summary>
public sealed class ScheduledJobRun
{
    public long Id { get; private set; }

    /// <summary>The job's name, e.g. <c>PostingExpiry</c>.</summary>
    public string Job { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset FinishedAt { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>The failure's message (at most <see cref="MessageLength"/> characters), or null after a success.</summary>
    public string? Message { get; private set; }

    /// <summary>The scheduler instance that ran it.</summary>
    public string Instance { get; private set; } = "";

    /// <summary>Whether someone started it from the admin page rather than its schedule.</summary>
    public bool Manual { get; private set; }

    public const int MessageLength = 1000;

    public static ScheduledJobRun Record(string job, DateTimeOffset startedAt, DateTimeOffset finishedAt, bool succeeded, string? message, string instance, bool manual) => new()
    {
        Job = job,
        StartedAt = startedAt,
        FinishedAt = finishedAt,
        Succeeded = succeeded,
        Message = message is { Length: > MessageLength } ? message[..MessageLength] : message,
        Instance = instance,
        Manual = manual,
    };
}
