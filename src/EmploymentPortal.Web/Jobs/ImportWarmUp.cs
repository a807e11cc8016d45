using System.Diagnostics;
using EmploymentPortal.Core.Persons;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Jobs;

/// <summary>
/// At start-up, before the portal answers, runs the ledger import's reading, checking and staging four
/// times over <c>Portal:Import:WarmUpRows</c> generated rows (<see cref="LedgerExcel.WarmUpAsync"/>; 0 turns
/// it off), so that the first upload after a start is as fast as the next ones. It writes
/// nothing. If it fails, the portal still starts, and the warning says the first import will be slower.
/// </summary>
public sealed partial class ImportWarmUp(IServiceScopeFactory scopes, IOptions<PortalOptions> options, ILogger<ImportWarmUp> logger) : IHostedService
{
    /// <summary>
    /// Rounds and the pause between them. The runtime compiles a method optimised only after it
    /// has been called 30 times once start-up's compiling has paused for 100 ms, and then in the
    /// background: one round leaves the first real import running unoptimised code throughout
    /// (2.6 s instead of 0.9 s to read and check 50,000 rows, docs/benchmarks.md).
    /// </summary>
    private const int Rounds = 4;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

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
        var rounds = new List<long>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var excel = scope.ServiceProvider.GetRequiredService<LedgerExcel>();
            var sheet = await excel.WarmUpSheetAsync(rows, limit.Token);
            for (var round = 1; round <= Rounds; round++)
            {
                var started = Stopwatch.GetTimestamp();
                var accepted = await excel.WarmUpAsync(sheet, limit.Token);
                rounds.Add((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (accepted != rows)
                {
                    LogRejected(logger, rows - accepted, rows);
                    return;
                }

                if (round < Rounds)
                {
                    // A quiet moment: the runtime starts counting calls, then compiles the hot methods optimised.
                    await Task.Delay(Pause, limit.Token);
                }
            }

            LogDone(logger, rows, string.Join(", ", rounds));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Import warmed up: {Rows} generated rows read and checked in rounds of {RoundsMs} ms")]
    private static partial void LogDone(ILogger logger, int rows, string roundsMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import warm-up: the checks refused {Refused} of {Rows} generated rows; the template's example row may no longer be valid")]
    private static partial void LogRejected(ILogger logger, int refused, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import warm-up failed; the portal starts, and the first import after start-up will be slower")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
