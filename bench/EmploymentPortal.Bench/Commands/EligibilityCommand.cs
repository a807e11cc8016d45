using System.Diagnostics;
using System.Globalization;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Regions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EmploymentPortal.Bench.Commands;

/// <summary>
/// Times the eligibility batch (<see cref="EligibilityBatch"/>) over the register, with the
/// process's peak memory and the database's transaction count (a query per person would show as
/// a million), then one person's evaluation for every scheme through <see cref="EligibilityService"/>
/// as the person page does it (a fresh scope per person, like a request).
/// </summary>
public static class EligibilityCommand
{
    public const string Usage =
        """
        eligibility --connection "Host=...;Database=..."   (or env ConnectionStrings__Portal)
                    [--iterations 3] [--region 370702] [--on 2026-11-23] [--persons 200] [--scope 370702000000]
          Runs the app's eligibility batch over the whole register (or the subtree of --region, a region-code
          prefix) and prints wall time, evaluations/s, candidates, the process's peak working set and GC heap;
          then times EligibilityService for --persons random persons of --scope: all schemes, and the
          4050 check alone (the person page's eligibility part), p50/p95/max.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = new CommandLine(args, new HashSet<string>());
        var connectionString = line.Connection();
        var iterations = line.Int("iterations", 3);
        var region = line.String("region");
        var on = line.Date("on", BenchClock.Clock.Today);
        var persons = line.Int("persons", 200);
        var scopeCode = line.String("scope") ?? "370702000000";
        line.RejectUnknown();

        await using var provider = PortalServices.Build(connectionString, DataScope.All);
        Console.WriteLine($"{"run",3} {"persons",10} {"evaluations",12} {"candidates",10} {"wall s",7} {"eval/s",10} {"peak WS MB",10} {"GC heap MB",10} {"alloc MB",9} {"gen0/1/2",10} {"db xacts",8}");
        for (var i = 0; i < iterations; i++)
        {
            var xactsBefore = await TransactionsAsync(connectionString, cancellationToken);
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            await using var scope = provider.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var summary = await scope.ServiceProvider.GetRequiredService<EligibilityBatch>().RunAsync(region, on, cancellationToken);
            watch.Stop();
            var xacts = await TransactionsAsync(connectionString, cancellationToken) - xactsBefore;
            using var process = Process.GetCurrentProcess();
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i + 1,3} {summary.Persons,10:N0} {summary.Evaluations,12:N0} {summary.Candidates,10:N0} {watch.Elapsed.TotalSeconds,7:F1} {summary.Evaluations / watch.Elapsed.TotalSeconds,10:N0} {process.PeakWorkingSet64 / 1048576.0,10:F0} {info.HeapSizeBytes / 1048576.0,10:F0} {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,9:F0} {$"{GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}",10} {xacts,8}"));
        }

        await PersonTimingsAsync(connectionString, scopeCode, persons, on, cancellationToken);
        return 0;
    }

    private static async Task PersonTimingsAsync(string connectionString, string scopeCode, int count, DateOnly on, CancellationToken cancellationToken)
    {
        var region = RegionCode.Parse(scopeCode);
        var ids = new List<Guid>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT id FROM persons TABLESAMPLE SYSTEM (1) WHERE region_code LIKE @prefix LIMIT @n", connection);
            command.Parameters.AddWithValue("prefix", region.ScopePrefix + "%");
            command.Parameters.AddWithValue("n", count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        await using var provider = PortalServices.Build(connectionString, DataScope.Region(region));
        var all = new List<double>();
        var hardship = new List<double>();
        for (var i = 0; i < ids.Count + 3; i++)
        {
            var id = ids[i % ids.Count];
            await using (var scope = provider.CreateAsyncScope())
            {
                var service = scope.ServiceProvider.GetRequiredService<EligibilityService>();
                var watch = Stopwatch.StartNew();
                foreach (var code in EligibilityRules.Implemented)
                {
                    _ = await service.EvaluatePersonAsync(id, code, on, cancellationToken) ?? throw new InvalidOperationException("A sampled person is outside the scope.");
                }

                if (i >= 3)
                {
                    all.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            await using (var scope = provider.CreateAsyncScope())
            {
                var service = scope.ServiceProvider.GetRequiredService<EligibilityService>();
                var watch = Stopwatch.StartNew();
                _ = await service.EvaluatePersonAsync(id, EligibilityRules.Hardship4050, on, cancellationToken);
                if (i >= 3)
                {
                    hardship.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"EligibilityService, {ids.Count} persons of {scopeCode}, a fresh scope per person (3 warm-up calls):");
        Print($"all {EligibilityRules.Implemented.Count} schemes", all);
        Print("4050 check (person page part)", hardship);
    }

    private static void Print(string name, List<double> timings)
    {
        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-32} p50 {Percentile(timings, 0.5),6:F2} ms  p95 {Percentile(timings, 0.95),6:F2} ms  max {timings[^1],6:F2} ms"));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Committed transactions of the current database so far (statistics flushed first).</summary>
    private static async Task<long> TransactionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
        {
            await flush.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }
}
