using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persistence.Standby;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Regions;
using EmploymentPortal.Core.Security;
using EmploymentPortal.Core.Seeding;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmploymentPortal.Core;

public static class DependencyInjection
{
    /// <summary>Sign-in policy (ASVS v5.0.0 V6, MLPS 2.0 登录失败处理): see docs/architecture.md.</summary>
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The core services. <c>environmentName</c> is the host's environment: outside Development and
    /// the tests a personal-data key is required (<see cref="PersonalDataKeyRing"/>), and in
    /// Production a certificate for the key ring (<see cref="DataProtectionCertificate"/>).
    /// </summary>
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration, string environmentName)
    {
        var connectionString = configuration.GetConnectionString(PortalDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Connection string 'ConnectionStrings:Portal' is not set (env ConnectionStrings__Portal).");
        }

        // Keys first: a portal that would protect ID numbers with a public key does not start.
        var keys = PersonalDataKeyRing.FromConfiguration(configuration, environmentName);
        services.AddDbContext<PortalDbContext>(options => PortalDatabase.Configure(options, connectionString));
        var owner = configuration.GetConnectionString(PortalDatabase.OwnerConnectionStringName);
        services.AddSingleton(new PortalConnections(connectionString, string.IsNullOrWhiteSpace(owner) ? connectionString : owner));

        services.AddIdentity<PortalUser, PortalRole>(options =>
            {
                // Length, not composition, makes a password strong (ASVS 6.2.1, 6.2.5).
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddPortalTwoFactor();

        services.AddDataProtection()
            .SetApplicationName("EmploymentPortal")
            .PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithConfiguredCertificate(configuration, environmentName);

        // The composition root: the one place the real clock enters (docs/testing.md, "Time").
#pragma warning disable RS0030
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        var zone = BusinessClock.FindZone(configuration["Portal:TimeZone"]);
        services.AddSingleton(sp => new BusinessClock(sp.GetRequiredService<TimeProvider>(), zone));
        services.AddMetrics();
        services.AddSingleton<Observability.PortalMetrics>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Scoping.SystemContexts>();
        services.AddScoped<Scoping.SystemJobScope>();
        services.AddScoped<Scoping.UnscopedReads>();
        services.AddScoped<AccountService>();
        services.AddMemoryCache();
        services.AddScoped<StaffNames>();
        services.AddScoped<OrgDirectory>();
        services.AddScoped<ServicePoints>();
        services.AddScoped<PortalDatabaseInitializer>();
        services.AddScoped<PolicyParameterStore>();
        services.AddScoped<Reports.Reports>();
        services.AddScoped<PersonRegistry>();
        services.AddScoped<PersonCorrections>();
        services.AddScoped<LedgerExcel>();
        services.AddScoped<BackgroundWork.BackgroundTasks>();
        services.AddScoped<BackgroundWork.IBackgroundTaskQueue>(sp => sp.GetRequiredService<BackgroundWork.BackgroundTasks>());
        services.AddSingleton<BackgroundWork.BackgroundTaskStore>();
        services.AddScoped<BackgroundWork.IBackgroundWork, LedgerImportWork>();
        services.AddScoped<BackgroundWork.IBackgroundWork, LedgerExportWork>();
        services.AddScoped<BackgroundWork.IBackgroundWork, EligibilityRerunWork>();
        services.AddScoped<Scoping.TaskRequester>();
        services.AddPersonImport(configuration);
        services.AddScoped<TransferService>();
        services.AddScoped<SchemeParameters>();
        services.AddScoped<EligibilityService>();
        services.AddScoped<CertificationService>();
        services.AddScoped<SubsidyApplications>();
        services.AddScoped<Notices>();
        services.Configure<NoticeOptions>(configuration.GetSection(NoticeOptions.Section));
        services.Configure<EmploymentPortal.Core.Reports.ReportFormOptions>(configuration.GetSection(EmploymentPortal.Core.Reports.ReportFormOptions.Section));
        services.AddScoped<EmploymentPortal.Core.Reports.ReportFormHeader>();
        services.AddScoped<Layoffs.LayoffReports>();
        services.AddScoped<Layoffs.Monitoring>();
        services.AddScoped<JobBoard>();
        services.AddScoped<EligibilityBatch>();
        services.AddScoped<EligibilityCandidates>();
        services.AddScoped<Workbench.WorkbenchToDo>();
        services.AddScoped<SeekerService>();
        services.AddScoped<StaffJobServices>();
        services.AddScoped<JobFairService>();
        services.AddScoped<ApplicantService>();
        services.AddSingleton<JobSearchCache>();
        services.AddScoped<Reports.Targets>();
        services.AddScoped<Reports.ReportExcel>();
        services.AddScoped<JobSearch>();
        services.AddScoped<PostingSearchTextBackfill>();
        services.AddScoped<HouseholdDerivation>();
        services.AddScoped<HouseholdRegistry>();
        services.AddScoped<HouseholdStatusJob>();
        services.AddScoped<HouseholdRepair>();
        services.AddSingleton(keys);
        services.AddSingleton(new AesGcmIdNumberProtector(keys));
        services.AddSingleton<IIdNumberProtector>(sp => sp.GetRequiredService<AesGcmIdNumberProtector>());
        services.AddScoped<PersonalDataReencryption>();
        services.AddScoped<Accounts.EndedSessions>();
        services.AddStandbyReads(configuration);
        return services;
    }
}
