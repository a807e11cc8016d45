using EmploymentPortal.Core.Scoping;

namespace EmploymentPortal.Core.BackgroundWork;

/// <summary>Where a background task stands.</summary>
public enum BackgroundTaskState
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
}

/// <summary>
/// A piece of long work a user asked for (an import, a large export, a re-run), kept in the
/// database so that its progress and result survive a reload and a restart. It belongs to the
/// area of the requester's scope (<see cref="RegionCode"/>: the scope's region code) and is shown
/// only to its requester. The runner sets its state, progress and result (docs/adr/0007).
/// </summary>
public sealed class BackgroundTask : IRegionScoped
{
    public Guid Id { get; init; }

    /// <summary>Which <see cref="IBackgroundWork"/> runs it.</summary>
    public string Kind { get; init; } = string.Empty;

    public BackgroundTaskState State { get; set; } = BackgroundTaskState.Queued;

    public Guid RequestedById { get; init; }

    /// <summary>The requester's user name (the audit's actor name when the work runs).</summary>
    public string RequestedByName { get; init; } = string.Empty;

    public string? RequestedByRole { get; init; }

    /// <summary>The requester's scope as a region code (the scope prefix padded with zeros): the work runs with that scope.</summary>
    public string RegionCode { get; init; } = string.Empty;

    /// <summary>The requester's UI culture: column names and labels are read and written in it.</summary>
    public string Culture { get; init; } = string.Empty;

    /// <summary>The work's parameters as JSON (the import's mode, the export's filters).</summary>
    public string? Parameters { get; init; }

    /// <summary>The uploaded file, dropped when the work ends.</summary>
    public byte[]? Input { get; set; }

    public int Done { get; set; }

    /// <summary>The amount of work when known.</summary>
    public int? Total { get; set; }

    /// <summary>A text key saying why the work failed (or a note of its result).</summary>
    public string? Message { get; set; }

    /// <summary>The outcome as JSON (the import's summary and rejected rows, the re-run's counts).</summary>
    public string? Result { get; set; }

    /// <summary>A file the work produced (an export), with its name and type.</summary>
    public byte[]? ResultFile { get; set; }

    public string? ResultFileName { get; set; }

    public string? ResultContentType { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => State is BackgroundTaskState.Succeeded or BackgroundTaskState.Failed;
}
