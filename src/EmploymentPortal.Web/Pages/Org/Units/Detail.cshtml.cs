using EmploymentPortal.Core.Regions;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Org.Units;

/// <summary>
/// A unit and its staff. Units are query-filtered by scope, so another area's unit is simply not
/// found (404); the resource check behind it is defence in depth.
/// </summary>
[Authorize(Policy = Capabilities.ViewOrganisation)]
public sealed class DetailModel(OrgDirectory directory, IAuthorizationService authorization) : PageModel
{
    public OrgUnitDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await directory.GetUnitAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, detail.Unit, RegionScopeAuthorizationHandler.Read)).Succeeded)
        {
            return Forbid();
        }

        Detail = detail;
        return Page();
    }
}
