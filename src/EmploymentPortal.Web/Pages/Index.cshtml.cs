using System.Security.Claims;
using EmploymentPortal.Application.Scoping;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages;

/// <summary>The public home; signed-in staff go straight to their own home page.</summary>
public sealed class IndexModel : PageModel
{
    public string? DisplayName { get; private set; }

    public IActionResult OnGet()
    {
        var home = HomeFor(User);
        if (home is not null)
        {
            return Redirect(home);
        }

        DisplayName = User.FindFirstValue(PortalClaims.DisplayName);
        return Page();
    }

    /// <summary>The home page of a role, or null for the public home.</summary>
    public static string? HomeFor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) switch
    {
        Roles.CommunityStaff or Roles.StreetStaff => "/Station",
        Roles.CountyOfficial or Roles.CityOfficial => "/Bureau",
        Roles.Admin => "/Admin",
        Roles.Employer => "/Employer",
        _ => null,
    };
}
