using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Seeker;

/// <summary>
/// The seeker's landing page (为我推荐): published postings matched to their own wishes, with the
/// reasons; before they have said what they want, the newest postings and where to say it.
/// </summary>
[Authorize(Policy = Capabilities.SeekJobs)]
public sealed class IndexModel(SeekerService seekers, JobSearch search) : PageModel
{
    /// <summary>How many matched (or newest) postings the page lists.</summary>
    public const int Top = 10;

    /// <summary>The matched postings, best first; null when the seeker has told no wishes yet.</summary>
    public IReadOnlyList<MatchedPosting>? Matches { get; private set; }

    /// <summary>The newest postings, when there is nothing to match on or nothing matched.</summary>
    public IReadOnlyList<JobHit> Newest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Matches = await seekers.MatchesAsync(Top, cancellationToken);
        if (Matches is not { Count: > 0 })
        {
            Newest = (await search.SearchAsync(new JobSearchQuery(PageSize: Top), cancellationToken)).Hits;
        }
    }
}
