using System.Text.Json;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Core.BackgroundWork;

/// <summary>A task as its page shows it: no input, no file bytes.</summary>
public sealed record BackgroundTaskView(
    Guid Id,
    string Kind,
    BackgroundTaskState State,
    int Done,
    int? Total,
    string? Message,
    string? Result,
    string? ResultFileName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public bool IsFinished => State is BackgroundTaskState.Succeeded or BackgroundTaskState.Failed;
}

/// <summary>
/// The request's side of background work: enqueue a task for the signed-in user (in their scope,
/// their language), and read back one's own tasks. A task is found only by its requester, and only
/// while it lies in their scope (query filter and row-level security on <c>background_tasks</c>).
/// </summary>
public sealed partial class BackgroundTasks(PortalDbContext db, ICurrentActor actor, BusinessClock clock, IBackgroundTaskDispatcher dispatcher, ILogger<BackgroundTasks> logger) : IBackgroundTaskQueue
{
    public async Task<Guid> EnqueueAsync(string kind, object? parameters, byte[]? input, CancellationToken cancellationToken)
    {
        var user = actor.UserId ?? throw new InvalidOperationException("Background work is asked for by a signed-in user.");
        var prefix = db.Scope.RegionPrefix ?? throw new InvalidOperationException("Background work runs in an area: the requester has none.");
        var task = new BackgroundTask
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            RequestedById = user,
            RequestedByName = actor.Name,
            RequestedByRole = actor.Role,
            RegionCode = prefix.PadRight(Domain.Regions.RegionCode.Length, '0'),
            Culture = System.Globalization.CultureInfo.CurrentUICulture.Name,
            Parameters = parameters is null ? null : JsonSerializer.Serialize(parameters),
            Input = input,
            CreatedAt = clock.UtcNow,
        };
        db.BackgroundTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await dispatcher.DispatchAsync(task.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The task is stored and its page shows it queued: the scheduler's housekeeping hands
            // over every queued task that has no trigger (TaskHousekeeping, every few minutes).
            LogNotDispatched(logger, task.Id, e);
        }

        return task.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background task {TaskId} is stored but could not be handed to the scheduler now; the scheduler's housekeeping hands it over")]
    private static partial void LogNotDispatched(ILogger logger, Guid taskId, Exception exception);

    /// <summary>Whether a task of <paramref name="kind"/> is queued or running in the caller's own area (one import per unit at a time).</summary>
    public Task<bool> ActiveInMyAreaAsync(string kind, CancellationToken cancellationToken)
    {
        var region = db.Scope.RegionPrefix?.PadRight(Domain.Regions.RegionCode.Length, '0');
        return db.BackgroundTasks.AnyAsync(t => t.Kind == kind && t.RegionCode == region && (t.State == BackgroundTaskState.Queued || t.State == BackgroundTaskState.Running), cancellationToken);
    }

    /// <summary>The caller's own task <paramref name="id"/>, or null (someone else's, or outside the caller's scope).</summary>
    public Task<BackgroundTaskView?> FindOwnAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = actor.UserId;
        return db.BackgroundTasks.AsNoTracking()
            .Where(t => t.Id == id && user != null && t.RequestedById == user)
            .Select(t => new BackgroundTaskView(t.Id, t.Kind, t.State, t.Done, t.Total, t.Message, t.Result, t.ResultFileName, t.CreatedAt, t.StartedAt, t.FinishedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The file the caller's own finished task produced, or null.</summary>
    public async Task<(byte[] Bytes, string Name, string ContentType)?> FileAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = actor.UserId;
        var file = await db.BackgroundTasks.AsNoTracking()
            .Where(t => t.Id == id && user != null && t.RequestedById == user && t.State == BackgroundTaskState.Succeeded && t.ResultFile != null)
            .Select(t => new { t.ResultFile, t.ResultFileName, t.ResultContentType })
            .SingleOrDefaultAsync(cancellationToken);
        return file is null ? null : (file.ResultFile!, file.ResultFileName ?? "result", file.ResultContentType ?? "application/octet-stream");
    }
}
