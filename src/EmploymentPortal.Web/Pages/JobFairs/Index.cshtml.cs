using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.JobFairs;

/// <summary>Public list of coming job fairs, on site and online (004 §二(一)).</summary>
[AllowAnonymous]
public sealed class IndexModel(JobFairService fairs, BusinessClock clock) : PageModel
{
    public IReadOnlyList<JobFairRow> Fairs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Fairs = await fairs.PublicListAsync(clock.Today, cancellationToken);
}
