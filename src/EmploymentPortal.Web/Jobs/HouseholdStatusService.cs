using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Runs <see cref="HouseholdStatusJob"/> once a day (first a minute after start-up), so ages
/// reached and "stable after N months" move household statuses without anyone editing a member.
/// Off with <c>Portal:Jobs:HouseholdStatus=false</c>; operators can also run
/// <c>-- recompute-households</c>.
/// </summary>
public sealed partial class HouseholdStatusService(IServiceScopeFactory scopes, IOptions<PortalOptions> options, BusinessClock clock, ILogger<HouseholdStatusService> logger)
    : DailyJob(scopes, options, clock, logger)
{
    protected override string Name => "household status";

    protected override bool Enabled(PortalOptions.JobSettings jobs) => jobs.HouseholdStatus;

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
