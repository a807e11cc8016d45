using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Core.BackgroundWork;

/// <summary>
/// The runner's side of <c>background_tasks</c>, on connections of its own that see every area.
/// A claimed task is held by a session advisory lock on the claiming connection, taken in the
/// claim's transaction and kept until the task ends: while its process lives, no one else takes
/// it; when the process dies, the session and the lock go, and <see cref="FailAbandonedAsync"/>
/// marks the task failed. A task is claimed by its id, once: a second claim (the scheduler firing
/// it again, another instance) finds it no longer queued, or locked, and gets nothing.
/// </summary>
public sealed class BackgroundTaskStore(PortalConnections connections, BusinessClock clock)
{
    /// <summary>The first half of the locks' keys: this lock's namespace among advisory locks.</summary>
    private const int Namespace = 0x7A_5C_07;

    /// <summary>The text key of the message on a task whose process ended while it ran.</summary>
    public const string AbandonedKey = "Tasks.Abandoned";

    /// <summary>The text key of the message on a task whose work threw.</summary>
    public const string CrashedKey = "Tasks.Crashed";

    /// <summary>Claims queued task <paramref name="id"/>, or null when it is not queued (done, running, deleted) or another instance is claiming it.</summary>
    public async Task<ClaimedTask?> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await using var pick = new NpgsqlCommand(
                    """
                    SELECT id, kind, parameters, input, requested_by_id, requested_by_name, requested_by_role, region_code, culture
                    FROM background_tasks WHERE id = $1 AND state = 1 FOR UPDATE SKIP LOCKED
                    """,
                    connection,
                    transaction)
                { Parameters = { new() { Value = id } } };
                ClaimedTask? claimed = null;
                await using (var reader = await pick.ExecuteReaderAsync(cancellationToken))
                {
                    if (await reader.ReadAsync(cancellationToken))
                    {
                        claimed = new ClaimedTask(
                            this,
                            connection,
                            reader.GetGuid(0),
                            reader.GetString(1),
                            reader.IsDBNull(2) ? null : reader.GetString(2),
                            reader.IsDBNull(3) ? null : (byte[])reader[3],
                            reader.GetGuid(4),
                            reader.GetString(5),
                            reader.IsDBNull(6) ? null : reader.GetString(6),
                            reader.GetString(7),
                            reader.GetString(8));
                    }
                }

                if (claimed is null)
                {
                    return null;
                }

                await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock($1, $2)", connection, transaction) { Parameters = { new() { Value = Namespace }, new() { Value = Key(claimed.Id) } } })
                {
                    await hold.ExecuteScalarAsync(cancellationToken);
                }

                await using (var start = new NpgsqlCommand("UPDATE background_tasks SET state = 2, started_at = $2 WHERE id = $1", connection, transaction) { Parameters = { new() { Value = claimed.Id }, new() { Value = clock.UtcNow } } })
                {
                    await start.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                connection = null;
                return claimed;
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Marks failed every running task that no live session holds (its process died: a restart, a
    /// crash); the scheduler's housekeeping calls it every few minutes. Returns how many.
    /// </summary>
    public async Task<int> FailAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var running = new List<Guid>();
        await using (var list = new NpgsqlCommand("SELECT id FROM background_tasks WHERE state = 2", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                running.Add(reader.GetGuid(0));
            }
        }

        var failed = 0;
        foreach (var id in running)
        {
            await using var probe = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, $2)", connection) { Parameters = { new() { Value = Namespace }, new() { Value = Key(id) } } };
            if (await probe.ExecuteScalarAsync(cancellationToken) is not true)
            {
                continue;
            }

            try
            {
                await using var fail = new NpgsqlCommand(
                    "UPDATE background_tasks SET state = 4, message = $2, finished_at = $3, input = NULL WHERE id = $1 AND state = 2",
                    connection)
                { Parameters = { new() { Value = id }, new() { Value = AbandonedKey }, new() { Value = clock.UtcNow } } };
                failed += await fail.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1, $2)", connection) { Parameters = { new() { Value = Namespace }, new() { Value = Key(id) } } };
                await unlock.ExecuteScalarAsync(CancellationToken.None);
            }
        }

        return failed;
    }

    /// <summary>The queued tasks made before <paramref name="madeBefore"/>, oldest first (the housekeeping's check that each has been handed to the scheduler).</summary>
    public async Task<IReadOnlyList<Guid>> QueuedAsync(DateTimeOffset madeBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var list = new NpgsqlCommand("SELECT id FROM background_tasks WHERE state = 1 AND created_at < $1 ORDER BY created_at", connection)
        {
            Parameters = { new() { Value = madeBefore } },
        };
        var queued = new List<Guid>();
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            queued.Add(reader.GetGuid(0));
        }

        return queued;
    }

    /// <summary>
    /// Deletes the tasks that finished (succeeded or failed) before <paramref name="finishedBefore"/>,
    /// with their results and files; queued and running tasks stay. Returns how many.
    /// </summary>
    public async Task<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM background_tasks WHERE state IN (3, 4) AND finished_at < $1", connection)
        {
            Parameters = { new() { Value = finishedBefore } },
        };
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int Key(Guid id) => BitConverter.ToInt32(id.ToByteArray(), 12);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connections.App);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var scope = RowSecurity.ScopeCommand(connection, "all");
            await scope.ExecuteScalarAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A task this process runs, held by its connection's advisory lock until disposed.</summary>
    public sealed class ClaimedTask(
        BackgroundTaskStore store,
        NpgsqlConnection connection,
        Guid id,
        string kind,
        string? parameters,
        byte[]? input,
        Guid requestedById,
        string requestedByName,
        string? requestedByRole,
        string regionCode,
        string culture) : IAsyncDisposable
    {
        public Guid Id => id;

        public string Kind => kind;

        public string? Parameters => parameters;

        public byte[]? Input => input;

        public Guid RequestedById => requestedById;

        public string RequestedByName => requestedByName;

        public string? RequestedByRole => requestedByRole;

        public string RegionCode => regionCode;

        public string Culture => culture;

        public async Task ReportAsync(int done, int? total, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("UPDATE background_tasks SET done = $2, total = $3 WHERE id = $1", connection)
            {
                Parameters = { new() { Value = id }, new() { Value = done }, new() { Value = (object?)total ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer } },
            };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        /// <summary>Stores the work's outcome (not cancellable: a finished task is recorded even during shutdown).</summary>
        public async Task FinishAsync(BackgroundWorkOutcome outcome, int done, int? total)
        {
            await using var command = new NpgsqlCommand(
                """
                UPDATE background_tasks SET state = $2, message = $3, result = $4, result_file = $5, result_file_name = $6, result_content_type = $7,
                  done = $8, total = $9, finished_at = $10, input = NULL
                WHERE id = $1
                """,
                connection)
            {
                Parameters =
                {
                    new() { Value = id },
                    new() { Value = (int)(outcome.Failed ? BackgroundTaskState.Failed : BackgroundTaskState.Succeeded) },
                    new() { Value = (object?)outcome.Message ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { Value = (object?)outcome.Result ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    new() { Value = (object?)outcome.File ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea },
                    new() { Value = (object?)outcome.FileName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { Value = (object?)outcome.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { Value = done },
                    new() { Value = (object?)total ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer },
                    new() { Value = store.Now },
                },
            };
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1, $2)", connection) { Parameters = { new() { Value = Namespace }, new() { Value = Key(id) } } };
                await unlock.ExecuteScalarAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private DateTimeOffset Now => clock.UtcNow;
}
