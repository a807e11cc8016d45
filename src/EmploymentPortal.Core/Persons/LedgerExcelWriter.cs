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
/// registrations, one audit event each — in one transaction on the context's connection. A
/// person registered meanwhile by someone else fails the whole write (unique violation).
/// </summary>
internal sealed class LedgerExcelWriter(PortalDbContext db, ICurrentActor actor)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the persons, their open unemployment registrations and one <c>PersonImported</c> audit event each, in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<LedgerImportCandidate> candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await BinaryCopy.WritePersonsStagedAsync(connection, transaction, candidates.Select(c => PersonCopyRow.Of(c.Person)), cancellationToken);

            await using (var copy = await CopyTargets.UnemploymentRegistrations.BeginStagedImportAsync(connection, transaction, cancellationToken))
            {
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

            await CopyTargets.UnemploymentRegistrations.InsertStagedAsync(connection, transaction, cancellationToken);
            await using (var copy = await connection.BeginBinaryImportAsync(CopyTargets.AuditEvents.Command, cancellationToken))
            {
                foreach (var c in candidates)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteNullableAsync(actor.UserId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(actor.Name, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync("PersonImported", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync("Person", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(c.Person.Id.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(c.Person.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(JsonSerializer.Serialize(PersonSnapshot.Of(c.Person), Json), NpgsqlDbType.Jsonb, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
