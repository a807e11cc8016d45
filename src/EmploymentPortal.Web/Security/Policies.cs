using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Security;

/// <summary>Named authorization policies, mapped from role constants in one place.</summary>
public static class Policies
{
    public const string StationStaff = nameof(StationStaff);
    public const string BureauOfficials = nameof(BureauOfficials);
    public const string Staff = nameof(Staff);
    public const string Administrators = nameof(Administrators);

    /// <summary>Who re-runs the eligibility batch for their area from the bureau home: county officials.</summary>
    public const string CountyOfficials = nameof(CountyOfficials);

    /// <summary>Who adds versions of policy numbers: city officials and admins.</summary>
    public const string PolicyEditors = nameof(PolicyEditors);

    /// <summary>Who manages postings: employer accounts (their own) and staff (their area's).</summary>
    public const string PostingManagers = nameof(PostingManagers);

    public const string Employers = nameof(Employers);

    /// <summary>Who sees the station dashboard of their street: street staff (officials have the bureau's).</summary>
    public const string StreetStaff = nameof(StreetStaff);

    /// <summary>Who files layoff reports: employer accounts (their own) and staff and officials (their area's).</summary>
    public const string LayoffFilers = nameof(LayoffFilers);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PostingManagers, p => p.RequireRole([.. Roles.Staff, Roles.Employer]));
        options.AddPolicy(Employers, p => p.RequireRole(Roles.Employer));
        options.AddPolicy(StreetStaff, p => p.RequireRole(Roles.StreetStaff));
        options.AddPolicy(LayoffFilers, p => p.RequireRole(Roles.CommunityStaff, Roles.StreetStaff, Roles.CountyOfficial, Roles.CityOfficial, Roles.Employer));
        options.AddPolicy(StationStaff, p => p.RequireRole(Roles.CommunityStaff, Roles.StreetStaff));
        options.AddPolicy(BureauOfficials, p => p.RequireRole(Roles.CountyOfficial, Roles.CityOfficial));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Staff.ToArray()));
        options.AddPolicy(Administrators, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(CountyOfficials, p => p.RequireRole(Roles.CountyOfficial));
        options.AddPolicy(PolicyEditors, p => p.RequireRole(Roles.CityOfficial, Roles.Admin));

        // Everything requires a signed-in user unless it is on the public list (PublicPages).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
