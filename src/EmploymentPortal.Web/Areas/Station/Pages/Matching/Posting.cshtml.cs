using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Matching;

/// <summary>The registered unemployed of the area who fit a published posting, with reasons.</summary>
[Authorize(Policy = Capabilities.MatchJobs)]
public sealed class PostingModel(StaffJobServices jobs) : PageModel
{
    public const int Top = 20;

    public PostingForMatching Posting { get; private set; } = null!;

    public IReadOnlyList<MatchedPerson> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var posting = await jobs.PostingAsync(id, cancellationToken);
        var matches = await jobs.MatchPersonsAsync(id, Top, cancellationToken);
        if (posting is null || matches is null)
        {
            return NotFound();
        }

        (Posting, Matches) = (posting, matches);
        return Page();
    }
}
