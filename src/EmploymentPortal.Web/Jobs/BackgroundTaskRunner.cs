using System.Globalization;
using EmploymentPortal.Core.BackgroundWork;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Runs the queued background tasks (docs/adr/0007), one at a time per instance: at start-up it
/// first marks failed the tasks a dead process left running (<see cref="BackgroundTaskStore.FailAbandonedAsync"/>),
/// then claims the queued tasks, oldest first, whenever one is enqueued here and every
/// <c>Portal:Tasks:PollInterval</c>. The work runs in a service scope that acts as its requester
/// (<see cref="TaskRequester"/>: their scope, user name and language), and its progress is written
/// to the task about once a second. It deletes the tasks finished more than
/// <c>Portal:Tasks:KeepFinishedFor</c> ago at start-up and then hourly (business clock). Off when
/// <c>Portal:Tasks:Run</c> is false.
/// </summary>
public sealed partial class BackgroundTaskRunner(
    IServiceScopeFactory scopes,
    BackgroundTaskStore store,
    BackgroundTaskSignal signal,
    BusinessClock clock,
    IOptions<PortalOptions> options,
    ILogger<BackgroundTaskRunner> logger) : BackgroundService
{
    /// <summary>How often a running task's progress is written: twice a second (wall time, not the business clock).</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How often finished tasks past their keeping time are looked for.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Tasks.Run)
        {
            return;
        }

        try
        {
            var abandoned = await store.FailAbandonedAsync(stoppingToken);
            if (abandoned > 0)
            {
                LogAbandoned(logger, abandoned);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLoopFailed(logger, e);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeIfDueAsync(stoppingToken);
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoopFailed(logger, e);
            }

            try
            {
                await signal.WaitAsync(options.Value.Tasks.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes the tasks finished more than <c>Portal:Tasks:KeepFinishedFor</c> ago, when the last look was an hour or more ago.</summary>
    public async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        if (now < _nextPurge)
        {
            return;
        }

        var deleted = await store.DeleteFinishedAsync(now - options.Value.Tasks.KeepFinishedFor, cancellationToken);
        _nextPurge = now + PurgeInterval;
        if (deleted > 0)
        {
            LogPurged(logger, deleted, options.Value.Tasks.KeepFinishedFor);
        }
    }

    /// <summary>Claims and runs the oldest queued task; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var claimed = await store.ClaimAsync(cancellationToken);
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
            // Shutting down: the lock goes with the connection and the next start marks the task failed.
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The background task runner failed; it tries again at the next poll")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background task {Kind} {TaskId} failed")]
    private static partial void LogTaskFailed(ILogger logger, string kind, Guid taskId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background task {Kind} {TaskId} {Outcome}")]
    private static partial void LogTaskDone(ILogger logger, string kind, Guid taskId, string outcome);
}
