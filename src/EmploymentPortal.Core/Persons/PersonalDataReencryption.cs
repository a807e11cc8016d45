using System.Diagnostics;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// <c>-- reencrypt-personal-data</c>: moves every stored ID number to the current personal-data key
/// (docs/operations.md, "Keys"). The tables that hold protected numbers:
/// <list type="bullet">
/// <item><c>persons</c>: the ciphertext and the blind index (cancelled persons included);</item>
/// <item><c>seeker_links</c>: the blind index only, re-keyed from the person with the same old index.</item>
/// </list>
/// Batches in id order, one transaction each, so a stop loses at most the batch under way;
/// a value already under the current key with the current index is left alone, so a second run
/// changes nothing. Runs in a system job scope (the whole register).
/// </summary>
public sealed class PersonalDataReencryption(PortalDbContext db, AesGcmIdNumberProtector protector, Security.PersonalDataKeyRing keys, AuditLog audit, EmploymentPortal.Domain.Common.BusinessClock clock, ILogger<PersonalDataReencryption> logger)
{
    public const int DefaultBatchSize = 1_000;

    public async Task<ReencryptionSummary> RunAsync(int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        RowSecurity.RequireWholeRegister(db, "Re-encrypting personal data");
        var watch = Stopwatch.StartNew();
        var after = Guid.Empty;
        int examined = 0, changed = 0, links = 0;
        logger.LogInformation("Re-encrypting personal data under the key id {KeyId} (fingerprint {Fingerprint}), batches of {BatchSize}",
            keys.CurrentId, Security.PersonalDataKeyRing.Fingerprint(keys.Current), batchSize);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Raw SQL on purpose: cancelled persons keep their protected number too, and the EF filter hides them.
            var rows = await db.Database
                .SqlQuery<CipherRow>($"SELECT id AS \"Id\", id_number_cipher AS \"Cipher\", id_number_hash AS \"Hash\" FROM persons WHERE id > {after} ORDER BY id LIMIT {batchSize}")
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var row in rows)
                {
                    var number = ResidentIdNumber.Parse(protector.Reveal(row.Cipher), clock.Today);
                    var hash = protector.LookupHash(number);
                    if (protector.KeyIdOf(row.Cipher) == keys.CurrentId && hash.AsSpan().SequenceEqual(row.Hash))
                    {
                        continue;
                    }

                    var fresh = protector.Protect(number);
                    await db.Database.ExecuteSqlAsync($"UPDATE persons SET id_number_cipher = {fresh.Cipher}, id_number_hash = {fresh.LookupHash} WHERE id = {row.Id}", cancellationToken);
                    if (!row.Hash.AsSpan().SequenceEqual(fresh.LookupHash))
                    {
                        links += await db.Database.ExecuteSqlAsync($"UPDATE seeker_links SET id_number_hash = {fresh.LookupHash} WHERE id_number_hash = {row.Hash}", cancellationToken);
                    }

                    changed++;
                }

                await transaction.CommitAsync(cancellationToken);
            }

            examined += rows.Count;
            after = rows[^1].Id;
            logger.LogInformation("Re-encrypting personal data: {Examined} persons examined, {Changed} re-encrypted, {Links} link requests re-indexed", examined, changed, links);
        }

        audit.Add("PersonalDataReencrypted", "Person", "*", null, null, new { keyId = keys.CurrentId, examined, changed, links });
        await db.SaveChangesAsync(cancellationToken);
        return new ReencryptionSummary(examined, changed, links, watch.Elapsed);
    }

    private sealed class CipherRow
    {
        public Guid Id { get; init; }

        public byte[] Cipher { get; init; } = [];

        public byte[] Hash { get; init; } = [];
    }
}

public sealed record ReencryptionSummary(int Examined, int Changed, int Links, TimeSpan Elapsed);
