using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scheduling;
using EmploymentPortal.Core.Scoping;
using Quartz;
using Quartz.Extensibility;

namespace EmploymentPortal.Web.Scheduling;

/// <summary>
/// Writes each finished run of a scheduled job (not of a background task) to <c>scheduled_job_runs</c> (the admin page's last
/// run, duration and outcome), on the instance that ran it. A failure to write is logged, never
/// thrown: the run itself is over.
/// </summary>
public sealed partial class JobRunListener(IServiceScopeFactory scopes, TimeProvider time, PortalMetrics metrics, ILogger<JobRunListener> logger) : IJobListener
{
    /// <summary>The job data key the admin page's trigger sets (the account that asked).</summary>
    public const string ManualKey = "portal.manual";

    public string Name => "portal-job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) => default;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.Key.Group == BackgroundTaskJob.Group)
        {
            // A background task keeps its own outcome (background_tasks) and counts itself.
            return;
        }

        var finished = time.GetUtcNow();
        var run = ScheduledJobRun.Record(
            context.JobDetail.Key.Name,
            finished - context.JobRunTime,
            finished,
            jobException is null,
            jobException?.InnerException?.Message ?? jobException?.Message,
            context.Scheduler.SchedulerInstanceId,
            context.MergedJobDataMap.ContainsKey(ManualKey));
        metrics.JobFinished(run.Job, run.Succeeded);
        try
        {
            await using var scope = scopes.CreateSystemJobScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ScheduledJobRuns.Add(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            LogNotRecorded(logger, run.Job, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The run of scheduled job {Job} could not be recorded")]
    private static partial void LogNotRecorded(ILogger logger, string job, Exception exception);
}
