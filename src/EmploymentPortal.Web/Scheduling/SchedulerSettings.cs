namespace EmploymentPortal.Web.Scheduling;

/// <summary>
/// <c>Portal:Scheduler</c> (docs/adr/0009-quartz-scheduling.md): whether this instance runs the
/// scheduler, and each job's schedule as a Quartz cron expression (seconds first) in the business
/// time zone. Each job runs once across all instances, whichever runs the scheduler.
/// </summary>
public sealed class SchedulerSettings
{
    /// <summary>Whether this instance runs scheduled jobs at all (it can still list them and trigger one).</summary>
    public bool Run { get; set; } = true;

    /// <summary>This instance's name in the cluster; empty: the machine name and a random suffix.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>
    /// Each job's cron expression by job name (<see cref="PortalJobs"/>); an empty one unschedules the job.
    /// A job not named here keeps its default schedule.
    /// </summary>
    public Dictionary<string, string> Jobs { get; set; } = [];

    /// <summary>The cron expression of <paramref name="job"/>: the configured one, else its default; empty when switched off.</summary>
    public string CronFor(PortalJob job) => Jobs.TryGetValue(job.Name, out var cron) ? cron.Trim() : job.DefaultCron;
}
