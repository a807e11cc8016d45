using Npgsql;

namespace EmploymentPortal.Bench.Registry;

/// <summary>
/// The database's own foreign-key graph (<c>pg_constraint</c>), so that emptying or deleting
/// generated data reaches every table that refers to it, including tables added after this code.
/// </summary>
public static class ForeignKeys
{
    /// <summary>
    /// The given tables and every table that refers to one of them through a foreign key, directly
    /// or through another such table (payments → subsidy_applications → persons), as names
    /// (quoted where needed, schema-qualified outside the search path), sorted.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReferencingClosureAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<string> roots, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH RECURSIVE closure(rel) AS (
                SELECT c.oid FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(@roots)
                UNION
                SELECT k.conrelid FROM pg_constraint k JOIN closure ON k.confrelid = closure.rel WHERE k.contype = 'f'
            )
            SELECT rel::regclass::text FROM closure ORDER BY 1
            """,
            connection,
            transaction);
        var names = roots.ToArray();
        command.Parameters.AddWithValue("roots", names);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var missing = names.Where(n => !tables.Contains(n, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Table(s) {string.Join(", ", missing)} do not exist: migrate the database first.");
        }

        return tables;
    }

    /// <summary>
    /// Deletes the rows of <paramref name="table"/> whose <c>id</c> is in the temporary table
    /// <paramref name="idsTable"/> (one column <c>id</c>), after the rows of every table that refers
    /// to them, recursively (whatever each foreign key's ON DELETE says). Returns the rows deleted per table.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> DeleteWithDependentsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string idsTable, CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);
        await DeleteAsync(connection, transaction, table, idsTable, deleted, 0, cancellationToken);
        return deleted;
    }

    private static async Task DeleteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string idsTable, Dictionary<string, long> deleted, int depth, CancellationToken cancellationToken)
    {
        if (depth > 10)
        {
            throw new InvalidOperationException($"Foreign keys nest deeper than 10 levels below {table}.");
        }

        // Single-column foreign keys to the table's id (every key of the model is one); a self-reference is nulled.
        var references = new List<(string Child, string Column, bool HasId)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT k.conrelid::regclass::text, a.attname,
                   EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = k.conrelid AND i.attname = 'id' AND NOT i.attisdropped)
            FROM pg_constraint k
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            JOIN pg_attribute p ON p.attrelid = k.confrelid AND p.attnum = k.confkey[1]
            WHERE k.contype = 'f' AND k.confrelid = @table::regclass AND cardinality(k.conkey) = 1 AND p.attname = 'id'
            ORDER BY 1, 2
            """,
            connection,
            transaction))
        {
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                references.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
            }
        }

        for (var i = 0; i < references.Count; i++)
        {
            var (child, column, hasId) = references[i];
            var quoted = "\"" + column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            if (child == table)
            {
                await ExecuteAsync(connection, transaction, $"UPDATE {child} SET {quoted} = NULL WHERE {quoted} IN (SELECT id FROM {idsTable})", cancellationToken);
                continue;
            }

            if (!hasId)
            {
                // Nothing can refer to a row of a table without an id by the keys followed here.
                var rowsWithoutId = await ExecuteAsync(connection, transaction, $"DELETE FROM {child} WHERE {quoted} IN (SELECT id FROM {idsTable})", cancellationToken);
                deleted[child] = deleted.GetValueOrDefault(child) + rowsWithoutId;
                continue;
            }

            var childIds = $"delete_ids_{depth + 1}_{i}";
            await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {childIds}; CREATE TEMPORARY TABLE {childIds} ON COMMIT DROP AS SELECT id FROM {child} WHERE {quoted} IN (SELECT id FROM {idsTable})", cancellationToken);
            await DeleteAsync(connection, transaction, child, childIds, deleted, depth + 1, cancellationToken);
        }

        var rows = await ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE id IN (SELECT id FROM {idsTable})", cancellationToken);
        deleted[table] = deleted.GetValueOrDefault(table) + rows;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
