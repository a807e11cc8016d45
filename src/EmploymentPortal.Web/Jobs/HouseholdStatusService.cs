using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Web.Scheduling;
using Quartz;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Runs <see cref="HouseholdStatusJob"/> once a day (01:30 business time by default), so ages
/// reached and "stable after N months" move household statuses without anyone editing a member.
/// Scheduled by <c>Portal:Scheduler:Jobs:HouseholdStatus</c> (docs/adr/0009-quartz-scheduling.md); operators can also run
/// <c>-- recompute-households</c>.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class HouseholdStatusService(IServiceScopeFactory scopes, ILogger<HouseholdStatusService> logger)
    : ScheduledJob(scopes, logger)
{
    protected override Task RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) => RunOnceAsync(scopes, cancellationToken);

    public static async Task<RecomputeSummary> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemJobScope();
        var summary = await scope.ServiceProvider.GetRequiredService<HouseholdStatusJob>().RecomputeAllAsync(cancellationToken);
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<HouseholdStatusService>>();
        LogDone(logger, summary.Households, summary.Changed, summary.Elapsed.TotalSeconds);
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Household statuses recomputed: {Households} households, {Changed} changed, {Seconds:F1} s")]
    private static partial void LogDone(ILogger logger, int households, int changed, double seconds);
}
