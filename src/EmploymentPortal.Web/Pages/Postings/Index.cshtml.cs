using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Postings;

/// <summary>The postings the caller manages: an employer's own, or the staff member's area (waiting for review first).</summary>
[Authorize(Policy = Capabilities.ManagePostings)]
public sealed class IndexModel(JobBoard board) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PostingStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<PostingView> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await board.PostingsAsync(Status, null, PageNumber, cancellationToken);

    public string PageUrl(int page) => Url.Page("Index", new { Status, p = page })!;
}
