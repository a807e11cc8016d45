using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Audit;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Regions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Persistence;

/// <summary>
/// The one database context: Identity, regions and units, audit, Data Protection keys.
/// Every entity that carries a <c>RegionCode</c> gets the <see cref="RegionScopeFilter"/> query
/// filter, so reads are limited to the caller's <see cref="DataScope"/> in the data-access path.
/// The reviewed reads past it are the named methods of <c>Scoping.UnscopedReads</c>, on a second
/// instance created with <see cref="DataScope.All"/>; lifting the filter on this instance is a
/// banned API outside the claims factory (docs/scoping.md, "Unscoped reads").
/// </summary>
public sealed class PortalDbContext : IdentityDbContext<PortalUser, PortalRole, Guid>, IDataProtectionKeyContext
{
    /// <summary>Name of the region-scope query filter; reads past it go through <c>Scoping.UnscopedReads</c>.</summary>
    public const string RegionScopeFilter = "RegionScope";

    /// <summary>
    /// Name of the query filter that hides cancelled (注销) persons from every read; a cancelled
    /// record is read only by <c>PersonRegistry.CancelledAsync</c>, which applies the scope itself.
    /// </summary>
    public const string LivePersonsFilter = "LivePersons";

    /// <summary>The property a scoped entity carries its region code in.</summary>
    public const string RegionCodeProperty = "RegionCode";

    private readonly IDataScopeProvider _scopeProvider;

    public PortalDbContext(DbContextOptions<PortalDbContext> options, IDataScopeProvider scopeProvider)
        : base(options)
    {
        _scopeProvider = scopeProvider;
    }

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<UnemploymentRegistration> UnemploymentRegistrations => Set<UnemploymentRegistration>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<TransferRequest> TransferRequests => Set<TransferRequest>();

    public DbSet<Domain.Eligibility.HardshipCertification> HardshipCertifications => Set<Domain.Eligibility.HardshipCertification>();

    public DbSet<Domain.Subsidies.SubsidyApplication> SubsidyApplications => Set<Domain.Subsidies.SubsidyApplication>();

    public DbSet<Domain.Subsidies.ApplicationAction> ApplicationActions => Set<Domain.Subsidies.ApplicationAction>();

    public DbSet<Domain.Subsidies.CalendarDay> CalendarDays => Set<Domain.Subsidies.CalendarDay>();

    public DbSet<Domain.Subsidies.Notice> Notices => Set<Domain.Subsidies.Notice>();

    /// <summary>The public read model of notices (masked, written with the notice): no region scope filter, public by design.</summary>
    public DbSet<Domain.Subsidies.NoticeEntry> NoticeEntries => Set<Domain.Subsidies.NoticeEntry>();

    public DbSet<Domain.Subsidies.Objection> Objections => Set<Domain.Subsidies.Objection>();

    public DbSet<Domain.Subsidies.Payment> Payments => Set<Domain.Subsidies.Payment>();
    public DbSet<Domain.Eligibility.EligibilityCandidate> EligibilityCandidates => Set<Domain.Eligibility.EligibilityCandidate>();

    public DbSet<Domain.Eligibility.EligibilityRun> EligibilityRuns => Set<Domain.Eligibility.EligibilityRun>();

    public DbSet<Domain.Jobs.Employer> Employers => Set<Domain.Jobs.Employer>();

    public DbSet<Domain.Jobs.Posting> Postings => Set<Domain.Jobs.Posting>();

    public DbSet<Domain.Jobs.SeekerLink> SeekerLinks => Set<Domain.Jobs.SeekerLink>();

    public DbSet<Domain.Jobs.SavedPosting> SavedPostings => Set<Domain.Jobs.SavedPosting>();

    public DbSet<Domain.Jobs.JobApplication> JobApplications => Set<Domain.Jobs.JobApplication>();

    public DbSet<Domain.Jobs.Referral> Referrals => Set<Domain.Jobs.Referral>();

    public DbSet<Domain.Jobs.PostingPush> PostingPushes => Set<Domain.Jobs.PostingPush>();

    public DbSet<Domain.Jobs.JobFair> JobFairs => Set<Domain.Jobs.JobFair>();

    public DbSet<Domain.Layoffs.LayoffReport> LayoffReports => Set<Domain.Layoffs.LayoffReport>();

    public DbSet<Domain.Layoffs.MonitoringPoint> MonitoringPoints => Set<Domain.Layoffs.MonitoringPoint>();

    public DbSet<Domain.Layoffs.MonitoringFiling> MonitoringFilings => Set<Domain.Layoffs.MonitoringFiling>();

    public DbSet<PolicyParameter> PolicyParameters => Set<PolicyParameter>();

