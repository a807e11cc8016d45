using System.Security.Claims;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages;

/// <summary>The public home; signed-in staff go straight to their own home page.</summary>
[AllowAnonymous]
public sealed class IndexModel(CapabilityCheck can) : PageModel
{
    public string? DisplayName { get; private set; }

    /// <summary>Each account's home page, by the capability that opens it; self-service seekers stay here.</summary>
    private static readonly (string Capability, string Home)[] Homes =
    [
        (Capabilities.ViewStationHome, "/Station"),
        (Capabilities.ViewBureauHome, "/Bureau"),
        (Capabilities.ManageAccounts, "/Admin"),
        (Capabilities.ManageSecurity, "/Admin/Security"),
        (Capabilities.ReadAudit, "/Admin/Audit"),
        (Capabilities.ActForOwnEmployer, "/Employer"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        var home = await HomeAsync();
        if (home is not null)
        {
            return Redirect(home);
        }

        DisplayName = User.FindFirstValue(PortalClaims.DisplayName);
        return Page();
    }

    /// <summary>The home page of the first capability the user holds, or null for the public home.</summary>
    private async Task<string?> HomeAsync()
    {
        foreach (var (capability, home) in Homes)
        {
            if (await can.Async(capability))
            {
                return home;
            }
        }

        return null;
    }
}
