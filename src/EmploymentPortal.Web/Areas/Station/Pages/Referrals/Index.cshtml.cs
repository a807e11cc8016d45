using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Referrals;

/// <summary>The area's referrals 职业介绍, newest first, optionally of one person.</summary>
[Authorize(Policy = Capabilities.MatchJobs)]
public sealed class IndexModel(StaffJobServices jobs) : PageModel
{
    public const int PageSize = 20;

    public PagedResult<ReferralRow> Referrals { get; private set; } = null!;

    public Guid? PersonId { get; private set; }

    // The page number is "p", not "page": Razor Pages' route value of that name is the page's path.
    public async Task OnGetAsync(Guid? personId, int p, CancellationToken cancellationToken)
    {
        PersonId = personId;
        Referrals = await jobs.ReferralsAsync(personId, p, PageSize, cancellationToken);
    }
}
