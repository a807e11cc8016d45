using EmploymentPortal.Core.Observability;
using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// The daily loop the scheduled jobs share: off unless its <c>Portal:Jobs</c> switch is on, the
/// first run a while after start-up, then once a day; a failed run is logged and retried the next
/// day (each job's run is one transaction, so a failure changes nothing).
/// </summary>
public abstract partial class DailyJob(IServiceScopeFactory scopes, IOptions<PortalOptions> options, BusinessClock clock, ILogger logger) : BackgroundService
{
    protected abstract string Name { get; }

    protected abstract bool Enabled(PortalOptions.JobSettings jobs);

    protected abstract Task RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken);

    /// <summary>Time between runs: a day unless a job needs to run more often.</summary>
    protected virtual TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled(options.Value.Jobs))
        {
            return;
        }

        await Task.Delay(options.Value.Jobs.FirstRunDelay, clock.Time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock.Time);
        do
        {
            try
            {
                await RunAsync(scopes, stoppingToken);
                Finished(succeeded: true);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, Name, e);
                Finished(succeeded: false);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Finished(bool succeeded)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortalMetrics>().JobFinished(Name, succeeded);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; it runs again tomorrow")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
