using System.Security.Cryptography;
using System.Text;
using EmploymentPortal.Core.Persistence;
using Npgsql;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// One import at a time per unit, across every instance of the portal: a PostgreSQL session
/// advisory lock on a connection of its own, taken without waiting (a second import is told at
/// once) and held until the import ends; if the process dies the session ends and the lock with it.
/// </summary>
public sealed class ImportGate(PortalConnections connections)
{
    /// <summary>The first half of the lock's key: this lock's namespace among advisory locks.</summary>
    private const int Namespace = 0x1D_0C_15;

    /// <summary>The gate of <paramref name="unitKey"/> (e.g. the unit's area), or null when another import of it is running.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(string unitKey, CancellationToken cancellationToken)
    {
        var key = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(unitKey)), 0);
        var connection = new NpgsqlConnection(connections.App);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, $2)", connection) { Parameters = { new() { Value = Namespace }, new() { Value = key } } };
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                var held = new Held(connection, key);
                connection = null;
                return held;
            }

            return null;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class Held(NpgsqlConnection connection, int key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Not the request's token: the lock is given back even when the import was cancelled.
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1, $2)", connection) { Parameters = { new() { Value = Namespace }, new() { Value = key } } };
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            finally
            {
                // Closing ends nothing for a pooled session, hence the unlock above; a broken connection is discarded and its session ends.
                await connection.DisposeAsync();
            }
        }
    }
}
