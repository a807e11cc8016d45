using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Certifications;

/// <summary>The officials' queue of 4050 certification requests in their area, oldest first.</summary>
[Authorize(Policy = Capabilities.DecideCertifications)]
public sealed class IndexModel(CertificationService certifications) : PageModel
{
    public IReadOnlyList<CertificationItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await certifications.PendingAsync(cancellationToken);
}
