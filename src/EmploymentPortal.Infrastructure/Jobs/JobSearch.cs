using System.Globalization;
using System.Text;
using EmploymentPortal.Application.Jobs;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Infrastructure.Jobs;

/// <summary>
/// The public search in SQL written here, not by LINQ, so that its plans are chosen on purpose
/// (docs/policy-rules.md, "Jobs: public search"). It reads past the region-scope filter
/// deliberately — the search is public — and every statement carries its own condition: the
/// posting is published, not past its end date, and its employer is verified.
/// </summary>
public sealed class JobSearch(PortalDbContext db, SearchTermStatistics statistics, TimeProvider clock) : IJobSearch
{
    private const string Columns = "p.id, p.title, e.name, r.name, p.occupation_code, p.type, p.pay_min, p.pay_max, p.published_at";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<JobSearchResult> SearchAsync(JobSearchQuery query, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(query, null, cancellationToken);
        return await RunAsync(prepared, cancellationToken);
    }

    /// <summary>The search with the plan given instead of chosen (tests run both plans over the same postings).</summary>
    public async Task<JobSearchResult> SearchAsync(JobSearchQuery query, JobSearchPlan plan, CancellationToken cancellationToken) =>
        await RunAsync(await PrepareAsync(query, plan, cancellationToken), cancellationToken);

    /// <summary>The two statements of a search (the page and the capped count) and its plan, without running them.</summary>
    public async Task<PreparedJobSearch> PrepareAsync(JobSearchQuery query, JobSearchPlan? plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<NpgsqlParameter> { new("today", NpgsqlDbType.Date) { Value = Today } };
        var where = new StringBuilder("p.status = 3 AND p.valid_to >= @today");
        var tsQuery = ToTsQuery(query.Keyword);
        var chosen = JobSearchPlan.NoKeyword;
        if (tsQuery is not null)
        {
            chosen = plan ?? await ChoosePlanAsync(tsQuery, RegionCode.TryParse(query.Region, out var area) ? area.ScopePrefix : null, query.PageSize, cancellationToken);

            // @@ is what the GIN index serves; the function behind it, ts_match_vq, is the same
            // test that no index serves, so the planner walks the order's index instead.
            where.Append(chosen == JobSearchPlan.OrderWalk
                ? " AND ts_match_vq(p.search_vector, to_tsquery('simple', @q))"
                : " AND p.search_vector @@ to_tsquery('simple', @q)");
            parameters.Add(new("q", NpgsqlDbType.Text) { Value = tsQuery.Text });
        }

        if (RegionCode.TryParse(query.Region, out var region))
        {
            where.Append(" AND p.region_code LIKE @region");
            parameters.Add(new("region", NpgsqlDbType.Text) { Value = region.ScopePrefix + "%" });
        }

        if (OccupationCatalog.Find(query.Category) is { } occupation)
        {
            where.Append(occupation.IsMajor ? " AND (p.occupation_code = @category OR p.occupation_code LIKE @categoryPrefix)" : " AND p.occupation_code = @category");
            parameters.Add(new("category", NpgsqlDbType.Text) { Value = occupation.Code });
            parameters.Add(new("categoryPrefix", NpgsqlDbType.Text) { Value = occupation.Code + "-%" });
        }

        if (query.Type is { } type && Enum.IsDefined(type))
        {
            where.Append(" AND p.type = @type");
            parameters.Add(new("type", NpgsqlDbType.Smallint) { Value = (short)type });
        }

        if (query.MinPay is > 0)
        {
            where.Append(" AND p.pay_max >= @minPay");
            parameters.Add(new("minPay", NpgsqlDbType.Integer) { Value = query.MinPay.Value });
        }

        var order = query.Sort == JobSort.Pay ? "p.pay_max DESC, p.id DESC" : "p.published_at DESC, p.id DESC";
        const string From = "FROM postings p JOIN employers e ON e.id = p.employer_id AND e.status = 2 JOIN regions r ON r.id = p.region_id";
        // The capped count needs no order: it takes the matches through the GIN index whatever plan
        // the page walks (counting 1,001 matches along the date index read tens of thousands of rows).
        var countWhere = where.ToString().Replace("ts_match_vq(p.search_vector, to_tsquery('simple', @q))", "p.search_vector @@ to_tsquery('simple', @q)", StringComparison.Ordinal);
        // Without a keyword the order's index bounds the count (the first 1,001 postings of the area).
        var countOrder = tsQuery is null ? $" ORDER BY {order}" : string.Empty;
        var countSql = $"SELECT count(*)::int FROM (SELECT 1 {From} WHERE {countWhere}{countOrder} LIMIT {JobSearchQuery.CountCap + 1}) c";
        var keyset = Cursor.TryParse(query.After, query.Sort, out var after);
        if (keyset)
        {
            where.Append(query.Sort == JobSort.Pay ? " AND (p.pay_max, p.id) < (@afterPay, @afterId)" : " AND (p.published_at, p.id) < (@afterAt, @afterId)");
            parameters.Add(query.Sort == JobSort.Pay
                ? new("afterPay", NpgsqlDbType.Integer) { Value = after.Pay }
                : new("afterAt", NpgsqlDbType.TimestampTz) { Value = after.PublishedAt });
            parameters.Add(new("afterId", NpgsqlDbType.Uuid) { Value = after.Id });
        }

        var size = Math.Clamp(query.PageSize, 1, JobSearchQuery.MaxPageSize);
        var pageSql = $"SELECT {Columns} {From} WHERE {where} ORDER BY {order} LIMIT {size + 1}";
        return new PreparedJobSearch(pageSql, countSql, parameters, chosen, size, query.Sort, tsQuery is not null || string.IsNullOrWhiteSpace(query.Keyword));
    }

