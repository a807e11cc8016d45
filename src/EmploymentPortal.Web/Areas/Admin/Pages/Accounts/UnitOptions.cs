using EmploymentPortal.Core.Regions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Admin.Pages.Accounts;

/// <summary>The choices of role and unit on the account forms.</summary>
public static class AccountFormOptions
{
    public static async Task<IReadOnlyList<SelectListItem>> UnitsAsync(OrgDirectory directory, CancellationToken cancellationToken) =>
        (await directory.ListUnitsAsync(cancellationToken))
            .Select(u => new SelectListItem($"{u.Name} ({u.RegionCode})", u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    public static IReadOnlyList<SelectListItem> StaffRoles(IStringLocalizer texts) =>
        Domain.Accounts.Roles.Staff.Select(r => new SelectListItem(texts["Role." + r], r)).ToList();
}
