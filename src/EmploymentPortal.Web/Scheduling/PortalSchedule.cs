using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;
using Quartz;

namespace EmploymentPortal.Web.Scheduling;

/// <summary>
/// In the background as the instance starts (never holding its start-up: a database unreachable
/// then must leave the portal up, its readiness saying so), brings the stored jobs and triggers in line with
/// <c>Portal:Scheduler:Jobs</c>: a job switched off is deleted; a trigger whose cron expression or
/// zone changed is replaced; an unchanged trigger is left alone, so a firing missed while every
/// instance was down still fires once at start-up (misfire: fire once now, skip the rest).
/// </summary>
public sealed partial class PortalSchedule(ISchedulerFactory factory, IOptions<PortalOptions> options, BusinessClock clock, ILogger<PortalSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var scheduler = await factory.GetScheduler(stoppingToken);
            foreach (var job in PortalJobs.All)
            {
                await ApplyAsync(scheduler, job, options.Value.Scheduler.CronFor(job), stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database is unreachable at start-up: the portal starts all the same (readiness
            // reports the database), the schedule stored before stays, and the next start writes it.
            LogNotApplied(logger, e);
        }
    }

    private async Task ApplyAsync(IScheduler scheduler, PortalJob job, string cron, CancellationToken cancellationToken)
    {
        var jobKey = new JobKey(job.Name, PortalJobs.Group);
        if (cron.Length == 0)
        {
            if (await scheduler.DeleteJob(jobKey, cancellationToken))
            {
                LogOff(logger, job.Name);
            }

            return;
        }

        var triggerKey = new TriggerKey(job.Name, PortalJobs.Group);
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger current
            && current.CronExpressionString == cron
            && current.TimeZone.Id == clock.Zone.Id)
        {
            return;
        }

        var detail = JobBuilder.Create().OfType(job.Type).WithIdentity(jobKey).StoreDurably().Build();
        // On the portal's clock (the builder alone reads the system clock).
        var trigger = TriggerBuilder.Create(clock.Time)
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .WithCronSchedule(cron, s => s.InTimeZone(clock.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(detail, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        LogScheduled(logger, job.Name, cron, clock.Zone.Id);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The jobs' schedules could not be written at start-up; the schedule stored before stays until the next start")]
    private static partial void LogNotApplied(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} switched off and removed")]
    private static partial void LogOff(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} on '{Cron}' in {Zone}")]
    private static partial void LogScheduled(ILogger logger, string job, string cron, string zone);
}
