using EmploymentPortal.Core.Scoping;
using EmploymentPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.IntegrationTests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesTheSchemaAndMatchesTheModel()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        await using var db = ContextFactory.Create(connectionString, DataScope.All);

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a checked-in migration");
        var tables = await TablesAsync(connectionString);
        tables.Should().Contain(["regions", "org_units", "users", "roles", "user_roles", "audit_events", "data_protection_keys"]);
        tables.Should().NotContain(t => t.StartsWith("asp_net", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrations_NeverAddAnXminColumn()
    {
        // efcore.pg #3270: mapping xmin on an existing table can emit AddColumn("xmin"), which fails (42701).
        var folder = Path.Combine(TestSql.SolutionRoot(), "src", "EmploymentPortal.Core", "Migrations");
        var migrations = Directory.EnumerateFiles(folder, "*.cs").Where(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal));
        migrations.Should().NotBeEmpty();
        foreach (var file in migrations)
        {
            (await File.ReadAllTextAsync(file)).Should().NotContain("name: \"xmin\"", file);
        }
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

}
