using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.JobFairs;

/// <summary>The area's job fairs.</summary>
[Authorize(Policy = Capabilities.ManageJobFairs)]
public sealed class IndexModel(JobFairService fairs) : PageModel
{
    public IReadOnlyList<JobFairRow> Fairs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Fairs = await fairs.StaffListAsync(cancellationToken);
}
