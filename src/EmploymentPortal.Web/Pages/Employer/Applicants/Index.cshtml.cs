using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Employer.Applicants;

/// <summary>The employer's own postings with how many applied.</summary>
[Authorize(Policy = Capabilities.ReviewApplicants)]
public sealed class IndexModel(ApplicantService applicants) : PageModel
{
    public IReadOnlyList<EmployerPostingRow> Postings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Postings = await applicants.PostingsAsync(cancellationToken);
}