    public DbSet<Domain.Reports.AnnualTarget> AnnualTargets => Set<Domain.Reports.AnnualTarget>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Accounts.EndedSession> EndedSessions => Set<Accounts.EndedSession>();

    public DbSet<BackgroundWork.BackgroundTask> BackgroundTasks => Set<BackgroundWork.BackgroundTask>();

    public DbSet<Scheduling.ScheduledJobRun> ScheduledJobRuns => Set<Scheduling.ScheduledJobRun>();

    /// <summary>The scope this context reads with (evaluated per query by the filters).</summary>
    public DataScope Scope => _scopeProvider.Current;

    /// <summary>The signed-in account this context acts for, told to the database with the scope (<see cref="RowSecurity"/>).</summary>
    public Guid? Account => _scopeProvider.Account;

    // The query filters read these members of the context instance, so EF Core evaluates them
    // for each query instead of caching the first caller's scope in the model.
    private bool ScopeSeesAll => _scopeProvider.Current.SeesAll;

    private string? ScopePrefix => _scopeProvider.Current.RegionPrefix;

    // The scope as a range on region_code ("C" collation, digit codes: prefix <= code < prefix || 'z'),
    // the form of the row-level-security policy (portal_scope_low/high). The planner takes the tighter
    // of two ranges on one column, where a LIKE beside the policy's range was counted twice and made
    // it expect a handful of rows (a name search then sorted every match: docs/benchmarks.md, issue 16).
    private string? ScopePrefixEnd => _scopeProvider.Current.RegionPrefix is { } prefix ? prefix + "z" : null;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        builder.Entity<PortalUser>().ToTable("users");
        builder.Entity<PortalRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        ScopeByRegion<OrgUnit>(builder);
        ScopeByRegion<Person>(builder);
        builder.Entity<Person>().HasQueryFilter(LivePersonsFilter, p => p.CancelledAt == null);
        ScopeByRegion<UnemploymentRegistration>(builder);
        ScopeByRegion<FollowUp>(builder);
        ScopeByRegion<Household>(builder);
        ScopeByRegion<Domain.Eligibility.HardshipCertification>(builder);
        ScopeByRegion<Domain.Subsidies.SubsidyApplication>(builder);

        // Staff read the employers and postings of their area; employers' own reads and the public
        // search go through UnscopedReads, each limited by its own condition (account, published).
        ScopeByRegion<Domain.Jobs.Employer>(builder);
        ScopeByRegion<Domain.Jobs.Posting>(builder);

        // Link requests, referrals and pushes belong to the person's (or named community's) area;
        // job fairs to the organising area (the public pages read them through UnscopedReads).
        ScopeByRegion<Domain.Jobs.SeekerLink>(builder);
        ScopeByRegion<Domain.Jobs.Referral>(builder);
        ScopeByRegion<Domain.Jobs.PostingPush>(builder);
        ScopeByRegion<Domain.Jobs.JobFair>(builder);
        ScopeByRegion<Domain.Subsidies.Notice>(builder);

        // Not Domain.Subsidies.NoticeEntry: the notices' public read model holds only masked values
        // and is public by design (read through UnscopedReads with its notice; docs/scoping.md).
        ScopeByRegion<Domain.Subsidies.Objection>(builder);
        ScopeByRegion<Domain.Subsidies.Payment>(builder);
        ScopeByRegion<Domain.Eligibility.EligibilityCandidate>(builder);
        ScopeByRegion<Domain.Reports.AnnualTarget>(builder);

        // Layoff reports belong to the employer's area (an employer account reads its own through
        // UnscopedReads, limited to its employers); monitoring points and filings to the point's region.
        ScopeByRegion<Domain.Layoffs.LayoffReport>(builder);
        ScopeByRegion<Domain.Layoffs.MonitoringPoint>(builder);
        ScopeByRegion<Domain.Layoffs.MonitoringFiling>(builder);

        // Background work belongs to the area of its requester's scope (its page also asks for the requester).
        ScopeByRegion<BackgroundWork.BackgroundTask>(builder);

        // A transfer belongs to both ends: the holding and the receiving area see it.
        builder.Entity<TransferRequest>().HasQueryFilter(
            RegionScopeFilter,
            t => ScopeSeesAll || (ScopePrefix != null && (t.FromRegionCode.StartsWith(ScopePrefix) || t.ToRegionCode.StartsWith(ScopePrefix))));
    }

    private void ScopeByRegion<T>(ModelBuilder builder)
        where T : class =>
        builder.Entity<T>().HasQueryFilter(
            RegionScopeFilter,
            e => ScopeSeesAll || (ScopePrefix != null
                && EF.Property<string>(e, RegionCodeProperty).CompareTo(ScopePrefix) >= 0
                && EF.Property<string>(e, RegionCodeProperty).CompareTo(ScopePrefixEnd) < 0));
}
