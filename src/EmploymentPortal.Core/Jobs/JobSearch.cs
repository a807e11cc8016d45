using System.Globalization;
using System.Text;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persistence.Standby;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Core.Jobs;

/// <summary>
/// The public job search: published postings of verified employers only, by keyword (Chinese
/// matched by character pairs, see <see cref="SearchTokens"/>), area, occupation category, type
/// and pay, newest or best paid first, a page at a time by keyset.
/// The search is SQL written here, not by LINQ, so that its plans are chosen on purpose
/// (docs/policy-rules.md, "Jobs: public search"). It reads the public listing (<c>job_listings</c>,
/// kept by triggers: one narrow row per posting published by a verified employer) and filters out
/// postings past their end date; only the page's rows are joined to their employer and region names.
/// Every read is on the request's <see cref="ReadSide"/>: the standby when one is in use (docs/adr/0008-standby-reads.md).
/// </summary>
public sealed class JobSearch(ReadSide reads, JobSearchCache cache, BusinessClock clock, PortalMetrics metrics)
{
    /// <summary>
    /// What one posting's row costs when a bitmap built from the GIN index is read, against one
    /// index entry merged into that bitmap (measured: docs/benchmarks.md, about 5 µs against 0.1 µs).
    /// </summary>
    private const double EntryCostInRows = 0.02;

    private const string ListingColumns = "s.posting_id, s.title, s.employer_id, s.region_id, s.occupation_code, s.type, s.pay_min, s.pay_max, s.published_at";

    private DateOnly Today => clock.Today;

    public async Task<JobSearchResult> SearchAsync(JobSearchQuery query, CancellationToken cancellationToken) =>
        await reads.ReadAsync(async () => await RunAsync(await PrepareAsync(query, null, cancellationToken), cancellationToken), cancellationToken);

    /// <summary>The search with the plan given (for the page and the count) instead of chosen (tests run both plans over the same postings).</summary>
    public async Task<JobSearchResult> SearchAsync(JobSearchQuery query, JobSearchPlan plan, CancellationToken cancellationToken) =>
        await reads.ReadAsync(async () => await RunAsync(await PrepareAsync(query, plan, cancellationToken), cancellationToken), cancellationToken);

