using System.Diagnostics;
using System.Security.Cryptography;
using EmploymentPortal.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Audit;

/// <summary>What <see cref="AuditChain.VerifyAsync(NpgsqlConnection, CancellationToken)"/> found.</summary>
/// <param name="RowsChecked">Rows read in chain order, up to and including the first broken one.</param>
/// <param name="FirstBrokenId">The id of the first row whose link or hash does not hold; null when the chain is intact.</param>
/// <param name="Problem">What is wrong with that row, in English (an operator's command).</param>
/// <param name="HeadSeq">The last row's <c>seq</c> (0 for an empty trail).</param>
/// <param name="HeadHash">The last row's hash in hex: kept outside the database, it also shows a truncated tail.</param>
/// <param name="Elapsed">How long the check took.</param>
public sealed record AuditChainResult(long RowsChecked, long? FirstBrokenId, string? Problem, long HeadSeq, string HeadHash, TimeSpan Elapsed)
{
    public bool Intact => FirstBrokenId is null;
}

/// <summary>
/// Checks the audit trail's hash chain (docs/adr/0004). The database chains each row as it is
/// inserted (trigger <c>audit_events_chain</c>); this reads the rows in <c>seq</c> order with their
/// canonical encoding (<c>Audit/Sql/audit_verify.sql</c>) and recomputes every SHA-256 here, apart
/// from the database's own function. A row altered after it was written, a row removed from the
/// middle, or a link rewritten is reported with the id of the first row where the chain breaks.
/// Run by <c>-- verify-audit</c>.
/// </summary>
public static class AuditChain
{
    /// <summary>The <c>prev_hash</c> of the first row.</summary>
    public static ReadOnlyMemory<byte> Genesis { get; } = new byte[32];

    /// <summary>Verifies the chain on the context's connection (the app's login may read the trail).</summary>
    public static async Task<AuditChainResult> VerifyAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await VerifyAsync((NpgsqlConnection)db.Database.GetDbConnection(), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Verifies the chain on an open connection, reading it as one snapshot.</summary>
    public static async Task<AuditChainResult> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand(SqlFiles.Read("Audit/Sql/audit_verify.sql"), connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expected = Genesis.ToArray();
        long checkedRows = 0, lastSeq = 0;
        var buffer = new byte[4096];
        while (await reader.ReadAsync(cancellationToken))
        {
            checkedRows++;
            var id = reader.GetInt64(0);
            var seq = reader.GetInt64(1);
            var prev = reader.GetFieldValue<byte[]>(2);
            var hash = reader.GetFieldValue<byte[]>(3);
            var canonical = reader.GetFieldValue<byte[]>(4);
            string? problem = null;
            if (seq != lastSeq + 1)
            {
                problem = $"seq {seq} follows seq {lastSeq}: a row before it was removed";
            }
            else if (!prev.AsSpan().SequenceEqual(expected))
            {
                problem = "its prev_hash is not the hash of the row before it: a row before it was removed or rewritten";
            }

            var length = prev.Length + canonical.Length;
            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, buffer.Length * 2)];
            }

            prev.CopyTo(buffer, 0);
            canonical.CopyTo(buffer, prev.Length);
            var computed = SHA256.HashData(buffer.AsSpan(0, length));
            if (problem is null && !computed.AsSpan().SequenceEqual(hash))
            {
                problem = "its fields do not match its hash: the row was altered after it was written";
            }

            if (problem is not null)
            {
                return new AuditChainResult(checkedRows, id, problem, seq, Convert.ToHexStringLower(hash), watch.Elapsed);
            }

            expected = hash;
            lastSeq = seq;
        }

        return new AuditChainResult(checkedRows, null, null, lastSeq, Convert.ToHexStringLower(expected), watch.Elapsed);
    }
}
