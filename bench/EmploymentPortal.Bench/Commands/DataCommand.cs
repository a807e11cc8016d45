using System.Diagnostics;
using System.Globalization;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Subsidies;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EmploymentPortal.Bench.Commands;

/// <summary>
/// The whole bench data set in one command, replacing what an earlier run loaded: the registry
/// (<c>generate --truncate --vacuum</c>), the postings (<c>jobs --generate --replace</c>), the
/// household status job, the eligibility batch, then VACUUM ANALYZE.
/// </summary>
public static class DataCommand
{
    public const string Usage =
        """
        data --connection "Host=...;Database=..."   (or env ConnectionStrings__Portal; the owner login)
             [--persons 1000000] [--households 350000] [--postings 1000000] [--employers 20000] [--seed 20261123]
          Loads the benches' data set into a migrated, demo-seeded database, replacing the one loaded before:
          generate --truncate --vacuum, jobs --generate --replace, the household status job once (identified
          households), the eligibility batch once (may-qualify candidates), VACUUM ANALYZE. Running it again
          with the same options on the same day gives the same data set (bench/data.sh runs it).
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = new CommandLine(args, new HashSet<string>());
        var connectionString = line.Connection();
        var persons = line.Int("persons", 1_000_000);
        var households = line.Int("households", 350_000);
        var postings = line.Int("postings", 1_000_000);
        var employers = line.Int("employers", 20_000);
        var seed = line.ULong("seed", 20261123);
        line.RejectUnknown();

        var total = Stopwatch.StartNew();
        string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine("== registry");
        var code = await GenerateCommand.RunAsync(
            ["--connection", connectionString, "--persons", Text(persons), "--households", Text(households), "--seed", Text((long)seed), "--truncate", "--vacuum"],
            cancellationToken);
        if (code != 0)
        {
            return code;
        }

        Console.WriteLine("== postings");
        await JobSearchCommand.GenerateAsync(connectionString, postings, employers, seed, replace: true, cancellationToken);

        Console.WriteLine("== household status job and eligibility batch");
        await using (var provider = PortalServices.Build(connectionString, DataScope.All))
        {
            await using (var scope = provider.CreateAsyncScope())
            {
                var summary = await scope.ServiceProvider.GetRequiredService<Core.Households.HouseholdStatusJob>().RecomputeAllAsync(cancellationToken);
                Console.WriteLine($"households: {summary.Households:N0}, {summary.Changed:N0} changed, {summary.Elapsed.TotalSeconds:F1} s");
            }

            await using (var scope = provider.CreateAsyncScope())
            {
                var summary = await scope.ServiceProvider.GetRequiredService<EligibilityBatch>().RunAsync(null, BenchClock.Clock.Today, cancellationToken);
                Console.WriteLine($"eligibility: {summary.Persons:N0} persons, {summary.Candidates:N0} candidates");
            }
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            var watch = Stopwatch.StartNew();
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
            Console.WriteLine($"VACUUM ANALYZE: {watch.Elapsed.TotalSeconds:F1} s");
        }

        Console.WriteLine($"bench data set loaded in {total.Elapsed.TotalSeconds:F0} s");
        return 0;
    }
}
