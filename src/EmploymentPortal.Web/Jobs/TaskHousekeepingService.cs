using EmploymentPortal.Web.Scheduling;
using Quartz;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// Every five minutes by default (<c>Portal:Scheduler:Jobs:TaskHousekeeping</c>): the background
/// tasks' housekeeping, <see cref="BackgroundTaskRunner.HousekeepAsync"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TaskHousekeepingService(IServiceScopeFactory scopes, ILogger<TaskHousekeepingService> logger)
    : ScheduledJob(scopes, logger)
{
    protected override async Task RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackgroundTaskRunner>().HousekeepAsync(cancellationToken);
    }
}
