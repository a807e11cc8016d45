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

    /// <summary>System administrator (三权分立): accounts and units, no personal data (ADR 0005).</summary>
    public const string SystemAdmin = nameof(SystemAdmin);

    /// <summary>Security administrator: second-factor resets and security settings (ADR 0005).</summary>
    public const string SecurityAdmin = nameof(SecurityAdmin);

    /// <summary>Audit administrator: reads the audit trail, changes nothing (ADR 0005).</summary>
    public const string AuditAdmin = nameof(AuditAdmin);

    public static IReadOnlyList<string> All { get; } =
        [CommunityStaff, StreetStaff, CountyOfficial, CityOfficial, Employer, JobSeeker, SystemAdmin, SecurityAdmin, AuditAdmin];

    /// <summary>The three administrators of the split administration; none of them works cases.</summary>
    public static IReadOnlyList<string> Administrators { get; } = [SystemAdmin, SecurityAdmin, AuditAdmin];

    /// <summary>The roles that work cases (and see the personal data of their area).</summary>
    public static IReadOnlyList<string> CaseWorkers { get; } = [CommunityStaff, StreetStaff, CountyOfficial, CityOfficial];

    /// <summary>Roles that belong to an org unit and are created by the system administrator.</summary>
    public static IReadOnlyList<string> Staff { get; } = [.. CaseWorkers, .. Administrators];

    /// <summary>Roles people give themselves by signing up.</summary>
    public static IReadOnlyList<string> SelfService { get; } = [JobSeeker, Employer];

    public static bool IsStaff(string role) => Staff.Contains(role);

    public static bool IsAdministrator(string? role) => role is not null && Administrators.Contains(role);

    /// <summary>
    /// The kind of unit a staff role must belong to. Administrators sit in a city bureau: they
    /// manage accounts, security or the audit trail, they do not work cases.
    /// </summary>
    public static OrgUnitKind RequiredUnitKind(string role) => role switch
    {
        CommunityStaff => OrgUnitKind.CommunityStation,
        StreetStaff => OrgUnitKind.StreetOffice,
        CountyOfficial => OrgUnitKind.CountyBureau,
        CityOfficial or SystemAdmin or SecurityAdmin or AuditAdmin => OrgUnitKind.CityBureau,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a staff role."),
    };
}
