using System.Globalization;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Reports;
using EmploymentPortal.Core.Scoping;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EmploymentPortal.Bench.Commands;

/// <summary>
/// <c>generate --connection CS [--persons 1000000] [--households 350000] [--seed N] [--today yyyy-MM-dd]
/// [--region-prefix 370702] [--batch-size 20000] [--open-share 0.08] [--truncate | --append] [--vacuum]
/// [--personal-data-key BASE64]</c>
/// </summary>
public static class GenerateCommand
{
    public const string Usage =
        """
        generate --connection "Host=...;Database=..."   (or env ConnectionStrings__Portal)
                 [--persons 1000000] [--households 350000] [--seed 20261123] [--today yyyy-MM-dd]
                 [--region-prefix 370702] [--batch-size 20000] [--open-share 0.08]
                 [--truncate | --append] [--vacuum] [--personal-data-key BASE64]
          Fills a migrated, demo-seeded database with a county-sized registry (binary COPY), then ANALYZE.
          --truncate empties first every table that refers to persons or households (foreign keys, directly
          or not: registrations, follow-ups, certifications, applications, payments...) and rebuilds the
          report rollups; regions, org units, users, parameters and postings stay. --append adds to
          existing rows (use another seed). Without either, the persons table must be empty.
          The ID numbers are encrypted with the app's key: Portal__Security__PersonalDataKey if set,
          else the app's development key (not in Production).
        """;

    private static readonly HashSet<string> Flags = ["truncate", "append", "vacuum"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = new CommandLine(args, Flags);
        var connectionString = line.Connection();
        var defaults = new RegistryGeneratorOptions();
        var options = defaults with
        {
            Persons = line.Int("persons", defaults.Persons),
            Households = line.Int("households", defaults.Households),
            Seed = line.ULong("seed", defaults.Seed),
            Today = line.Date("today", defaults.Today),
            RegionPrefix = line.String("region-prefix") ?? string.Empty,
            BatchSize = line.Int("batch-size", defaults.BatchSize),
            OpenRegistrationShare = line.Double("open-share", defaults.OpenRegistrationShare),
        };
        var truncate = line.Flag("truncate");
        var append = line.Flag("append");
        var vacuum = line.Flag("vacuum");
        var key = line.String("personal-data-key");
        line.RejectUnknown();
        options.Validate();

        var protector = PortalServices.Protector(connectionString, key);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var existing = await RegistryGenerator.CountPersonsAsync(connection, cancellationToken);
        if (truncate)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Truncating the registry tables ({existing:N0} persons)"));
            var emptied = await RegistryGenerator.TruncateAsync(connection, cancellationToken);
            Console.WriteLine("  emptied " + string.Join(", ", emptied));
            var rebuild = await RebuildReportsAsync(connectionString, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  report rollups rebuilt ({rebuild.RegistrationDays:N0} registration day rows) in {rebuild.Elapsed.TotalSeconds:F1} s"));
        }
        else if (existing > 0 && !append)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"persons already holds {existing:N0} rows: pass --truncate to replace them or --append (with another --seed) to add."));
            return 2;
        }

        await RegistryGenerator.GenerateAsync(connection, options, protector, Console.Out, vacuum, cancellationToken);
        await PrintSizesAsync(connection, cancellationToken);
        return 0;
    }

    /// <summary>
    /// The app's full rebuild of the report rollups (<see cref="Reports.RebuildAsync"/>): TRUNCATE fires
    /// no row trigger, so the rollups still count the rows just emptied until they are rebuilt; the
    /// generated rows then go in through the rollup triggers.
    /// </summary>
    public static async Task<ReportRebuildSummary> RebuildReportsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var provider = PortalServices.Build(connectionString, DataScope.All);
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Reports>().RebuildAsync(cancellationToken);
    }

    private static async Task PrintSizesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, c.reltuples::bigint, pg_size_pretty(pg_relation_size(c.oid)), pg_size_pretty(pg_indexes_size(c.oid)),
                   pg_size_pretty(pg_total_relation_size(c.oid))
            FROM pg_class c
            WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
              AND c.relname IN ('persons', 'households', 'household_status_changes', 'unemployment_registrations', 'follow_ups')
            ORDER BY pg_total_relation_size(c.oid) DESC
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Console.WriteLine($"{"table",-28} {"rows",12} {"heap",10} {"indexes",10} {"total",10}");
        while (await reader.ReadAsync(cancellationToken))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetString(0),-28} {Math.Max(0, reader.GetInt64(1)),12:N0} {reader.GetString(2),10} {reader.GetString(3),10} {reader.GetString(4),10}"));
        }
    }
}
