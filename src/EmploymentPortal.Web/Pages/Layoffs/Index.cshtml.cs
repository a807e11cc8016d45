using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Layoffs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Layoffs;

/// <summary>Layoff reports the caller filed or may see: an employer's own, staff's of their area; newest first.</summary>
[Authorize(Policy = Capabilities.FileLayoffs)]
public sealed class IndexModel(LayoffReports reports) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<LayoffRow> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await reports.ListAsync(new LayoffQuery(Page: PageNumber), cancellationToken);

    public string PageUrl(int page) => Url.Page("Index", new { p = page })!;
}