    /// <summary>The two statements of a search (the page and the capped count) and their plans, without running them.</summary>
    public async Task<PreparedJobSearch> PrepareAsync(JobSearchQuery query, JobSearchPlan? plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<NpgsqlParameter> { new("today", NpgsqlDbType.Date) { Value = Today } };
        var where = new StringBuilder("s.valid_to >= @today");

        // Every filter that has a lexeme in the listing's tsvector joins the keyword in one tsquery.
        var parts = new List<string>();
        var groups = new List<IReadOnlyList<SearchToken>>();
        var tsQuery = ToTsQuery(query.Keyword);
        if (tsQuery is not null)
        {
            parts.Add(tsQuery.Tokens.Count > 1 ? $"({tsQuery.Text})" : tsQuery.Text);
            groups.Add(tsQuery.Tokens);
        }

        if (RegionCode.TryParse(query.Region, out var region))
        {
            if (region.Level >= RegionLevel.County)
            {
                AddLexeme(ListingLexemes.Area(region.ScopePrefix));
            }
            else
            {
                where.Append(" AND s.region_code LIKE @region");
                parameters.Add(new("region", NpgsqlDbType.Text) { Value = region.ScopePrefix + "%" });
            }
        }

        if (OccupationCatalog.Find(query.Category) is { } occupation)
        {
            AddLexeme(ListingLexemes.Occupation(occupation.Code));
        }

        if (query.Type is { } type && Enum.IsDefined(type))
        {
            AddLexeme(ListingLexemes.Type(type));
        }

        if (query.MinPay is > 0)
        {
            where.Append(" AND s.pay_max >= @minPay");
            parameters.Add(new("minPay", NpgsqlDbType.Integer) { Value = query.MinPay.Value });
        }

        var size = Math.Clamp(query.PageSize, 1, JobSearchQuery.MaxPageSize);
        var (pagePlan, countPlan) = parts.Count == 0
            ? (JobSearchPlan.OrderWalk, JobSearchPlan.OrderWalk)
            : plan is { } given ? (given, given) : Choose(await cache.ReadAsync(reads.Db, cancellationToken), groups, size);
        if (parts.Count > 0)
        {
            parameters.Add(new("q", NpgsqlDbType.Text) { Value = string.Join(" & ", parts) });
        }

        // @@ is what the GIN index serves; the function behind it, ts_match_vq, is the same test
        // that no index serves, so that the order's index is walked instead.
        string Match(JobSearchPlan chosen) => parts.Count == 0 ? string.Empty
            : chosen == JobSearchPlan.OrderWalk ? " AND ts_match_vq(s.search_vector, CAST(@q AS tsquery))"
            : " AND s.search_vector @@ CAST(@q AS tsquery)";

        var order = query.Sort == JobSort.Pay ? "s.pay_max DESC, s.posting_id DESC" : "s.published_at DESC, s.posting_id DESC";
        var countSql = countPlan == JobSearchPlan.OrderWalk
            ? $"SELECT count(*)::int FROM (SELECT 1 FROM job_listings s WHERE {where}{Match(countPlan)} ORDER BY s.published_at DESC, s.posting_id DESC LIMIT {JobSearchQuery.CountCap + 1}) c"
            : $"SELECT count(*)::int FROM (SELECT 1 FROM job_listings s WHERE {where}{Match(countPlan)} LIMIT {JobSearchQuery.CountCap + 1}) c";

        var pageWhere = new StringBuilder(where.ToString()).Append(Match(pagePlan));
        if (Cursor.TryParse(query.After, query.Sort, out var after))
        {
            pageWhere.Append(query.Sort == JobSort.Pay ? " AND (s.pay_max, s.posting_id) < (@afterPay, @afterId)" : " AND (s.published_at, s.posting_id) < (@afterAt, @afterId)");
            parameters.Add(query.Sort == JobSort.Pay
                ? new("afterPay", NpgsqlDbType.Integer) { Value = after.Pay }
                : new("afterAt", NpgsqlDbType.TimestampTz) { Value = after.PublishedAt });
            parameters.Add(new("afterId", NpgsqlDbType.Uuid) { Value = after.Id });
        }

        // Through the GIN index every match is collected first (MATERIALIZED keeps the planner from
        // walking the order's index instead), then sorted; a walk stops when the page is full.
        var page = pagePlan == JobSearchPlan.OrderWalk
            ? $"SELECT {ListingColumns} FROM job_listings s WHERE {pageWhere} ORDER BY {order} LIMIT {size + 1}"
            : $"WITH matches AS MATERIALIZED (SELECT {ListingColumns} FROM job_listings s WHERE {pageWhere}) SELECT * FROM matches s ORDER BY {order} LIMIT {size + 1}";
        // The names only for the page's rows, each by its primary key.
        var pageSql = "SELECT s.posting_id, s.title, (SELECT e.name FROM employers e WHERE e.id = s.employer_id), (SELECT r.name FROM regions r WHERE r.id = s.region_id), " +
                      $"s.occupation_code, s.type, s.pay_min, s.pay_max, s.published_at FROM ({page}) s ORDER BY {order}";
        return new PreparedJobSearch(pageSql, countSql, parameters, pagePlan, countPlan, size, query.Sort, tsQuery is not null || string.IsNullOrWhiteSpace(query.Keyword));

        void AddLexeme(string lexeme)
        {
            parts.Add($"'{lexeme}'");
            groups.Add([new SearchToken(lexeme, false)]);
        }
    }

    /// <summary>
    /// Each statement's plan from the estimated share m of listings matching (the product of the
    /// terms' and filters' shares) over N listings. The page: walking passes over about
    /// (page + 1) ÷ m rows, the GIN index collects m × N. The capped count: walking passes over
    /// min(cap, m × N) ÷ m rows; the GIN index reads min(cap, m × N) rows and merges the entries of
    /// every token, about as many as the rarest token has postings each.
    /// </summary>
    private static (JobSearchPlan Page, JobSearchPlan Count) Choose(ListingStatistics statistics, List<IReadOnlyList<SearchToken>> groups, int pageSize)
    {
        var shares = groups.Select(statistics.TermShare).ToList();
        var m = shares.Aggregate(1.0, (product, share) => product * share);
        if (m <= 0)
        {
            return (JobSearchPlan.TermIndex, JobSearchPlan.TermIndex);
        }

        double n = Math.Max(statistics.Listings, 1);
        var page = (pageSize + 1) / m < m * n ? JobSearchPlan.OrderWalk : JobSearchPlan.TermIndex;
        var counted = Math.Min(JobSearchQuery.CountCap + 1, m * n);
        var tokens = groups.Sum(g => g.Count);
        var gin = counted + (EntryCostInRows * tokens * shares.Min() * n);
        var count = counted / m < gin ? JobSearchPlan.OrderWalk : JobSearchPlan.TermIndex;
        return (page, count);
    }

