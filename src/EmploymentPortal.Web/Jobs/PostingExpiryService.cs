using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Marks published postings past their end date as expired once a day (one set-based UPDATE).
/// Off with <c>Portal:Jobs:PostingExpiry=false</c>. Searches never show a posting past its end
/// date in any case: they filter on the date too.
/// </summary>
public sealed partial class PostingExpiryService(IServiceScopeFactory scopes, IOptions<PortalOptions> options, BusinessClock clock, ILogger<PostingExpiryService> logger)
    : DailyJob(scopes, options, clock, logger)
{
    protected override string Name => "posting expiry";

    protected override bool Enabled(PortalOptions.JobSettings jobs) => jobs.PostingExpiry;

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
