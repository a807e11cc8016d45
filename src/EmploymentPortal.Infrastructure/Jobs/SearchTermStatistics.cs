using EmploymentPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Infrastructure.Jobs;

/// <summary>
/// How common a search term is, from the statistics PostgreSQL keeps anyway: <c>ANALYZE</c> records
/// the most common tokens of <c>postings.search_vector</c> with their share of rows
/// (<c>pg_stats.most_common_elems</c>). A term is as common as its rarest token (an upper bound);
/// a token not in the list is rarer than all of them. Read at most every few minutes (a singleton).
/// </summary>
public sealed class SearchTermStatistics(TimeProvider clock)
{
    /// <summary>
    /// From this share of postings on, a term's page is found faster by walking the order's index
    /// than by collecting every match through the GIN index (measured: docs/benchmarks.md).
    /// </summary>
    public const double CommonShare = 0.02;

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    // Replaced whole; two requests that find it stale at once both read the statistics, which is harmless.
    private volatile Snapshot? _snapshot;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset ReadAt, long Count)> _areas = new(StringComparer.Ordinal);

    /// <summary>The estimated share of postings holding every token of the term (its rarest token's share).</summary>
    public async Task<double> TermShareAsync(PortalDbContext db, IReadOnlyList<SearchToken> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var shares = await SharesAsync(db, cancellationToken);
        return tokens.Count == 0 ? 0 : tokens.Min(t => Share(shares, t));
    }

    /// <summary>
    /// How many postings are published, and the share of them in an area (a region-code prefix),
    /// counted at most every few minutes per area: what the walk along the date index must pass
    /// over to find a page of one area's matches.
    /// </summary>
    public async Task<(long Published, double AreaShare)> AreaAsync(PortalDbContext db, string? prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = await CountAsync(db, string.Empty, cancellationToken);
        return prefix is null || total == 0 ? (total, 1) : (total, (double)await CountAsync(db, prefix, cancellationToken) / total);
    }

    private async Task<long> CountAsync(PortalDbContext db, string prefix, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_areas.TryGetValue(prefix, out var cached) && now - cached.ReadAt < MaxAge)
        {
            return cached.Count;
        }

        var count = await db.Postings.IgnoreQueryFilters([PortalDbContext.RegionScopeFilter])
            .LongCountAsync(p => p.Status == Domain.Jobs.PostingStatus.Published && p.RegionCode.StartsWith(prefix), cancellationToken);
        _areas[prefix] = (now, count);
        return count;
    }

    /// <summary>The estimated share of postings holding the token (a prefix: the sum over the common tokens it starts, at most 1).</summary>
    private static double Share(IReadOnlyDictionary<string, double> shares, SearchToken token) =>
        token.Prefix
            ? Math.Min(1, shares.Where(s => s.Key.StartsWith(token.Text, StringComparison.Ordinal)).Sum(s => s.Value))
            : shares.GetValueOrDefault(token.Text);

    private async Task<IReadOnlyDictionary<string, double>> SharesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.ReadAt < MaxAge)
        {
            return fresh.Shares;
        }

        var shares = await ReadAsync(db, cancellationToken);
        _snapshot = new Snapshot(now, shares);
        return shares;
    }

    private static async Task<Dictionary<string, double>> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'postings' AND attname = 'search_vector'",
                connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) && !reader.IsDBNull(1))
            {
                var elements = reader.GetFieldValue<string[]>(0);
                var frequencies = reader.GetFieldValue<float[]>(1);
                for (var i = 0; i < elements.Length && i < frequencies.Length; i++)
                {
                    shares[elements[i]] = frequencies[i];
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return shares;
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyDictionary<string, double> Shares);
}
