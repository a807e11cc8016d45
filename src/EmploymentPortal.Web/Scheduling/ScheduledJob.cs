using Quartz;

namespace EmploymentPortal.Web.Scheduling;

/// <summary>
/// The base of the portal's scheduled jobs: one run at a time across the cluster
/// (<see cref="DisallowConcurrentExecutionAttribute"/> and the clustered store), and a failed run is logged
/// here and handed back to Quartz as failed, which retries it up to three times ten minutes apart
/// (<see cref="RetryPolicyAttribute"/>) and tells <see cref="JobRunListener"/>, which records it.
/// Each job's run is one transaction, so a failed run changes nothing.
/// </summary>
[DisallowConcurrentExecution]
[RetryPolicy(3, "00:10:00")]
public abstract partial class ScheduledJob(IServiceScopeFactory scopes, ILogger logger) : IJob
{
    protected abstract Task RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(scopes, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, context.JobDetail.Key.Name, context.RetryAttempt, e);
            throw new JobExecutionException(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed (retry {Retry}); the scheduler retries it under its retry policy")]
    private static partial void LogFailed(ILogger logger, string job, int retry, Exception exception);
}