    private async Task<JobSearchResult> RunAsync(PreparedJobSearch prepared, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var batch = prepared.CreateBatch(connection);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
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

            return new JobSearchResult(hits, Math.Min(count, JobSearchQuery.CountCap), count > JobSearchQuery.CountCap, next, prepared.Plan, prepared.KeywordUsable);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>
    /// Walks the order's index when that passes over fewer postings than the term has matches:
    /// a page needs about pageSize ÷ (term share × area share) rows walked, against term share ×
    /// published rows collected through the GIN index (then sorted).
    /// </summary>
    private async Task<JobSearchPlan> ChoosePlanAsync(SearchTsQuery tsQuery, string? areaPrefix, int pageSize, CancellationToken cancellationToken)
    {
        var termShare = await statistics.TermShareAsync(db, tsQuery.Tokens, cancellationToken);
        if (termShare < SearchTermStatistics.CommonShare)
        {
            return JobSearchPlan.TermIndex;
        }

        var (published, areaShare) = await statistics.AreaAsync(db, areaPrefix, cancellationToken);
        var walked = (Math.Clamp(pageSize, 1, JobSearchQuery.MaxPageSize) + 1) / Math.Max(termShare * areaShare, 1e-9);
        var collected = termShare * published;
        return walked < collected ? JobSearchPlan.OrderWalk : JobSearchPlan.TermIndex;
    }

    public async Task<PublicPosting?> GetPublishedAsync(Guid id, CancellationToken cancellationToken)
    {
        // A published posting is public: read past the scope filter, with the public condition.
        var today = Today;
        var row = await (
                from p in db.Postings.IgnoreQueryFilters([PortalDbContext.RegionScopeFilter]).AsNoTracking()
                join e in db.Employers.IgnoreQueryFilters([PortalDbContext.RegionScopeFilter]) on p.EmployerId equals e.Id
                where p.Id == id && p.Status == PostingStatus.Published && p.ValidTo >= today && e.Status == EmployerStatus.Verified
                select new { Posting = p, EmployerName = e.Name, e.CreditCode })
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

        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var path = codes.AsEnumerable().Reverse().Where(names.ContainsKey).Select(c => names[c]).ToList();
        return new PublicPosting(posting.Id, posting.Title, posting.Description, row.EmployerName, row.CreditCode, posting.OccupationCode, posting.RegionCode, path,
            posting.Type, posting.PayMin, posting.PayMax, posting.Headcount, posting.Skills, posting.ContactName, posting.ContactPhone, posting.ValidFrom, posting.ValidTo,
            posting.PublishedAt!.Value);
    }

    public async Task<IReadOnlyList<JobArea>> AreasAsync(CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Street)
            .OrderBy(r => r.Code)
            .Select(r => new JobArea(r.Code, r.Name, r.Level == RegionLevel.Street))
            .ToListAsync(cancellationToken);

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
public sealed record PreparedJobSearch(string PageSql, string CountSql, IReadOnlyList<NpgsqlParameter> Parameters, JobSearchPlan Plan, int PageSize, JobSort Sort, bool KeywordUsable)
{
    /// <summary>Both statements in one round trip: the page's rows, then the count.</summary>
    public NpgsqlBatch CreateBatch(NpgsqlConnection connection)
    {
        var batch = new NpgsqlBatch(connection);
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
