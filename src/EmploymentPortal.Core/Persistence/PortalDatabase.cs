using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Persistence;

/// <summary>The one place the Npgsql provider is configured, for the app, design time and tests.</summary>
public static class PortalDatabase
{
    /// <summary>The app's connection: a login in the role <c>portal_app</c>, which row-level security applies to (ADR 0003).</summary>
    public const string ConnectionStringName = "Portal";

    /// <summary>
    /// The owner's connection, for migrations only (<c>ConnectionStrings:PortalOwner</c>); the
    /// owner bypasses row-level security. Unset, migrations use <see cref="ConnectionStringName"/>.
    /// </summary>
    public const string OwnerConnectionStringName = "PortalOwner";

    /// <summary>Options for a context on a given connection (the owner's, to migrate).</summary>
    public static DbContextOptions<PortalDbContext> Options(string connectionString) =>
        (DbContextOptions<PortalDbContext>)Configure(new DbContextOptionsBuilder<PortalDbContext>(), connectionString).Options;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PortalDatabase).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Scoping.RowSecurity.Interceptor);
}
