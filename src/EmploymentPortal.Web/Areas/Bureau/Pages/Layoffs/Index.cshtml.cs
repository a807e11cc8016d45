using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Layoffs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Layoffs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Layoffs;

/// <summary>The early-warning list: reportable layoff reports of the official's area, newest or largest first.</summary>
[Authorize(Policy = Capabilities.ReviewLayoffs)]
public sealed class IndexModel(LayoffReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public LayoffSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<LayoffRow> Result { get; private set; } = null!;

    public LayoffThreshold? Threshold { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await reports.ListAsync(new LayoffQuery(ReportableOnly: true, Sort: Sort, Page: PageNumber), cancellationToken);
        Threshold = await reports.ThresholdAsync(cancellationToken);
    }

    public string PageUrl(int page) => Url.Page("Index", new { Sort, p = page })!;
}
