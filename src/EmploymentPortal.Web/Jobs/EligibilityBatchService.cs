using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Runs <see cref="EligibilityBatch"/> over the whole register once a day (first a minute after
/// start-up), so the "may qualify" lists follow ages reached and registrations opened or ended.
/// Off with <c>Portal:Jobs:Eligibility=false</c>; operators can also run
/// <c>-- evaluate-eligibility</c>, and county officials re-run their county from the bureau home.
/// </summary>
public sealed partial class EligibilityBatchService(IServiceScopeFactory scopes, IOptions<PortalOptions> options, BusinessClock clock, ILogger<EligibilityBatchService> logger)
    : DailyJob(scopes, options, clock, logger)
{
    protected override string Name => "eligibility batch";

    protected override bool Enabled(PortalOptions.JobSettings jobs) => jobs.Eligibility;

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
