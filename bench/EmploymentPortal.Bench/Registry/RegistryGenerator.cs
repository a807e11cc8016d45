using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using EmploymentPortal.Core.Persons;
using Npgsql;

namespace EmploymentPortal.Bench.Registry;

/// <summary>
/// Fills a migrated, demo-seeded portal database with a county-sized registry: persons spread over
/// the communities in <c>regions</c>, households of 1–5 members, open and ended unemployment
/// registrations and follow-ups. ID numbers are valid and unique, stored exactly as the app stores
/// them (masked, last four, cipher and lookup hash from the app's protector).
/// </summary>
public static class RegistryGenerator
{
    /// <summary>
    /// Generates and loads the registry in one transaction (binary COPY, batch by batch: the next
    /// batch is generated while the previous one is written), then runs ANALYZE (or VACUUM ANALYZE
    /// with <paramref name="vacuum"/>) on the tables written.
    /// </summary>
    public static async Task<GenerationResult> GenerateAsync(
        NpgsqlConnection connection,
        RegistryGeneratorOptions options,
        IIdNumberProtector protector,
        TextWriter? log = null,
        bool vacuum = false,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        log ??= TextWriter.Null;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await RegistryCopy.CheckSchemaAsync(connection, cancellationToken);
        var regions = await RegistryCopy.LoadRegionsAsync(connection, options.RegionPrefix, cancellationToken);
        if (regions.Count == 0)
        {
            throw new InvalidOperationException($"No communities or streets under '{options.RegionPrefix}' in regions: seed the demo city first (Portal__SeedDemo=true ... -- migrate).");
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating {options.Persons:N0} persons in {options.Households:N0} households over {regions.Count} regions (seed {options.Seed}, today {options.Today:yyyy-MM-dd}, batches of {options.BatchSize:N0})"));

        // Adding to a filled registry: keep the numbers already there out (16 bytes per stored person).
        var existing = await RegistryCopy.LoadHashKeysAsync(connection, cancellationToken);
        if (existing.Count > 0)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Avoiding the {existing.Count:N0} ID numbers already stored"));
        }

        var stream = new RegistryStream(options, regions, protector, existing);
        var stopwatch = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<RegistryBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var batch in stream.Batches())
                    {
                        await channel.Writer.WriteAsync(batch, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                    throw;
                }
            },
            CancellationToken.None);

        var persons = 0;
        var rows = 0L;
        var lastReport = TimeSpan.Zero;
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                await RegistryCopy.WriteAsync(connection, batch, cancellationToken);
                persons += batch.Persons.Count;
                rows += batch.Persons.Count + batch.Households.Count + batch.Registrations.Count + batch.FollowUps.Count;
                if (stopwatch.Elapsed - lastReport >= TimeSpan.FromSeconds(10))
                {
                    lastReport = stopwatch.Elapsed;
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {persons:N0} persons ({100.0 * persons / options.Persons:F0} %), {rows / stopwatch.Elapsed.TotalSeconds:N0} rows/s"));
                }
            }

            await producer;

            // The person carries the start of their open registration (the app keeps it so on every change).
            await using (var since = new NpgsqlCommand(
                "UPDATE persons p SET unemployed_since = r.registered_on FROM unemployment_registrations r WHERE r.person_id = p.id AND r.ended_on IS NULL AND p.unemployed_since IS DISTINCT FROM r.registered_on",
                connection, transaction)
            { CommandTimeout = 0 })
            {
                await since.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(producer);
            throw;
        }

        var loadTime = stopwatch.Elapsed;
        var result = new GenerationResult(
            stream.PersonsWritten, stream.HouseholdsWritten, stream.PersonsInHouseholds, stream.OpenRegistrations,
            stream.ClosedRegistrations, stream.FollowUps, loadTime, TimeSpan.Zero);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {result.TotalRows:N0} rows in {loadTime.TotalSeconds:F1} s ({result.TotalRows / loadTime.TotalSeconds:N0} rows/s; persons {result.Persons / loadTime.TotalSeconds:N0}/s)"));

        stopwatch.Restart();
        var tables = string.Join(", ", RegistryCopy.Tables.Select(t => t.Table));
        await using (var analyze = new NpgsqlCommand((vacuum ? "VACUUM (ANALYZE) " : "ANALYZE ") + tables, connection) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        result = result with { AnalyzeTime = stopwatch.Elapsed };
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(vacuum ? "VACUUM (ANALYZE)" : "ANALYZE")} {tables}: {result.AnalyzeTime.TotalSeconds:F1} s"));
        return result;
    }

    /// <summary>
    /// Empties the registry tables the generator writes and every table that refers to them through a
    /// foreign key, directly or not (certifications, applications and their payments, transfers,
    /// pushes, referrals, seeker links, household events...), found in the database's foreign-key
    /// graph so that a table added later is not forgotten. Regions, org units, users, parameters and
    /// postings do not refer to persons and stay. One statement; returns the tables emptied.
    /// The report rollups are not touched (TRUNCATE fires no row trigger): rebuild them after.
    /// </summary>
    public static async Task<IReadOnlyList<string>> TruncateAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tables = await ForeignKeys.ReferencingClosureAsync(connection, transaction, RegistryCopy.Tables.Select(t => t.Table), cancellationToken);
        await using (var command = new NpgsqlCommand("TRUNCATE " + string.Join(", ", tables), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return tables;
    }

    /// <summary>How many persons the database holds already.</summary>
    public static async Task<long> CountPersonsAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM persons", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
