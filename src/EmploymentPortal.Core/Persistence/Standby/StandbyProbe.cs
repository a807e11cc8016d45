using EmploymentPortal.Domain.Common;
using Npgsql;

namespace EmploymentPortal.Core.Persistence.Standby;

/// <summary>What one check of the standby found: whether it is in recovery (a standby) and how far its replay is behind (null: it has replayed nothing yet).</summary>
public sealed record StandbyStatus(bool InRecovery, double? LagSeconds);

/// <summary>Checks the standby's state (a test may put its own in place).</summary>
public interface IStandbyProbe
{
    /// <summary>The standby's state; throws when it cannot be reached.</summary>
    Task<StandbyStatus> ProbeAsync(string connectionString, CancellationToken cancellationToken);
}

/// <summary>
/// Asks the standby itself. Caught up when all the WAL it received is replayed (then no transaction
/// is missing, however long ago the last one was); otherwise the age of the last replayed
/// transaction, against the portal's clock (the standby's own clock is not read: the portal's time
/// comes from <see cref="BusinessClock"/>; both follow NTP). A server not in recovery (a promoted
/// standby, or the primary named twice) has no lag.
/// </summary>
public sealed class PostgresStandbyProbe(BusinessClock clock) : IStandbyProbe
{
    /// <summary>Seconds the check waits to connect and for its answer: a standby slower than that is not read from.</summary>
    public const int TimeoutSeconds = 3;

    private const string Sql =
        """
        SELECT pg_is_in_recovery(),
               NOT pg_is_in_recovery() OR (pg_last_wal_receive_lsn() IS NOT NULL AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()),
               pg_last_xact_replay_timestamp()
        """;

    public async Task<StandbyStatus> ProbeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = TimeoutSeconds, CommandTimeout = TimeoutSeconds };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var caughtUp = reader.GetBoolean(1);
        double? lag = caughtUp ? 0 : reader.IsDBNull(2) ? null : Math.Max(0, (clock.UtcNow - reader.GetFieldValue<DateTimeOffset>(2)).TotalSeconds);
        return new StandbyStatus(reader.GetBoolean(0), lag);
    }
}
