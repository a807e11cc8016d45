using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Employer.Applicants;

/// <summary>The applicants of one of the employer's own postings; another employer's posting is not found.</summary>
[Authorize(Policy = Capabilities.ReviewApplicants)]
public sealed class DetailModel(ApplicantService applicants) : PageModel
{
    public EmployerPostingRow Posting { get; private set; } = null!;

    public IReadOnlyList<ApplicantRow> Applicants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await applicants.ApplicantsAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Posting, Applicants) = found;
        return Page();
    }
}
