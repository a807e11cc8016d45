using EmploymentPortal.Core.BackgroundWork;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Jobs;
using Quartz;

namespace EmploymentPortal.Web.Scheduling;

/// <summary>
/// A background task (an import, a large export, the county re-run; docs/adr/0007) as a Quartz job:
/// one durable job, fired once per task by a trigger named after the task. The clustered store
/// gives each firing to one instance; the task's claim (<see cref="BackgroundTaskStore.ClaimAsync"/>)
/// makes a second firing a no-op. Tasks run side by side, up to the scheduler's thread pool.
/// A task's outcome is kept on the task itself, not in <c>scheduled_job_runs</c>.
/// </summary>
public sealed class BackgroundTaskJob(BackgroundTaskRunner runner) : IJob
{
    /// <summary>The Quartz group of the job and of every task's trigger.</summary>
    public const string Group = "tasks";

    /// <summary>The trigger's job data key holding the task's id.</summary>
    public const string TaskIdKey = "portal.task";

    public static readonly JobKey Key = new("BackgroundTask", Group);

    public static TriggerKey TriggerFor(Guid taskId) => new(taskId.ToString("N"), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (Guid.TryParse(context.MergedJobDataMap.GetString(TaskIdKey), out var taskId))
        {
            await runner.RunAsync(taskId, cancellationToken);
        }
    }
}

/// <summary>
/// Hands a task to the clustered scheduler: a one-shot trigger for it, due now on the portal's
/// clock, that fires at once even if every instance was down past its time (misfire: fire now).
/// The instance that enqueued it is woken at once; the others look every <c>Portal:Tasks:PollInterval</c>.
/// </summary>
public sealed class QuartzTaskDispatcher(ISchedulerFactory factory, BusinessClock clock) : IBackgroundTaskDispatcher
{
    public async Task DispatchAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var key = BackgroundTaskJob.TriggerFor(taskId);
        if (await scheduler.Exists(key, cancellationToken))
        {
            return;
        }

        if (!await scheduler.Exists(BackgroundTaskJob.Key, cancellationToken))
        {
            var job = JobBuilder.Create<BackgroundTaskJob>().WithIdentity(BackgroundTaskJob.Key).StoreDurably().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        }

        var trigger = TriggerBuilder.Create(clock.Time)
            .WithIdentity(key)
            .ForJob(BackgroundTaskJob.Key)
            .UsingJobData(BackgroundTaskJob.TaskIdKey, taskId.ToString())
            .StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Asked twice at once (the page and the housekeeping): the first trigger runs it.
        }
    }
}
