namespace EmploymentPortal.Domain.Accounts;

/// <summary>
/// What a signed-in account may do, and which roles may do it: the one role → capability map
/// (docs/authorization.md). Each capability is also an authorization policy of the same name
/// (Web/Security/CapabilityPolicies); every page declares exactly one with
/// <c>[Authorize(Policy = Capabilities.X)]</c>, and views, page models and services ask a
/// capability, never a role. Subsidy workflow steps list their roles as domain data
/// (<c>Subsidies/Workflows</c>) and are not capabilities.
/// </summary>
public static class Capabilities
{
    // Community stations and street offices (the Station area).
    public const string ViewStationHome = nameof(ViewStationHome);
    public const string RegisterPersons = nameof(RegisterPersons);
    public const string ManageHouseholds = nameof(ManageHouseholds);
    public const string TransferPersons = nameof(TransferPersons);
    public const string PrepareSubsidies = nameof(PrepareSubsidies);
    public const string FollowUpCandidates = nameof(FollowUpCandidates);
    public const string ManageJobFairs = nameof(ManageJobFairs);
    public const string MatchJobs = nameof(MatchJobs);
    public const string FileMonitoringReports = nameof(FileMonitoringReports);
    public const string ViewStationDashboard = nameof(ViewStationDashboard);

    // County and city bureaus (the Bureau area).
    public const string ViewBureauHome = nameof(ViewBureauHome);
    public const string ViewBureauDashboard = nameof(ViewBureauDashboard);
    public const string ViewAreaCandidates = nameof(ViewAreaCandidates);
    public const string RerunEligibility = nameof(RerunEligibility);
    public const string DecideCertifications = nameof(DecideCertifications);
    public const string ApproveSubsidies = nameof(ApproveSubsidies);
    public const string PublishNotices = nameof(PublishNotices);
    public const string PaySubsidies = nameof(PaySubsidies);
    public const string ReviewLayoffs = nameof(ReviewLayoffs);
    public const string AcknowledgeLayoffs = nameof(AcknowledgeLayoffs);
    public const string OverseeMonitoring = nameof(OverseeMonitoring);
    public const string DesignateMonitoringPoints = nameof(DesignateMonitoringPoints);
    public const string MonitorCityWide = nameof(MonitorCityWide);
    public const string ViewTargets = nameof(ViewTargets);
    public const string SetTargets = nameof(SetTargets);

    // Shared by staff (and employers, where they act for their own employer).
    public const string ViewOrganisation = nameof(ViewOrganisation);
    public const string ViewSubsidyApplications = nameof(ViewSubsidyApplications);
    public const string ViewEmployers = nameof(ViewEmployers);
    public const string VerifyEmployers = nameof(VerifyEmployers);
    public const string ManagePostings = nameof(ManagePostings);
    public const string ReviewPostings = nameof(ReviewPostings);
    public const string FileLayoffs = nameof(FileLayoffs);
    public const string EditPolicyNumbers = nameof(EditPolicyNumbers);
    /// <summary>The holiday calendar of business days: city-wide, so kept by city officials only (issue 15).</summary>
    public const string KeepCalendar = nameof(KeepCalendar);

    // The split administration (三权分立, ADR 0005): one administrator each for accounts, security and audit.

    /// <summary>Accounts and units (the system administrator's duty); no personal data.</summary>
    public const string ManageAccounts = nameof(ManageAccounts);

    /// <summary>Second-factor resets and the enrolment grace period (the security administrator's duty, issue 15).</summary>
    public const string ManageSecurity = nameof(ManageSecurity);

    /// <summary>Reading the audit trail, read-only (the audit administrator's duty).</summary>
    public const string ReadAudit = nameof(ReadAudit);

    /// <summary>The scheduled jobs: their last and next runs, and running one now (the system administrator's duty, issue 17).</summary>
    public const string RunScheduledJobs = nameof(RunScheduledJobs);

