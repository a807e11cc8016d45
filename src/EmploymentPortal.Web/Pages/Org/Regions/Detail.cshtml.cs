using EmploymentPortal.Core.Regions;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Org.Regions;

/// <summary>
/// A region, its units and its sub-regions. Regions are reference data (not query-filtered), so
/// the page authorizes the loaded region against the caller's scope: outside it, 403.
/// </summary>
[Authorize(Policy = Capabilities.ViewOrganisation)]
public sealed class DetailModel(OrgDirectory directory, IAuthorizationService authorization) : PageModel
{
    public RegionDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await directory.GetRegionAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, detail, RegionScopeAuthorizationHandler.Read)).Succeeded)
        {
            return Forbid();
        }

        Detail = detail;
        return Page();
    }

    public bool InScope(RegionSummary region) => DataScopes.ForPrincipal(User).Includes(region.Code);
}
