namespace EmploymentPortal.Core.BackgroundWork;

/// <summary>
/// The seam between the pages and whatever runs their long work: a page enqueues a task and
/// redirects to its page; the scheduler (a Quartz.NET job in the web app, docs/adr/0009) runs
/// it once across the cluster, calling the <see cref="IBackgroundWork"/> of its kind.
/// </summary>
public interface IBackgroundTaskQueue
{
    /// <summary>Stores a task for the current user, queued, and hands it to the scheduler; returns its id.</summary>
    Task<Guid> EnqueueAsync(string kind, object? parameters, byte[]? input, CancellationToken cancellationToken);
}

/// <summary>Hands a stored, queued task to whatever runs it (the web app's scheduler).</summary>
public interface IBackgroundTaskDispatcher
{
    /// <summary>Asks for <paramref name="taskId"/> to run now, on whichever instance runs the scheduler; asking again for a task already asked for does nothing.</summary>
    Task DispatchAsync(Guid taskId, CancellationToken cancellationToken);
}

/// <summary>
/// One kind of long work. It runs in a service scope that acts as the task's requester (their
/// scope, user name and culture): the work audits and scopes as it would in the request.
/// </summary>
public interface IBackgroundWork
{
    string Kind { get; }

    Task<BackgroundWorkOutcome> RunAsync(BackgroundWorkContext context, CancellationToken cancellationToken);
}

/// <summary>What a task's work is given: its parameters and input, and where to report progress.</summary>
public sealed class BackgroundWorkContext(Guid taskId, string? parameters, byte[]? input)
{
    private int _done;
    private int _total = -1;

    public Guid TaskId => taskId;

    public string? Parameters => parameters;

    public byte[]? Input => input;

    public int Done => Volatile.Read(ref _done);

    public int? Total => Volatile.Read(ref _total) is >= 0 and var total ? total : null;

    /// <summary>Progress so far; cheap (the runner writes it to the database about once a second).</summary>
    public void Report(int done, int? total = null)
    {
        Volatile.Write(ref _done, done);
        Volatile.Write(ref _total, total ?? -1);
    }
}

/// <summary>
/// A task's end: <see cref="Failed"/> with a text key in <see cref="Message"/>, or done with a JSON
/// <see cref="Result"/> and perhaps a file.
/// </summary>
public sealed record BackgroundWorkOutcome(bool Failed, string? Message, string? Result, byte[]? File = null, string? FileName = null, string? ContentType = null);