    // Self-service accounts.
    public const string ActForOwnEmployer = nameof(ActForOwnEmployer);
    public const string ReviewApplicants = nameof(ReviewApplicants);
    public const string SeekJobs = nameof(SeekJobs);

    /// <summary>Signing out: every account, whatever its role.</summary>
    public const string SignOut = nameof(SignOut);

    /// <summary>The own account's security: password change, second factor, recovery codes (Identity:/Account/Manage/*).</summary>
    public const string ManageOwnAccount = nameof(ManageOwnAccount);

    private static readonly string[] Station = [Roles.CommunityStaff, Roles.StreetStaff];
    private static readonly string[] Bureau = [Roles.CountyOfficial, Roles.CityOfficial];
    private static readonly string[] Reviewers = [Roles.StreetStaff, Roles.CountyOfficial, Roles.CityOfficial];

    /// <summary>The roles that hold each capability.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Map { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [ViewStationHome] = Station,
        [RegisterPersons] = Station,
        [ManageHouseholds] = Station,
        [TransferPersons] = Station,
        [PrepareSubsidies] = Station,
        [FollowUpCandidates] = Station,
        [ManageJobFairs] = Station,
        [MatchJobs] = Station,
        [FileMonitoringReports] = Station,
        [ViewStationDashboard] = [Roles.StreetStaff],

        [ViewBureauHome] = Bureau,
        [ViewBureauDashboard] = Bureau,
        [ViewAreaCandidates] = Bureau,
        [RerunEligibility] = [Roles.CountyOfficial],
        [DecideCertifications] = Bureau,
        [ApproveSubsidies] = Bureau,
        [PublishNotices] = Bureau,
        [PaySubsidies] = Bureau,
        [ReviewLayoffs] = Bureau,
        [AcknowledgeLayoffs] = [Roles.CountyOfficial],
        [OverseeMonitoring] = Bureau,
        [DesignateMonitoringPoints] = [Roles.CountyOfficial],
        [MonitorCityWide] = [Roles.CityOfficial],
        [ViewTargets] = Bureau,
        [SetTargets] = [Roles.CityOfficial],

        [KeepCalendar] = [Roles.CityOfficial],

        // The system administrator sees units (to place accounts), never a person, an application or an employer.
        [ViewOrganisation] = [.. Roles.CaseWorkers, Roles.SystemAdmin],
        [ViewSubsidyApplications] = Roles.CaseWorkers,
        [ViewEmployers] = Roles.CaseWorkers,
        [VerifyEmployers] = Reviewers,
        [ManagePostings] = [.. Roles.CaseWorkers, Roles.Employer],
        [ReviewPostings] = Reviewers,
        [FileLayoffs] = [.. Station, .. Bureau, Roles.Employer],

        // Policy numbers are a decision of the city bureau, not an administrator's (ADR 0005).
        [EditPolicyNumbers] = [Roles.CityOfficial],
        [ManageAccounts] = [Roles.SystemAdmin],
        [ManageSecurity] = [Roles.SecurityAdmin],
        [ReadAudit] = [Roles.AuditAdmin],
        [RunScheduledJobs] = [Roles.SystemAdmin],

        [ActForOwnEmployer] = [Roles.Employer],
        [ReviewApplicants] = [Roles.Employer],
        [SeekJobs] = [Roles.JobSeeker],
        [SignOut] = Roles.All,
        [ManageOwnAccount] = Roles.All,
    };

    public static IReadOnlyList<string> All { get; } = [.. Map.Keys];

    /// <summary>The roles holding a capability (to list the accounts that may be assigned a task).</summary>
    public static IReadOnlyList<string> RolesWith(string capability) =>
        Map.TryGetValue(capability, out var roles) ? roles : throw new ArgumentOutOfRangeException(nameof(capability), capability, "Not a capability.");

    /// <summary>Whether an account of this role holds the capability; no role holds none.</summary>
    public static bool Allows(string? role, string capability) => role is not null && RolesWith(capability).Contains(role);
}
