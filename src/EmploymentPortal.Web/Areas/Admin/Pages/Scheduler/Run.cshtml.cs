using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Admin.Pages.Scheduler;

/// <summary>Runs one scheduled job now, after a confirmation page; audited (<c>ScheduledJobTriggered</c>).</summary>
[Authorize(Policy = Capabilities.RunScheduledJobs)]
public sealed class RunModel(ScheduledJobs jobs, ICurrentActor actor, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public string Job { get; private set; } = "";

    public IActionResult OnGet(string job)
    {
        if (PortalJobs.Find(job) is null)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string job, CancellationToken cancellationToken)
    {
        if (PortalJobs.Find(job) is null)
        {
            return NotFound();
        }

        Job = job;
        if (!await jobs.TriggerAsync(job, actor.Name, cancellationToken))
        {
            ModelState.AddModelError("", texts["Scheduler.NotScheduled"]);
            return InvalidPage();
        }

        TempData["Message"] = texts["Scheduler.Triggered", texts["Scheduler.Job." + job]].Value;
        return RedirectToPage("Index");
    }
}
