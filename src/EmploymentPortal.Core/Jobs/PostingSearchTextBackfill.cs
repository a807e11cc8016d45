using System.Diagnostics;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Core.Jobs;

/// <summary>What one back-fill run did.</summary>
/// <param name="Filled">Postings that now have search tokens.</param>
/// <param name="LeftEmpty">Postings whose title and description give no token at all (only punctuation), left as they are.</param>
/// <param name="Skipped">Postings changed by someone else between reading and saving, left for the next run.</param>
/// <param name="Batches">Batches read.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record SearchTextBackfillSummary(int Filled, int LeftEmpty, int Skipped, int Batches, TimeSpan Elapsed);

/// <summary>
/// Gives search tokens to the postings saved before <see cref="Posting.SearchText"/> existed (the
/// column was added with '' for them, so the public search cannot find them). Runs after the
/// migrations (the <c>migrate</c> command and migration at start-up): reads the postings whose
/// search text is empty in id order, a batch at a time by keyset (never OFFSET), lets each one
/// make its tokens with <see cref="Posting.RefreshSearchText"/> (the rule the edits use) and saves
/// the batch with ordinary UPDATEs, from which the database derives what the search reads.
/// Idempotent: a second run fills nothing; a posting changed meanwhile fails its
/// row-version check and is left to the next run.
/// </summary>
public sealed partial class PostingSearchTextBackfill(DbContextOptions<PortalDbContext> options, ILogger<PostingSearchTextBackfill> logger)
{
    public const int DefaultBatchSize = 1_000;

    public Task<SearchTextBackfillSummary> RunAsync(CancellationToken cancellationToken) => RunAsync(DefaultBatchSize, cancellationToken);

    public async Task<SearchTextBackfillSummary> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var watch = Stopwatch.StartNew();
        // Every posting, whatever its area: the back-fill runs as the system, not as a user.
        await using var db = new PortalDbContext(options, new FixedDataScopeProvider(DataScope.All));
        var (filled, leftEmpty, skipped, batches) = (0, 0, 0, 0);
        var after = Guid.Empty;
        while (true)
        {
            // Keyset in the database's uuid order: the last id of a batch is where the next one starts.
            var ids = await db.Database
                .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM postings WHERE search_text = '' AND id > {after} ORDER BY id LIMIT {batchSize}")
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            batches++;
            after = ids[^1];
            var batch = await db.Postings.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            foreach (var posting in batch)
            {
                posting.RefreshSearchText();
            }

            skipped += await SaveSkippingChangedAsync(db, cancellationToken);
            var saved = db.ChangeTracker.Entries<Posting>().Select(e => e.Entity).ToList();
            var empty = saved.Count(p => p.SearchText.Length == 0);
            (filled, leftEmpty) = (filled + saved.Count - empty, leftEmpty + empty);
            db.ChangeTracker.Clear();
            LogBatch(logger, batches, filled);
        }

        var summary = new SearchTextBackfillSummary(filled, leftEmpty, skipped, batches, watch.Elapsed);
        LogDone(logger, summary.Filled, summary.LeftEmpty, summary.Skipped, summary.Batches, summary.Elapsed.TotalSeconds);
        return summary;
    }

    /// <summary>Saves the batch; a posting changed by someone else since it was read is left out (the next run takes it up if it is still empty). Returns how many were left out.</summary>
    private static async Task<int> SaveSkippingChangedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var skipped = 0;
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return skipped;
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                foreach (var entry in conflict.Entries)
                {
                    entry.State = EntityState.Detached;
                    skipped++;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posting search tokens back-filled: batch {Batch}, {Filled} postings so far")]
    private static partial void LogBatch(ILogger logger, int batch, int filled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Posting search tokens back-filled for {Filled} postings ({LeftEmpty} give no token, {Skipped} changed meanwhile) in {Batches} batches, {Seconds:F1} s")]
    private static partial void LogDone(ILogger logger, int filled, int leftEmpty, int skipped, int batches, double seconds);
}
