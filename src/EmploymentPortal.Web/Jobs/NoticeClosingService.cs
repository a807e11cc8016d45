using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Web.Scheduling;
using Quartz;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Closes ended public notices every hour (ten past, by default), for the whole register: an application whose notice's
/// last working day has passed, with no open objection, becomes payable (or withheld after an
/// upheld objection). This was done by the GETs of the notice and payment pages; no GET changes
/// state now. Officials can also close at once with the button on <c>/Bureau/Notices</c> (a POST),
/// and resolving an objection closes too. Scheduled by <c>Portal:Scheduler:Jobs:NoticeClosing</c>.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class NoticeClosingService(IServiceScopeFactory scopes, ILogger<NoticeClosingService> logger)
    : ScheduledJob(scopes, logger)
{
    protected override Task RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) => RunOnceAsync(scopes, cancellationToken);

    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemJobScope();
        var closed = await scope.ServiceProvider.GetRequiredService<Core.Subsidies.Notices>().CloseEndedAsync(cancellationToken);
        LogDone(scope.ServiceProvider.GetRequiredService<ILogger<NoticeClosingService>>(), closed);
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice applications closed: {Closed}")]
    private static partial void LogDone(ILogger logger, int closed);
}
