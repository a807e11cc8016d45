using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace EmploymentPortal.Web.Scheduling;

/// <summary>A portal job as the admin page shows it: its schedule, its last run and its next one.</summary>
public sealed record ScheduledJobStatus(
    string Name,
    string? Cron,
    DateTimeOffset? LastStarted,
    TimeSpan? LastDuration,
    bool? LastSucceeded,
    string? LastMessage,
    DateTimeOffset? NextRun);

/// <summary>Reads the jobs for the admin page and triggers one now (audited).</summary>
public sealed class ScheduledJobs(ISchedulerFactory factory, PortalDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<ScheduledJobStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var names = PortalJobs.All.Select(j => j.Name).ToList();
        // The latest run of each job: one short index scan per job.
        var last = await db.ScheduledJobRuns.AsNoTracking()
            .Where(r => names.Contains(r.Job))
            .GroupBy(r => r.Job)
            .Select(g => g.OrderByDescending(r => r.StartedAt).First())
            .ToListAsync(cancellationToken);
        var rows = new List<ScheduledJobStatus>();
        foreach (var job in PortalJobs.All)
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey(job.Name, PortalJobs.Group), cancellationToken);
            var run = last.FirstOrDefault(r => r.Job == job.Name);
            rows.Add(new ScheduledJobStatus(
                job.Name,
                (trigger as ICronTrigger)?.CronExpressionString,
                run?.StartedAt,
                run is null ? null : run.FinishedAt - run.StartedAt,
                run?.Succeeded,
                run?.Message,
                trigger?.NextFireTimeUtc));
        }

        return rows;
    }

    /// <summary>
    /// Fires <paramref name="name"/> once now, on whichever instance runs the scheduler first; false
    /// when there is no such job or it is switched off on the cluster.
    /// </summary>
    public async Task<bool> TriggerAsync(string name, string requestedBy, CancellationToken cancellationToken)
    {
        if (PortalJobs.Find(name) is not { } job)
        {
            return false;
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var key = new JobKey(job.Name, PortalJobs.Group);
        if (!await scheduler.Exists(key, cancellationToken))
        {
            return false;
        }

        await scheduler.TriggerJob(key, new JobDataMap { [JobRunListener.ManualKey] = requestedBy }, cancellationToken);
        audit.Add("ScheduledJobTriggered", "ScheduledJob", job.Name, regionCode: null, before: null, after: new { job = job.Name });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
