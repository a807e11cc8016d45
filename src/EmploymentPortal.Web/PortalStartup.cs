using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Seeding;
using EmploymentPortal.Core.Subsidies;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web;

/// <summary>Database preparation at start-up and the operators' <c>migrate</c> command: migrations, back-fills, demo data.</summary>
public static class PortalStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool migrateCommand)
    {
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalStartup));
        var migrate = migrateCommand || (options.MigrateOnStartup ?? app.Environment.IsDevelopment());
        if (!migrate)
        {
            return;
        }

        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        var initializer = scope.ServiceProvider.GetRequiredService<PortalDatabaseInitializer>();
        await initializer.MigrateAsync(app.Lifetime.ApplicationStopping);

        // Postings saved before their search tokens existed get them now (idempotent; see docs/policy-rules.md, "Jobs: public search").
        await scope.ServiceProvider.GetRequiredService<PostingSearchTextBackfill>().RunAsync(app.Lifetime.ApplicationStopping);

        // Notices published before their public read model existed get its entries now (idempotent; docs/scoping.md).
        await ActivatorUtilities.CreateInstance<NoticeEntryBackfill>(scope.ServiceProvider).RunAsync(app.Lifetime.ApplicationStopping);
        if (!options.SeedDemo)
        {
            return;
        }

        if (app.Environment.IsProduction())
        {
            logger.LogError("Portal:SeedDemo is set in Production; demo accounts are never created there");
            return;
        }

        // The fixed demo authenticator key is for Development and the tests only (Security/DemoAuthenticator.cs).
        await initializer.SeedDemoAsync(app.Lifetime.ApplicationStopping, Security.DemoAuthenticator.Allowed(app.Environment, logger));
        logger.LogWarning(
            "Demo accounts (password {DemoPassword}): {DemoAccounts}",
            DemoCity.Password,
            string.Join(", ", DemoCity.Accounts.Select(a => $"{a.UserName} ({a.Role})")));
    }
}
