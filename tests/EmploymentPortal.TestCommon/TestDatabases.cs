using Npgsql;

namespace EmploymentPortal.TestCommon;

/// <summary>
/// Fresh databases for tests. The first call migrates and seeds a template database through the
/// portal itself (Portal:MigrateOnStartup + Portal:SeedDemo); every database after that is a
/// copy of it (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
/// </summary>
public static class TestDatabases
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    /// <summary>A new database holding the migrated schema and the demo city with its accounts.</summary>
    public static async Task<string> CreateSeededAsync()
    {
        var server = await PostgresServer.GetAsync();
        await Gate.WaitAsync();
        try
        {
            _template ??= await CreateTemplateAsync(server);
            var name = "t_" + Guid.NewGuid().ToString("N")[..16];
            await ExecuteAsync(server.AdminConnectionString, $"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
            return server.ConnectionStringFor(name);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new, empty database (no tables), for migration tests.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var server = await PostgresServer.GetAsync();
        var name = "e_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(server.AdminConnectionString, $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
        return server.ConnectionStringFor(name);
    }

    private static async Task<string> CreateTemplateAsync(PostgresServer server)
    {
        var name = "portal_template_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server.AdminConnectionString, $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
        var settings = new Dictionary<string, string?> { ["Portal:MigrateOnStartup"] = "true", ["Portal:SeedDemo"] = "true" };
        await using (var factory = new PortalAppFactory(server.ConnectionStringFor(name), settings))
        {
            // Starting the host runs the migration and the seeding.
            _ = factory.Services;
        }

        // A template may not have open connections while it is copied.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
