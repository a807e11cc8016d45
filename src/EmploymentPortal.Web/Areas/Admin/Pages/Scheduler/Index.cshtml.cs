using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Admin.Pages.Scheduler;

/// <summary>
/// The scheduled jobs (docs/adr/0009-quartz-scheduling.md): each job's schedule, last run (start,
/// duration, outcome) and next run, in the business time zone, with a link to run one now.
/// </summary>
[Authorize(Policy = Capabilities.RunScheduledJobs)]
public sealed class IndexModel(ScheduledJobs jobs, BusinessClock clock) : PageModel
{
    public IReadOnlyList<ScheduledJobStatus> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await jobs.ListAsync(cancellationToken);

    public string When(DateTimeOffset at) => clock.InZone(at).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
