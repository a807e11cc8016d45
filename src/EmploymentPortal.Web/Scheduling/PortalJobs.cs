using EmploymentPortal.Web.Jobs;

namespace EmploymentPortal.Web.Scheduling;

/// <summary>A scheduled job: its name (the Quartz job and trigger name, the configuration key), type and default schedule.</summary>
public sealed record PortalJob(string Name, Type Type, string DefaultCron);

/// <summary>The portal's scheduled jobs (docs/adr/0009-quartz-scheduling.md). Cron expressions are Quartz's: seconds, minutes, hours, day, month, weekday.</summary>
public static class PortalJobs
{
    /// <summary>The Quartz group of every portal job and trigger.</summary>
    public const string Group = "portal";

    public static readonly PortalJob HouseholdStatus = new(nameof(HouseholdStatus), typeof(HouseholdStatusService), "0 30 1 * * ?");

    public static readonly PortalJob Eligibility = new(nameof(Eligibility), typeof(EligibilityBatchService), "0 0 2 * * ?");

    public static readonly PortalJob PostingExpiry = new(nameof(PostingExpiry), typeof(PostingExpiryService), "0 5 0 * * ?");

    public static readonly PortalJob NoticeClosing = new(nameof(NoticeClosing), typeof(NoticeClosingService), "0 10 * * * ?");

    /// <summary>The background tasks' housekeeping (BackgroundTaskRunner.HousekeepAsync): every five minutes.</summary>
    public static readonly PortalJob TaskHousekeeping = new(nameof(TaskHousekeeping), typeof(TaskHousekeepingService), "0 */5 * * * ?");

    public static readonly IReadOnlyList<PortalJob> All = [HouseholdStatus, Eligibility, PostingExpiry, NoticeClosing, TaskHousekeeping];

    public static PortalJob? Find(string name) => All.FirstOrDefault(j => j.Name == name);
}
