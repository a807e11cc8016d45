using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;
using Quartz;

namespace EmploymentPortal.Web.Scheduling;

/// <summary>
/// Before the scheduler starts on this instance, brings the stored jobs and triggers in line with
/// <c>Portal:Scheduler:Jobs</c>: a job switched off is deleted; a trigger whose cron expression or
/// zone changed is replaced; an unchanged trigger is left alone, so a firing missed while every
/// instance was down still fires once at start-up (misfire: fire once now, skip the rest).
/// </summary>
public sealed partial class PortalSchedule(ISchedulerFactory factory, IOptions<PortalOptions> options, BusinessClock clock, ILogger<PortalSchedule> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var job in PortalJobs.All)
        {
            await ApplyAsync(scheduler, job, options.Value.Scheduler.CronFor(job), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} switched off and removed")]
    private static partial void LogOff(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} on '{Cron}' in {Zone}")]
    private static partial void LogScheduled(ILogger logger, string job, string cron, string zone);
}
