using System.Diagnostics;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>What one back-fill run did.</summary>
/// <param name="Filled">Applications on a notice that now have their public entry.</param>
/// <param name="Missing">Applications on a notice left without one: their person is no longer in the register (cancelled), so there is nothing to show.</param>
/// <param name="Batches">Batches read.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record NoticeEntryBackfillSummary(int Filled, int Missing, int Batches, TimeSpan Elapsed);

/// <summary>
/// Gives the notices published before <c>notice_entries</c> existed their public read model
/// (migration NoticeEntries creates the table empty). Runs after the migrations (the <c>migrate</c>
/// command and migration at start-up), like <see cref="Jobs.PostingSearchTextBackfill"/>: reads the
/// applications on a notice that have no entry, in id order a batch at a time by keyset, and writes
/// each entry with <see cref="NoticeEntry.Of"/>, the rule publishing uses, so the masking is the
/// one rule <see cref="Notice.MaskName"/> and never a second copy in SQL. The person's name, masked
/// ID number and region are read as they are now (what the public pages showed until this change).
/// Idempotent: a second run fills nothing, and publishing writes the entries itself.
/// </summary>
public sealed partial class NoticeEntryBackfill(DbContextOptions<PortalDbContext> options, ILogger<NoticeEntryBackfill> logger)
{
    public const int DefaultBatchSize = 1_000;

    public Task<NoticeEntryBackfillSummary> RunAsync(CancellationToken cancellationToken) => RunAsync(DefaultBatchSize, cancellationToken);

    public async Task<NoticeEntryBackfillSummary> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var watch = Stopwatch.StartNew();
        // Every notice, whatever its area: the back-fill runs as the system, not as a user.
        await using var db = new PortalDbContext(options, new FixedDataScopeProvider(DataScope.All));
        var (filled, missing, batches) = (0, 0, 0);
        var after = Guid.Empty;
        while (true)
        {
            // Keyset in the database's uuid order: the last id of a batch is where the next one starts.
            var ids = await db.Database
                .SqlQuery<Guid>($"SELECT a.id AS \"Value\" FROM subsidy_applications a WHERE a.notice_id IS NOT NULL AND a.id > {after} AND NOT EXISTS (SELECT 1 FROM notice_entries e WHERE e.application_id = a.id) ORDER BY a.id LIMIT {batchSize}")
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var rows = await db.SubsidyApplications.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new
                {
                    Application = a,
                    Person = db.Persons.Where(p => p.Id == a.PersonId)
                        .Select(p => new { p.Name, p.IdNumberMasked, Region = db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).First() })
                        .FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => r.Person is not null))
            {
                db.NoticeEntries.Add(NoticeEntry.Of(row.Application, row.Person!.Name, row.Person.IdNumberMasked, row.Person.Region));
            }

            // Two instances back-filling at the same moment: the second one's insert fails on the key
            // and its start-up with it; started again, it finds nothing left to do.
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            batches++;
            after = ids[^1];
            var added = rows.Count(r => r.Person is not null);
            (filled, missing) = (filled + added, missing + rows.Count - added);
            LogBatch(logger, batches, filled);
        }

        var summary = new NoticeEntryBackfillSummary(filled, missing, batches, watch.Elapsed);
        LogDone(logger, summary.Filled, summary.Missing, summary.Batches, summary.Elapsed.TotalSeconds);
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice entries back-filled: batch {Batch}, {Filled} entries so far")]
    private static partial void LogBatch(ILogger logger, int batch, int filled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice entries back-filled for {Filled} applications ({Missing} without a person in the register) in {Batches} batches, {Seconds:F1} s")]
    private static partial void LogDone(ILogger logger, int filled, int missing, int batches, double seconds);
}
