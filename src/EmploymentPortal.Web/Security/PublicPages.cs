using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace EmploymentPortal.Web.Security;

/// <summary>
/// The explicit list of pages anyone may open without signing in. Every other page falls under
/// the fallback policy (sign-in required); a test enumerates all endpoints against this list.
/// </summary>
public static class PublicPages
{
    public static IReadOnlyList<string> Pages { get; } =
        ["/Index", "/Error", "/Status", "/Culture", "/Schemes/Index", "/Schemes/Detail", "/Policies/Index", "/Policies/Detail", "/Policies/Check", "/Notices/Index", "/Notices/Detail", "/JobFairs/Index", "/JobFairs/Detail", "/Jobs/Index", "/Jobs/Detail"];

    public static IReadOnlyList<(string Area, string Page)> AreaPages { get; } =
    [
        ("Identity", "/Account/Login"),
        ("Identity", "/Account/Register"),
    ];

    /// <summary>Non-page endpoints that are public.</summary>
    public static IReadOnlyList<string> Endpoints { get; } = ["/health", "/health/ready", JobsApi];

    /// <summary>The public job search as JSON.</summary>
    public const string JobsApi = "/api/jobs";

    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var page in Pages)
        {
            conventions.AllowAnonymousToPage(page);
        }

        foreach (var (area, page) in AreaPages)
        {
            conventions.AllowAnonymousToAreaPage(area, page);
        }

        conventions.AuthorizeAreaFolder("Station", "/", Policies.StationStaff);
        conventions.AuthorizeAreaPage("Station", "/Dashboard", Policies.StreetStaff);
        conventions.AuthorizeAreaPage("Station", "/MonthlyReport", Policies.StreetStaff);
        conventions.AuthorizeAreaFolder("Bureau", "/", Policies.BureauOfficials);
        conventions.AuthorizeAreaFolder("Admin", "/", Policies.Administrators);
        conventions.AuthorizeFolder("/Org", Policies.Staff);
        conventions.AuthorizeFolder("/Applications", Policies.Staff);
        conventions.AuthorizeFolder("/Employers", Policies.Staff);
        conventions.AuthorizeFolder("/Postings", Policies.PostingManagers);
        conventions.AuthorizeFolder("/Employer", Policies.Employers);
        conventions.AuthorizeFolder("/Layoffs", Policies.LayoffFilers);
        conventions.AuthorizePage("/Schemes/NewVersion", Policies.PolicyEditors);
    }
}
