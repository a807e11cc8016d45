using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Jobs;
using Microsoft.AspNetCore.WebUtilities;

namespace EmploymentPortal.Web.Pages.Jobs;

/// <summary>
/// The search as it stands in the address (<c>q</c>, <c>region</c>, <c>category</c>, <c>type</c>,
/// <c>pay</c>, <c>sort</c>, <c>page</c> — the keyset cursor), shared by <c>/Jobs</c> and <c>/api/jobs</c>.
/// Values that do not parse are left out rather than refused: a search never fails.
/// </summary>
public sealed record SearchParameters(string? Q, string? Region, string? Category, string? Type, string? Pay, string? Sort, string? Page)
{
    public static SearchParameters From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(Value(query, "q"), Value(query, "region"), Value(query, "category"), Value(query, "type"), Value(query, "pay"), Value(query, "sort"), Value(query, "page"));
    }

    public PostingType? PostingType => Enum.TryParse<PostingType>(Type, out var type) && Enum.IsDefined(type) && !int.TryParse(Type, out _) ? type : null;

    public int? MinPay => int.TryParse(Pay, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pay) && pay is > 0 and <= Posting.MaxPay ? pay : null;

    public JobSort JobSort => string.Equals(Sort, "pay", StringComparison.OrdinalIgnoreCase) ? JobSort.Pay : JobSort.Newest;

    public JobSearchQuery ToQuery(int pageSize = JobSearchQuery.DefaultPageSize) =>
        new(Q, Region, Category, PostingType, MinPay, JobSort, Page, pageSize);

    /// <summary>The address of this search under <paramref name="path"/>, without empty values.</summary>
    public string Url(string path)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q?.Trim(),
            ["region"] = Region,
            ["category"] = Category,
            ["type"] = PostingType?.ToString(),
            ["pay"] = MinPay?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = JobSort == JobSort.Pay ? "pay" : null,
            ["page"] = Page,
        };
        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>Whether anything was searched for (a filter, a keyword, another order or page).</summary>
    public bool Any => Q is not null || Region is not null || Category is not null || Type is not null || Pay is not null || Sort is not null || Page is not null;

    /// <summary>
    /// Where a back link to the search returns: <paramref name="returnUrl"/> when it is an address of
    /// <c>/Jobs</c> itself, rebuilt from its search parameters (nothing else of it is kept, so it can
    /// never lead elsewhere: no open redirect); otherwise null.
    /// </summary>
    public static string? BackUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000)
        {
            return null;
        }

        var mark = returnUrl.IndexOf('?', StringComparison.Ordinal);
        var path = mark < 0 ? returnUrl : returnUrl[..mark];
        if (!string.Equals(path, "/Jobs", StringComparison.Ordinal))
        {
            return null;
        }

        var query = new QueryCollection(QueryHelpers.ParseQuery(mark < 0 ? string.Empty : returnUrl[mark..]));
        return From(query).Url("/Jobs");
    }

    private static string? Value(IQueryCollection query, string name) => query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
}
