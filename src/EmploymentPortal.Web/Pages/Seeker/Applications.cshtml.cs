using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Seeker;

/// <summary>The seeker's own applications, newest first, each with the application's own state (not the posting's).</summary>
[Authorize(Policy = Capabilities.SeekJobs)]
public sealed class ApplicationsModel(SeekerService seekers) : PageModel
{
    public IReadOnlyList<SeekerApplicationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await seekers.ApplicationsAsync(cancellationToken);
}
