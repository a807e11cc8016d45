using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Jobs;

/// <summary>
/// What the public search reads often and keeps for a few minutes. How common a search token is, from the statistics PostgreSQL keeps anyway: <c>ANALYZE</c> records
/// the most common lexemes of <c>job_listings.search_vector</c> with their share of rows
/// (<c>pg_stats.most_common_elems</c>, up to 1,000 of them) — text tokens and the area, category and
/// type lexemes alike — and the table's row count (<c>pg_class.reltuples</c>). A token not in the list
/// is rarer than all of them and counts as 0. Read at most every few minutes (a singleton).
/// </summary>
public sealed class JobSearchCache(BusinessClock clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private static string StatisticsSql => SqlFiles.Read("Jobs/Sql/job_listing_statistics.sql");

    // Replaced whole; two requests that find one stale at once both read it again, which is harmless.
    private volatile ListingStatistics? _snapshot;
    private volatile AreaList? _areas;

    /// <summary>The search's list of areas, read again when older than a few minutes (a new street shows within them).</summary>
    public async Task<IReadOnlyList<Core.Jobs.JobArea>> AreasAsync(Func<Task<List<Core.Jobs.JobArea>>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var now = clock.UtcNow;
        if (_areas is { } fresh && now - fresh.ReadAt < MaxAge)
        {
            return fresh.Areas;
        }

        var areas = new AreaList(now, await read());
        _areas = areas;
        return areas.Areas;
    }

    private sealed record AreaList(DateTimeOffset ReadAt, IReadOnlyList<Core.Jobs.JobArea> Areas);

    /// <summary>The statistics of the public listing, read again when older than a few minutes.</summary>
    public async Task<ListingStatistics> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.UtcNow;
        if (_snapshot is { } fresh && now - fresh.ReadAt < MaxAge)
        {
            return fresh;
        }

        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        long listings = 0;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(StatisticsSql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                listings = reader.GetInt64(2);
                if (!reader.IsDBNull(0) && !reader.IsDBNull(1))
                {
                    var elements = reader.GetFieldValue<string[]>(0);
                    var frequencies = reader.GetFieldValue<float[]>(1);
                    for (var i = 0; i < elements.Length && i < frequencies.Length; i++)
                    {
                        shares[elements[i]] = frequencies[i];
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var snapshot = new ListingStatistics(now, listings, shares);
        _snapshot = snapshot;
        return snapshot;
    }
}

/// <summary>The listing's row count and its common lexemes' shares of rows.</summary>
public sealed record ListingStatistics(DateTimeOffset ReadAt, long Listings, IReadOnlyDictionary<string, double> Shares)
{
    /// <summary>The estimated share of listings holding the token (a prefix: the sum over the common lexemes it starts, at most 1).</summary>
    public double Share(SearchToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Prefix
            ? Math.Min(1, Shares.Where(s => s.Key.StartsWith(token.Text, StringComparison.Ordinal)).Sum(s => s.Value))
            : Shares.GetValueOrDefault(token.Text);
    }

    /// <summary>The estimated share holding every token of a term: its rarest token's (an upper bound).</summary>
    public double TermShare(IReadOnlyList<SearchToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Count == 0 ? 0 : tokens.Min(Share);
    }
}
