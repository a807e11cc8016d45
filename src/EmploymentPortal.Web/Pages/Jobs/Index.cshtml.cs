using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Jobs;

/// <summary>The public job search: anyone, no sign-in; published postings of verified employers.</summary>
[AllowAnonymous]
public sealed class IndexModel(JobSearch search, IStringLocalizer<Texts> texts) : PageModel
{
    public SearchParameters Search { get; private set; } = new(null, null, null, null, null, null, null);

    public JobSearchResult Result { get; private set; } = null!;

    public IReadOnlyList<JobArea> Areas { get; private set; } = [];

    /// <summary>For an empty result: the same search with one thing dropped (the text key says which), newest first.</summary>
    public IReadOnlyList<(string Key, string? Value, string Url)> Wider { get; private set; } = [];

    /// <summary>The search in a few words for the folded form ("保安 · 潍城区"); empty when nothing was searched for.</summary>
    public IReadOnlyList<string> Summary { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = SearchParameters.From(Request.Query);
        Result = await search.SearchAsync(Search.ToQuery(), cancellationToken);
        Areas = await search.AreasAsync(cancellationToken);
        Summary = Summarise(Search, Areas, texts);
        if (Result.Hits.Count == 0 && Search.Page is null)
        {
            Wider = Widen(Search);
        }
    }

    /// <summary>The keyword, area, category, type and lowest pay searched for (the order is in the form).</summary>
    private static List<string> Summarise(SearchParameters s, IReadOnlyList<JobArea> areas, IStringLocalizer texts)
    {
        var chinese = JsonTexts.UiIsChinese;
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(s.Q))
        {
            parts.Add(s.Q.Trim());
        }

        if (areas.FirstOrDefault(a => a.Code == s.Region) is { } area)
        {
            parts.Add(area.Name);
        }

        if (OccupationCatalog.Find(s.Category) is { } occupation)
        {
            parts.Add(occupation.Name(chinese));
        }

        if (s.PostingType is { } type)
        {
            parts.Add(texts["JobSearch.Type." + type]);
        }

        if (s.MinPay is { } pay)
        {
            parts.Add(texts["JobSearch.SummaryPay", pay]);
        }

        return parts;
    }

    private static List<(string, string?, string)> Widen(SearchParameters s)
    {
        var first = s with { Page = null };
        var wider = new List<(string, string?, string)>();
        if (s.PostingType is not null)
        {
            wider.Add(("JobSearch.WidenType", null, (first with { Type = null }).Url("/Jobs")));
        }

        if (s.MinPay is not null)
        {
            wider.Add(("JobSearch.WidenPay", null, (first with { Pay = null }).Url("/Jobs")));
        }

        if (OccupationCatalog.Find(s.Category) is { } occupation)
        {
            wider.Add(("JobSearch.WidenCategory", null, (occupation.IsMajor ? first with { Category = null } : first with { Category = occupation.Major }).Url("/Jobs")));
        }

        if (!string.IsNullOrEmpty(s.Region))
        {
            wider.Add(("JobSearch.WidenRegion", null, (first with { Region = null }).Url("/Jobs")));
        }

        // A shorter keyword: the first two characters of its first run (a Chinese word is often two).
        var runs = SearchTokens.Runs(s.Q);
        if (runs.Count > 1 || (runs.Count == 1 && runs[0].IsCjk && runs[0].Characters.Count > 2))
        {
            var shorter = runs[0].IsCjk ? string.Concat(runs[0].Characters.Take(2)) : runs[0].Text;
            wider.Add(("JobSearch.WidenKeyword", shorter, (first with { Q = shorter }).Url("/Jobs")));
        }

        if (runs.Count > 0)
        {
            wider.Add(("JobSearch.WidenNoKeyword", null, (first with { Q = null }).Url("/Jobs")));
        }

        return wider;
    }
}