    private async Task<JobSearchResult> RunAsync(PreparedJobSearch prepared, CancellationToken cancellationToken)
    {
        var started = clock.Time.GetTimestamp();

        // The listing and its employers' and regions' names are public: the unscoped connection.
        var connection = await reads.Unscoped.OpenPublicListingsAsync(cancellationToken);
        {
            await using var batch = prepared.CreateBatch(connection);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var hits = new List<JobHit>();
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new JobHit(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    (PostingType)reader.GetInt16(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8)));
            }

            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var count = reader.GetInt32(0);
            string? next = null;
            if (hits.Count > prepared.PageSize)
            {
                hits.RemoveAt(hits.Count - 1);
                next = Cursor.Of(hits[^1], prepared.Sort);
            }

            metrics.JobSearched(prepared.PagePlan, clock.Time.GetElapsedTime(started));
            return new JobSearchResult(hits, Math.Min(count, JobSearchQuery.CountCap), count > JobSearchQuery.CountCap, next, prepared.PagePlan, prepared.KeywordUsable);
        }
    }

    /// <summary>One published posting of a verified employer, or null (draft, pending, ended, unknown).</summary>
    public async Task<PublicPosting?> GetPublishedAsync(Guid id, CancellationToken cancellationToken) =>
        await reads.ReadAsync(async () => await PublishedAsync(id, cancellationToken), cancellationToken);

    private async Task<PublicPosting?> PublishedAsync(Guid id, CancellationToken cancellationToken)
    {
        // A published posting is public: read past the scope, with the public condition.
        var today = Today;
        var row = await reads.Unscoped.PublishedPostingsWithEmployers()
            .Where(x => x.Posting.Id == id && x.Posting.ValidTo >= today && x.EmployerStatus == EmployerStatus.Verified)
            .Select(x => new { x.Posting, x.EmployerName, CreditCode = x.EmployerCreditCode })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var posting = row.Posting;
        var codes = new List<string>();
        for (RegionCode? code = RegionCode.Parse(posting.RegionCode); code is not null; code = code.Value.Parent)
        {
            codes.Add(code.Value.Value);
        }

        var names = await reads.Db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var path = codes.AsEnumerable().Reverse().Where(names.ContainsKey).Select(c => names[c]).ToList();
        return new PublicPosting(posting.Id, posting.Title, posting.Description, row.EmployerName, row.CreditCode, posting.OccupationCode, posting.RegionCode, path,
            posting.Type, posting.PayMin, posting.PayMax, posting.Headcount, posting.Skills, posting.ContactName, posting.ContactPhone, posting.ValidFrom, posting.ValidTo,
            posting.PublishedAt!.Value);
    }

    /// <summary>The areas a search can be limited to (counties and streets, in code order), read at most every few minutes: every search page lists them.</summary>
    public async Task<IReadOnlyList<JobArea>> AreasAsync(CancellationToken cancellationToken) =>
        await cache.AreasAsync(
            async () => await reads.ReadAsync(
                async () => await reads.Db.Regions.AsNoTracking()
                    .Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Street)
                    .OrderBy(r => r.Code)
                    .Select(r => new JobArea(r.Code, r.Name, r.Level == RegionLevel.Street))
                    .ToListAsync(cancellationToken),
                cancellationToken));

    /// <summary>
    /// The tsquery of a keyword: each CJK run is a phrase of its character pairs (<c>'保安' &lt;-&gt; '安员'</c>),
    /// a single character a prefix (<c>'家':*</c>), a word itself; runs are combined with AND. Null when
    /// the keyword has nothing to look for. The tokens are letters and digits only, so quoting is safe.
    /// </summary>
    public static SearchTsQuery? ToTsQuery(string? keyword)
    {
        var text = keyword?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > JobSearchQuery.KeywordMaxLength)
        {
            text = text[..JobSearchQuery.KeywordMaxLength];
        }

        var parts = new List<string>();
        var tokens = new List<SearchToken>();
        foreach (var run in SearchTokens.Runs(text))
        {
            var runTokens = run.QueryTokens();
            if (run.IsSingleCharacter)
            {
                parts.Add($"'{runTokens[0]}':*");
                tokens.Add(new SearchToken(runTokens[0], true));
                continue;
            }

            parts.Add(string.Join(" <-> ", runTokens.Select(t => $"'{t}'")));
            tokens.AddRange(runTokens.Select(t => new SearchToken(t, false)));
        }

        return parts.Count == 0 ? null : new SearchTsQuery(string.Join(" & ", parts.Select(p => parts.Count > 1 && p.Contains("<->", StringComparison.Ordinal) ? $"({p})" : p)), tokens);
    }

    /// <summary>A keyset position: the last row's sort value and id.</summary>
    private readonly record struct Cursor(DateTimeOffset PublishedAt, int Pay, Guid Id)
    {
        public static string Of(JobHit hit, JobSort sort) => sort == JobSort.Pay
            ? string.Create(CultureInfo.InvariantCulture, $"p{hit.PayMax}_{hit.Id:N}")
            : string.Create(CultureInfo.InvariantCulture, $"n{hit.PublishedAt.UtcTicks}_{hit.Id:N}");

        public static bool TryParse(string? text, JobSort sort, out Cursor cursor)
        {
            cursor = default;
            var separator = text?.IndexOf('_', StringComparison.Ordinal) ?? -1;
            if (text is null || separator < 2 || text[0] != (sort == JobSort.Pay ? 'p' : 'n') || !Guid.TryParseExact(text[(separator + 1)..], "N", out var id))
            {
                return false;
            }

            var value = text[1..separator];
            if (sort == JobSort.Pay)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pay))
                {
                    return false;
                }

                cursor = new Cursor(default, pay, id);
                return true;
            }

            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }

            cursor = new Cursor(new DateTimeOffset(ticks, TimeSpan.Zero), 0, id);
            return true;
        }
    }
}

