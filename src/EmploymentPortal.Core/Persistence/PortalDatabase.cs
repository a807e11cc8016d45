using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Persistence;

/// <summary>The one place the Npgsql provider is configured, for the app, design time and tests.</summary>
public static class PortalDatabase
{
    public const string ConnectionStringName = "Portal";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PortalDatabase).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();
}
