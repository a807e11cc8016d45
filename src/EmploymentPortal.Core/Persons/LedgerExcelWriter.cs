using System.Buffers;
using System.Text;
using System.Text.Json;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Writes an import's valid rows with binary COPY — persons, their open unemployment
/// registrations — and one audit event for the import, in one transaction on the context's
/// connection. A person registered meanwhile by someone else fails the whole write (unique violation).
/// </summary>
/// <remarks>
/// One event for the import, not one per person: it is one act of one user, the auditor's trail
/// shows it as one line rather than 50,000, and the append-only trail keeps only each person's id
/// and masked ID number, not a copy of their name, address and phone that could never be erased
/// (PIPL art. 47). The persons' own rows carry the rest.
/// </remarks>
internal sealed class LedgerExcelWriter(PortalDbContext db, ICurrentActor actor)
{
    private const string InsertAudit = $"""
        INSERT INTO audit_events (occurred_at, actor_id, actor_name, action, entity_type, entity_id, region_code, after)
        VALUES (@occurred_at, @actor_id, @actor_name, '{AuditAction}', 'Ledger', @entity_id, @region_code, @after)
        """;

    /// <summary>The one audit event of an import.</summary>
    public const string AuditAction = "LedgerImported";

    /// <summary>
    /// Writes the persons, their open unemployment registrations and one <see cref="AuditAction"/>
    /// event for the whole import (the file's counts and each person's id and masked ID number), in
    /// one transaction.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<LedgerImportCandidate> candidates, LedgerImportSummary summary, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await InTransactionAsync(
            async (connection, transaction) =>
            {
                await StageAsync(connection, transaction, candidates, cancellationToken);
                await BinaryCopy.InsertStagedPersonsAsync(connection, transaction, cancellationToken);
                await CopyTargets.UnemploymentRegistrations.InsertStagedAsync(connection, transaction, cancellationToken);
                await using (var audit = new NpgsqlCommand(InsertAudit, connection, transaction))
                {
                    audit.Parameters.Add(new NpgsqlParameter("occurred_at", NpgsqlDbType.TimestampTz) { Value = now });
                    audit.Parameters.Add(new NpgsqlParameter("actor_id", NpgsqlDbType.Uuid) { Value = actor.UserId is { } id ? id : DBNull.Value });
                    audit.Parameters.Add(new NpgsqlParameter("actor_name", NpgsqlDbType.Varchar) { Value = actor.Name });
                    audit.Parameters.Add(new NpgsqlParameter("entity_id", NpgsqlDbType.Varchar) { Value = Guid.CreateVersion7().ToString() });
                    audit.Parameters.Add(new NpgsqlParameter("region_code", NpgsqlDbType.Varchar) { Value = (object?)db.Scope.RegionPrefix ?? DBNull.Value });
                    audit.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Jsonb) { Value = AuditAfter(candidates, summary) });
                    await audit.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>
    /// Copies the persons and their registrations into the import's temporary tables and rolls
    /// back: nothing is kept (the import's warm-up, <see cref="LedgerExcel.WarmUpAsync"/>).
    /// </summary>
    public Task StageAndDiscardAsync(IReadOnlyList<LedgerImportCandidate> candidates, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await StageAsync(connection, transaction, candidates, cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
            },
            cancellationToken);

    private static async Task StageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerImportCandidate> candidates, CancellationToken cancellationToken)
    {
        await BinaryCopy.StagePersonsAsync(connection, transaction, candidates.Select(c => PersonCopyRow.Of(c.Person)), cancellationToken);
        await using var copy = await CopyTargets.UnemploymentRegistrations.BeginStagedImportAsync(connection, transaction, cancellationToken);
        foreach (var r in candidates.Select(c => c.Registration).OfType<UnemploymentRegistration>())
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(r.PersonId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(r.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.RegisteredOn, NpgsqlDbType.Date, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private async Task InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await work(connection, transaction);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string AuditAfter(IReadOnlyList<LedgerImportCandidate> candidates, LedgerImportSummary summary)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * (candidates.Count + 1));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("mode", summary.Mode.ToString());
            json.WriteNumber("rows", summary.Rows);
            json.WriteNumber("imported", candidates.Count);
            json.WriteNumber("rejectedRows", summary.RejectedRows);
            json.WriteStartArray("persons");
            foreach (var c in candidates)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Person.Id);
                json.WriteString("idNumber", c.Person.IdNumberMasked);
                json.WriteString("regionCode", c.Person.RegionCode);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>What the import's audit event says of the file besides its persons.</summary>
internal sealed record LedgerImportSummary(ImportMode Mode, int Rows, int RejectedRows);
