using EmploymentPortal.Domain.Jobs;

namespace EmploymentPortal.Core.Jobs;

public sealed record JobArea(string Code, string Name, bool IsStreet);

public enum JobSort
{
    Newest = 0,
    Pay = 1,
}

/// <summary>How a statement of the search finds its postings (docs/policy-rules.md, "Jobs: public search").</summary>
public enum JobSearchPlan
{
    /// <summary>The postings holding the keyword's tokens and the filters' lexemes are collected through the GIN index, then sorted.</summary>
    TermIndex = 1,

    /// <summary>The order's index is walked and each posting tested until the page (or the capped count) is full.</summary>
    OrderWalk = 2,
}

/// <param name="Keyword">Words to find in titles and descriptions (all of them).</param>
/// <param name="Region">A region code: the area and everything under it.</param>
/// <param name="Category">An occupation code: a major category includes its middle categories.</param>
/// <param name="Type">The kind of post.</param>
/// <param name="MinPay">The least monthly pay wanted: postings whose range reaches it.</param>
/// <param name="Sort">Newest first, or best paid (the top of the range) first.</param>
/// <param name="After">The keyset cursor of the page (from <see cref="JobSearchResult.Next"/>); null for the first.</param>
/// <param name="PageSize">Postings per page (1 to <see cref="MaxPageSize"/>).</param>
public sealed record JobSearchQuery(
    string? Keyword = null,
    string? Region = null,
    string? Category = null,
    PostingType? Type = null,
    int? MinPay = null,
    JobSort Sort = JobSort.Newest,
    string? After = null,
    int PageSize = JobSearchQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>Counting stops here; the page shows "1000+".</summary>
    public const int CountCap = 1000;

    public const int KeywordMaxLength = 50;
}

public sealed record JobHit(Guid Id, string Title, string EmployerName, string RegionName, string OccupationCode, PostingType Type, int PayMin, int PayMax, DateTimeOffset PublishedAt);

/// <param name="Hits">The page.</param>
/// <param name="Count">The number of matches, at most <see cref="JobSearchQuery.CountCap"/>.</param>
/// <param name="CountCapped">True when there are more than <see cref="JobSearchQuery.CountCap"/>.</param>
/// <param name="Next">The cursor of the next page, or null on the last.</param>
/// <param name="Plan">How the database was asked (benchmarks and tests look at it).</param>
/// <param name="KeywordUsable">False when the keyword has no letters, digits or Chinese characters (it is then ignored).</param>
public sealed record JobSearchResult(IReadOnlyList<JobHit> Hits, int Count, bool CountCapped, string? Next, JobSearchPlan Plan, bool KeywordUsable);

public sealed record PublicPosting(
    Guid Id,
    string Title,
    string Description,
    string EmployerName,
    string EmployerCreditCode,
    string OccupationCode,
    string RegionCode,
    IReadOnlyList<string> RegionPath,
    PostingType Type,
    int PayMin,
    int PayMax,
    int Headcount,
    string? Skills,
    string ContactName,
    string ContactPhone,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateTimeOffset PublishedAt);
