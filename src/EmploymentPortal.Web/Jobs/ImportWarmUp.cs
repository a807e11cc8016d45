using System.Diagnostics;
using EmploymentPortal.Core.Persons;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// At start-up, before the portal answers, runs the ledger import's reading and checking over
/// <c>Portal:Import:WarmUpRows</c> generated rows (<see cref="LedgerExcel.WarmUpAsync"/>; 0 turns
/// it off), so that the first upload after a start is as fast as the next ones. It writes
/// nothing. If it fails, the portal still starts, and the warning says the first import will be slower.
/// </summary>
public sealed partial class ImportWarmUp(IServiceScopeFactory scopes, IOptions<PortalOptions> options, ILogger<ImportWarmUp> logger) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rows = options.Value.Import.WarmUpRows;
        if (rows <= 0)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var accepted = await scope.ServiceProvider.GetRequiredService<LedgerExcel>().WarmUpAsync(rows, limit.Token);
            if (accepted == rows)
            {
                LogDone(logger, rows, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                LogRejected(logger, rows - accepted, rows);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Import warmed up: {Rows} generated rows read and checked in {Ms} ms")]
    private static partial void LogDone(ILogger logger, int rows, long ms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import warm-up: the checks refused {Refused} of {Rows} generated rows; the template's example row may no longer be valid")]
    private static partial void LogRejected(ILogger logger, int refused, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import warm-up failed; the portal starts, and the first import after start-up will be slower")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
