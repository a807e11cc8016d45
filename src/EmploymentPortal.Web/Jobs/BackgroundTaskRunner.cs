using System.Globalization;
using EmploymentPortal.Core.BackgroundWork;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Runs one background task (docs/adr/0007) when the scheduler fires it
/// (<see cref="Scheduling.BackgroundTaskJob"/>, docs/adr/0009): it claims the task, runs its work in
/// a service scope that acts as its requester (<see cref="TaskRequester"/>: their scope, user name
/// and language) and writes its progress to the task twice a second. <see cref="HousekeepAsync"/>,
/// the scheduled job TaskHousekeeping, marks failed the tasks a dead process left running, hands
/// the scheduler any queued task it was not given, and deletes the tasks finished more than
/// <c>Portal:Tasks:KeepFinishedFor</c> ago.
/// </summary>
public sealed partial class BackgroundTaskRunner(
    IServiceScopeFactory scopes,
    BackgroundTaskStore store,
    IBackgroundTaskDispatcher dispatcher,
    BusinessClock clock,
    IOptions<PortalOptions> options,
    ILogger<BackgroundTaskRunner> logger)
{
    /// <summary>How often a running task's progress is written: twice a second (wall time, not the business clock).</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>A queued task older than this with no trigger is handed to the scheduler again (its enqueue could not reach it).</summary>
    public static readonly TimeSpan DispatchGrace = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Marks failed the tasks whose process ended while they ran, hands the scheduler again each
    /// queued task older than <see cref="DispatchGrace"/> (a no-op for one it holds), and deletes
    /// the tasks finished more than <c>Portal:Tasks:KeepFinishedFor</c> ago.
    /// </summary>
    public async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var abandoned = await store.FailAbandonedAsync(cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(logger, abandoned);
        }

        var now = clock.UtcNow;
        foreach (var id in await store.QueuedAsync(now - DispatchGrace, cancellationToken))
        {
            await dispatcher.DispatchAsync(id, cancellationToken);
        }

        var deleted = await store.DeleteFinishedAsync(now - options.Value.Tasks.KeepFinishedFor, cancellationToken);
        if (deleted > 0)
        {
            LogPurged(logger, deleted, options.Value.Tasks.KeepFinishedFor);
        }
    }

    /// <summary>Claims and runs task <paramref name="taskId"/>; false when it was not queued (already run or running, or deleted).</summary>
    public async Task<bool> RunAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var claimed = await store.ClaimAsync(taskId, cancellationToken);
        if (claimed is null)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TaskRequester>().Enter(claimed.RequestedById, claimed.RequestedByName, claimed.RequestedByRole, claimed.RegionCode);
        var work = scope.ServiceProvider.GetServices<IBackgroundWork>().SingleOrDefault(w => w.Kind == claimed.Kind);
        var context = new BackgroundWorkContext(claimed.Id, claimed.Parameters, claimed.Input);
        if (work is null)
        {
            await claimed.FinishAsync(new BackgroundWorkOutcome(true, BackgroundTaskStore.CrashedKey, null), 0, null);
            return true;
        }

        var running = Task.Run(
            async () =>
            {
                // The requester's language, for the column names and labels the work reads and writes.
                var culture = CultureInfo.GetCultureInfo(string.IsNullOrEmpty(claimed.Culture) ? "zh-CN" : claimed.Culture);
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                return await work.RunAsync(context, cancellationToken);
            },
            cancellationToken);
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(ProgressInterval, cancellationToken));
            if (!running.IsCompleted)
            {
                await claimed.ReportAsync(context.Done, context.Total, cancellationToken);
            }
        }

        BackgroundWorkOutcome outcome;
        try
        {
            outcome = await running;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lock goes with the connection and the housekeeping marks the task failed.
            throw;
        }
        catch (Exception e)
        {
            LogTaskFailed(logger, claimed.Kind, claimed.Id, e);
            outcome = new BackgroundWorkOutcome(true, BackgroundTaskStore.CrashedKey, null);
        }

        await claimed.FinishAsync(outcome, context.Done, context.Total);
        LogTaskDone(logger, claimed.Kind, claimed.Id, outcome.Failed ? "failed" : "succeeded");
        scope.ServiceProvider.GetRequiredService<PortalMetrics>().JobFinished(claimed.Kind, !outcome.Failed);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} background tasks finished more than {KeepFor} ago were deleted with their results")]
    private static partial void LogPurged(ILogger logger, int count, TimeSpan keepFor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} background tasks left running by a process that ended were marked failed")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background task {Kind} {TaskId} failed")]
    private static partial void LogTaskFailed(ILogger logger, string kind, Guid taskId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background task {Kind} {TaskId} {Outcome}")]
    private static partial void LogTaskDone(ILogger logger, string kind, Guid taskId, string outcome);
}
