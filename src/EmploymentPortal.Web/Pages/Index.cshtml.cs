using System.Security.Claims;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages;

/// <summary>
/// The public home, 找工作 first (a search box and the newest postings, one tap from a posting),
/// then the policies and the self-check, then sign-in; signed-in staff, employers and seekers go
/// straight to their own home page.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(CapabilityCheck can, JobSearch search) : PageModel
{
    /// <summary>How many of the newest postings the home page lists.</summary>
    public const int NewestCount = 5;

    public string? DisplayName { get; private set; }

    public IReadOnlyList<JobHit> Newest { get; private set; } = [];

    /// <summary>Each account's home page, by the capability that opens it; a seeker's is the jobs matched to them.</summary>
    private static readonly (string Capability, string Home)[] Homes =
    [
        (Capabilities.ViewStationHome, "/Station"),
        (Capabilities.ViewBureauHome, "/Bureau"),
        (Capabilities.ManageAccounts, "/Admin"),
        (Capabilities.ManageSecurity, "/Admin/Security"),
        (Capabilities.ReadAudit, "/Admin/Audit"),
        (Capabilities.ActForOwnEmployer, "/Employer"),
        (Capabilities.SeekJobs, "/Seeker"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var home = await HomeAsync();
        if (home is not null)
        {
            return Redirect(home);
        }

        DisplayName = User.FindFirstValue(PortalClaims.DisplayName);
        Newest = (await search.SearchAsync(new JobSearchQuery(PageSize: NewestCount), cancellationToken)).Hits;
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