/// <summary>One token a query looks for; a prefix token matches every stored token that starts with it.</summary>
public sealed record SearchToken(string Text, bool Prefix);

public sealed record SearchTsQuery(string Text, IReadOnlyList<SearchToken> Tokens);

/// <summary>A search's page statement (one row more than the page, to know there is a next) and its capped count.</summary>
public sealed record PreparedJobSearch(string PageSql, string CountSql, IReadOnlyList<NpgsqlParameter> Parameters, JobSearchPlan PagePlan, JobSearchPlan CountPlan, int PageSize, JobSort Sort, bool KeywordUsable)
{
    /// <summary>
    /// Turns sequential scans off for the batch's own (implicit) transaction: the filters are all
    /// served by an index, but with a LIMIT the planner can still prefer reading the table until
    /// enough rows are found, which the search must never do (docs/benchmarks.md).
    /// </summary>
    public const string IndexesOnly = "SELECT set_config('enable_seqscan', 'off', true)";

    /// <summary>Both statements in one round trip: the setting's row, the page's rows, then the count.</summary>
    public NpgsqlBatch CreateBatch(NpgsqlConnection connection)
    {
        var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(IndexesOnly));
        foreach (var sql in new[] { PageSql, CountSql })
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var parameter in Parameters)
            {
                if (sql.Contains("@" + parameter.ParameterName, StringComparison.Ordinal))
                {
                    command.Parameters.Add(parameter.Clone());
                }
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }
}

/// <summary>
/// The lexemes the listing's tsvector holds besides the text's tokens (written by the view
/// <c>job_listing_source</c>, migration JobListings). They start with §, which no text token holds.
/// </summary>
public static class ListingLexemes
{
    /// <summary>The area at any level: a district's, street's or community's code prefix.</summary>
    public static string Area(string scopePrefix) => "§" + scopePrefix;

    /// <summary>An occupation category, major ("4") or middle ("4-09").</summary>
    public static string Occupation(string code) => "§o" + code;

    public static string Type(PostingType type) => "§t" + ((short)type).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Statements over the whole public listing (its definition is the view <c>job_listing_source</c>).</summary>
public static class JobListingSql
{
    /// <summary>
    /// Mends the listing against its definition: the triggers keep it row by row, but a posting
    /// published while its employer's verification changed in another transaction could leave one
    /// row behind. Run daily with the expiry.
    /// </summary>
    public static string Reconcile => SqlFiles.Read("Jobs/Sql/job_listing_reconcile.sql");

    /// <summary>Fills the listing anew (after a bulk load with the triggers off).</summary>
    public const string Rebuild = "TRUNCATE job_listings; INSERT INTO job_listings SELECT * FROM job_listing_source;";
}
