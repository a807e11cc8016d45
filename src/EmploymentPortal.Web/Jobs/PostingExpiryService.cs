using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Web.Scheduling;
using Quartz;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Marks published postings past their end date as expired once a day (00:05 business time by default; one set-based UPDATE).
/// Scheduled by <c>Portal:Scheduler:Jobs:PostingExpiry</c>. Searches never show a posting past its end
/// date in any case: they filter on the date too.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PostingExpiryService(IServiceScopeFactory scopes, ILogger<PostingExpiryService> logger)
    : ScheduledJob(scopes, logger)
{
    protected override Task RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) => RunOnceAsync(scopes, cancellationToken);

    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemJobScope();
        var expired = await scope.ServiceProvider.GetRequiredService<JobBoard>().ExpireAsync(cancellationToken);
        LogDone(scope.ServiceProvider.GetRequiredService<ILogger<PostingExpiryService>>(), expired);
        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Postings expired: {Expired}")]
    private static partial void LogDone(ILogger logger, int expired);
}
