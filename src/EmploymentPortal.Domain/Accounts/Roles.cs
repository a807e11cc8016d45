using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Domain.Accounts;

/// <summary>The portal's roles. Every account has exactly one.</summary>
public static class Roles
{
    public const string CommunityStaff = nameof(CommunityStaff);
    public const string StreetStaff = nameof(StreetStaff);
    public const string CountyOfficial = nameof(CountyOfficial);
    public const string CityOfficial = nameof(CityOfficial);
    public const string Employer = nameof(Employer);
    public const string JobSeeker = nameof(JobSeeker);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } =
        [CommunityStaff, StreetStaff, CountyOfficial, CityOfficial, Employer, JobSeeker, Admin];

    /// <summary>Roles that belong to an org unit and are created by an admin.</summary>
    public static IReadOnlyList<string> Staff { get; } =
        [CommunityStaff, StreetStaff, CountyOfficial, CityOfficial, Admin];

    /// <summary>Roles people give themselves by signing up.</summary>
    public static IReadOnlyList<string> SelfService { get; } = [JobSeeker, Employer];

    public static bool IsStaff(string role) => Staff.Contains(role);

    /// <summary>
    /// The kind of unit a staff role must belong to. Admins sit in a city bureau: they manage
    /// accounts, they do not work cases.
    /// </summary>
    public static OrgUnitKind RequiredUnitKind(string role) => role switch
    {
        CommunityStaff => OrgUnitKind.CommunityStation,
        StreetStaff => OrgUnitKind.StreetOffice,
        CountyOfficial => OrgUnitKind.CountyBureau,
        CityOfficial or Admin => OrgUnitKind.CityBureau,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a staff role."),
    };
}
