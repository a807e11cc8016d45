using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Regions;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Bench.Registry;

/// <summary>
/// Binary COPY of the generated rows into the tables the app's migrations create, with the
/// PostgreSQL type of every column stated (no type inference per value).
/// </summary>
public static class RegistryCopy
{
    public static readonly CopyTarget Households = new(
        "households", ["id", "region_id", "region_code", "address", "hukou", "has_business_income", "status"]);

    public static readonly CopyTarget Registrations = new(
        "unemployment_registrations", ["id", "person_id", "region_code", "registered_on", "ended_on", "end_reason"]);

    public static readonly CopyTarget FollowUps = new(
        "follow_ups", ["id", "person_id", "region_code", "kind", "occurred_on", "staff_name", "notes", "recorded_at"]);

    /// <summary>The tables written, in foreign-key order; persons as the app's ledger import writes them (<see cref="CopyTargets.Persons"/>).</summary>
    public static IReadOnlyList<CopyTarget> Tables { get; } = [Households, CopyTargets.Persons, Registrations, FollowUps];

    /// <summary>
    /// Fails early, with the column named, when the schema has moved on from what this writes: a
    /// column written that does not exist, or a required column without a default left out.
    /// </summary>
    public static async Task CheckSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, columns) in Tables)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT column_name, is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AND is_generated = 'NEVER'
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = @table
                """,
                connection);
            command.Parameters.AddWithValue("table", NpgsqlDbType.Text, table);
            var existing = new Dictionary<string, bool>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    existing[reader.GetString(0)] = reader.GetBoolean(1);
                }
            }

            if (existing.Count == 0)
            {
                throw new InvalidOperationException($"Table {table} does not exist: migrate the database first (dotnet run --project src/EmploymentPortal.Web -- migrate).");
            }

            var missing = columns.Where(c => !existing.ContainsKey(c)).ToList();
            var required = existing.Where(e => e.Value && !columns.Contains(e.Key)).Select(e => e.Key).ToList();
            if (missing.Count > 0 || required.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The generator no longer matches table {table}: missing [{string.Join(", ", missing)}], required but not written [{string.Join(", ", required)}].");
            }
        }
    }

    /// <summary>The communities and streets (with their code prefix) persons may be registered in, with ancestor names for addresses.</summary>
    public static async Task<IReadOnlyList<RegionTarget>> LoadRegionsAsync(NpgsqlConnection connection, string prefix, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<int, (string Code, string Name, RegionLevel Level, int? ParentId)>();
        await using (var command = new NpgsqlCommand("SELECT id, code, name, level, parent_id FROM regions", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2), (RegionLevel)reader.GetInt16(3), reader.IsDBNull(4) ? null : reader.GetInt32(4));
            }
        }

        string NameAt(int id, RegionLevel level)
        {
            int? current = id;
            while (current is { } c && rows.TryGetValue(c, out var row))
            {
                if (row.Level == level)
                {
                    return row.Name;
                }

                current = row.ParentId;
            }

            return string.Empty;
        }

        return rows
            .Where(r => r.Value.Level is RegionLevel.Community or RegionLevel.Street && r.Value.Code.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(r => r.Value.Code, StringComparer.Ordinal)
            .Select(r => new RegionTarget(r.Key, r.Value.Code, r.Value.Name, NameAt(r.Key, RegionLevel.Street), NameAt(r.Key, RegionLevel.County), NameAt(r.Key, RegionLevel.City)))
            .ToList();
    }

    /// <summary>The lookup hashes already stored (as <see cref="RegistryStream.HashKey"/>), so an added registry avoids their numbers.</summary>
    public static async Task<HashSet<UInt128>> LoadHashKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var keys = new HashSet<UInt128>();
        await using var command = new NpgsqlCommand("SELECT id_number_hash FROM persons", connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hash = (byte[])reader[0];
            if (hash.Length >= 16)
            {
                keys.Add(RegistryStream.HashKey(hash));
            }
        }

        return keys;
    }

    public static async Task WriteAsync(NpgsqlConnection connection, RegistryBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Households.Count > 0)
        {
            await using var households = await connection.BeginBinaryImportAsync(Households.Command, cancellationToken);
            foreach (var h in batch.Households)
            {
                await households.StartRowAsync(cancellationToken);
                await households.WriteAsync(h.Id, NpgsqlDbType.Uuid, cancellationToken);
                await households.WriteAsync(h.Region.Id, NpgsqlDbType.Integer, cancellationToken);
                await households.WriteAsync(h.Region.Code, NpgsqlDbType.Varchar, cancellationToken);
                await households.WriteAsync(h.Address, NpgsqlDbType.Varchar, cancellationToken);
                await households.WriteAsync((short)h.Hukou, NpgsqlDbType.Smallint, cancellationToken);
                await households.WriteAsync(h.HasBusinessIncome, NpgsqlDbType.Boolean, cancellationToken);
                await households.WriteAsync((short)0, NpgsqlDbType.Smallint, cancellationToken);
            }

            await households.CompleteAsync(cancellationToken);
        }

        await BinaryCopy.WritePersonsAsync(connection, batch.Persons, cancellationToken);

        if (batch.Registrations.Count > 0)
        {
            await using var registrations = await connection.BeginBinaryImportAsync(Registrations.Command, cancellationToken);
            foreach (var r in batch.Registrations)
            {
                await registrations.StartRowAsync(cancellationToken);
                await registrations.WriteAsync(r.Id, NpgsqlDbType.Uuid, cancellationToken);
                await registrations.WriteAsync(r.PersonId, NpgsqlDbType.Uuid, cancellationToken);
                await registrations.WriteAsync(r.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
                await registrations.WriteAsync(r.RegisteredOn, NpgsqlDbType.Date, cancellationToken);
                await registrations.WriteNullableAsync(r.EndedOn, NpgsqlDbType.Date, cancellationToken);
                await registrations.WriteNullableAsync((short?)r.EndReason, NpgsqlDbType.Smallint, cancellationToken);
            }

            await registrations.CompleteAsync(cancellationToken);
        }

        if (batch.FollowUps.Count > 0)
        {
            await using var followUps = await connection.BeginBinaryImportAsync(FollowUps.Command, cancellationToken);
            foreach (var f in batch.FollowUps)
            {
                await followUps.StartRowAsync(cancellationToken);
                await followUps.WriteAsync(f.Id, NpgsqlDbType.Uuid, cancellationToken);
                await followUps.WriteAsync(f.PersonId, NpgsqlDbType.Uuid, cancellationToken);
                await followUps.WriteAsync(f.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
                await followUps.WriteAsync((short)f.Kind, NpgsqlDbType.Smallint, cancellationToken);
                await followUps.WriteAsync(f.OccurredOn, NpgsqlDbType.Date, cancellationToken);
                await followUps.WriteAsync(f.StaffName, NpgsqlDbType.Varchar, cancellationToken);
                await followUps.WriteAsync(f.Notes, NpgsqlDbType.Varchar, cancellationToken);
                await followUps.WriteAsync(f.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await followUps.CompleteAsync(cancellationToken);
        }
    }
}
