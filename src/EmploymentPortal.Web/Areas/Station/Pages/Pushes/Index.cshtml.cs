using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Pushes;

/// <summary>001: who in the area (unemployed, in a priority group) has had no posting sent this month; send from the person's matches.</summary>
[Authorize(Policy = Capabilities.MatchJobs)]
public sealed class IndexModel(StaffJobServices jobs) : PageModel
{
    public const int PageSize = 20;

    public PagedResult<DuePerson> Due { get; private set; } = null!;

    // The page number is "p", not "page": Razor Pages' route value of that name is the page's path.
    public async Task OnGetAsync(int p, CancellationToken cancellationToken) =>
        Due = await jobs.DueThisMonthAsync(p, PageSize, cancellationToken);
}
