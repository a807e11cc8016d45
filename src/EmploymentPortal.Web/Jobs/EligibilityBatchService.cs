using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Scheduling;
using Quartz;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Runs <see cref="EligibilityBatch"/> over the whole register once a day (02:00 business time
/// by default), so the "may qualify" lists follow ages reached and registrations opened or ended.
/// Scheduled by <c>Portal:Scheduler:Jobs:Eligibility</c>; operators can also run
/// <c>-- evaluate-eligibility</c>, and county officials re-run their county from the bureau home.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class EligibilityBatchService(IServiceScopeFactory scopes, ILogger<EligibilityBatchService> logger)
    : ScheduledJob(scopes, logger)
{
    protected override Task RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) => RunOnceAsync(scopes, null, cancellationToken);

    /// <summary>Evaluates the subtree of <paramref name="regionPrefix"/> (null: the whole register) today.</summary>
    public static async Task<EligibilityBatchSummary> RunOnceAsync(IServiceScopeFactory scopes, string? regionPrefix, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemJobScope();
        var today = scope.ServiceProvider.GetRequiredService<BusinessClock>().Today;
        var summary = await scope.ServiceProvider.GetRequiredService<EligibilityBatch>().RunAsync(regionPrefix, today, cancellationToken);
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<EligibilityBatchService>>();
        LogDone(logger, summary.RegionPrefix, summary.Persons, summary.Evaluations, summary.Candidates, summary.Elapsed.TotalSeconds);
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Eligibility evaluated for region prefix '{RegionPrefix}': {Persons} persons, {Evaluations} evaluations, {Candidates} candidates, {Seconds:F1} s")]
    private static partial void LogDone(ILogger logger, string regionPrefix, int persons, long evaluations, int candidates, double seconds);
}
