using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Regions;
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

    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(PortalDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Connection string 'ConnectionStrings:Portal' is not set (env ConnectionStrings__Portal).");
        }

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
            .AddDefaultTokenProviders();

        services.AddDataProtection()
            .SetApplicationName("EmploymentPortal")
            .PersistKeysToDbContext<PortalDbContext>();

        // The composition root: the one place the real clock enters (docs/testing.md, "Time").
#pragma warning disable RS0030
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        var zone = BusinessClock.FindZone(configuration["Portal:TimeZone"]);
        services.AddSingleton(sp => new BusinessClock(sp.GetRequiredService<TimeProvider>(), zone));
        services.AddScoped<AuditLog>();
        services.AddScoped<Scoping.SystemContexts>();
        services.AddScoped<Scoping.SystemJobScope>();
        services.AddScoped<Scoping.UnscopedReads>();
        services.AddScoped<AccountService>();
        services.AddScoped<OrgDirectory>();
        services.AddScoped<ServicePoints>();
        services.AddScoped<PortalDatabaseInitializer>();
        services.AddScoped<PolicyParameterStore>();
        services.AddScoped<Reports.Reports>();
        services.AddScoped<PersonRegistry>();
        services.AddScoped<PersonCorrections>();
        services.AddScoped<LedgerExcel>();
        services.AddPersonImport(configuration);
        services.AddScoped<TransferService>();
        services.AddScoped<SchemeParameters>();
        services.AddScoped<EligibilityService>();
        services.AddScoped<CertificationService>();
        services.AddScoped<SubsidyApplications>();
        services.AddScoped<Notices>();
        services.AddScoped<Layoffs.LayoffReports>();
        services.AddScoped<Layoffs.Monitoring>();
        services.AddScoped<JobBoard>();
        services.AddScoped<EligibilityBatch>();
        services.AddScoped<EligibilityCandidates>();
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
        services.AddSingleton<IIdNumberProtector>(new AesGcmIdNumberProtector(PersonalDataKey(configuration)));
        return services;
    }

    /// <summary>
    /// The master key for personal data (<c>Portal:Security:PersonalDataKey</c>, base64, ≥ 32 bytes),
    /// held outside the database. Without one, a fixed development key is used, which the
    /// Production environment refuses.
    /// </summary>
    private static byte[] PersonalDataKey(IConfiguration configuration)
    {
        var configured = configuration["Portal:Security:PersonalDataKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }

        if (string.Equals(configuration["ASPNETCORE_ENVIRONMENT"] ?? configuration["DOTNET_ENVIRONMENT"], "Production", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Portal:Security:PersonalDataKey must be set in Production (base64 of at least 32 random bytes).");
        }

        return System.Security.Cryptography.SHA256.HashData("EmploymentPortal development key - not for real data"u8);
    }
}
