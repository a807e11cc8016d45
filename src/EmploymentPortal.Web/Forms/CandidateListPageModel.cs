using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Subsidies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// One scheme's "may qualify" list in the caller's area, paged (station staff and officials each
/// have the page in their area; the scope filter decides what they see).
/// </summary>
public abstract class CandidateListPageModel(EligibilityCandidates candidates) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Scheme { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<CandidateItem> Result { get; private set; } = null!;

    /// <summary>Whether the caller can open a person's page (station staff).</summary>
    public abstract bool LinksToPersons { get; }

    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, p => Url.Page("Candidates", new { scheme = Scheme, p })!);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = Scheme is null ? null : await candidates.ListAsync(Scheme, PageNumber, PageSize, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Scheme = Domain.Eligibility.EligibilityRules.Implemented.First(c => string.Equals(c, Scheme, StringComparison.OrdinalIgnoreCase));
        Result = result;
        return Page();
    }
}
