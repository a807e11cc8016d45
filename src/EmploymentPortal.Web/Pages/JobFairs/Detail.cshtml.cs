using EmploymentPortal.Core.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.JobFairs;

/// <summary>A job fair with its employers and their published postings, for anyone.</summary>
[AllowAnonymous]
public sealed class DetailModel(JobFairService fairs) : PageModel
{
    public JobFairView Fair { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await fairs.GetAsync(id, staffScope: false, cancellationToken) is not { } fair)
        {
            return NotFound();
        }

        Fair = fair;
        return Page();
    }
}
