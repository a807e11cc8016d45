using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace EmploymentPortal.IntegrationTests;

/// <summary>
/// The SQL files of <see cref="SqlFiles"/>: every file is named by the code and every name is a
/// file; the functions and triggers the migrations create from files under <c>Sql/Triggers</c>
/// are in the database exactly as the files write them, after the migration that runs each file.
/// </summary>
public sealed partial class SqlFilesTests
{
    private const string Triggers = "/Sql/Triggers/";

    /// <summary>
    /// The SHA-256 of every file under Sql/Triggers as its migration ran it. A new version adds a
    /// line here; an existing line never changes (the databases already migrated keep the old text).
    /// </summary>
    private static readonly Dictionary<string, string> Migrated = new(StringComparer.Ordinal)
    {
        ["Audit/Sql/Triggers/audit_event_digest_v1.sql"] = "0ef61e2b3251bdba02b795edbe72312d0ec46996b59beecf2eb9dbfb93e005b5",
        ["Audit/Sql/Triggers/audit_events_chain_v1.sql"] = "986783816ad8fa36c07735249d33f6e4b51c485658f8d67dd34874ea7ac95cf9",
        ["Audit/Sql/Triggers/audit_events_chain_v2.sql"] = "d6bb455a21ffc52309e0b6d180442ef7db69b8cef9548c3a2887d129649d7af2",
        ["Audit/Sql/Triggers/audit_events_triggers_v1.sql"] = "e8afd2286060194b09450efc7496b67428391ac73815160ac24583f8376c9408",
        ["Jobs/Sql/Triggers/job_listings_employers_changed_v1.sql"] = "7dc1651ae3163b08441f6cbf89f1c61f7aab9183eca329322b608c5086760bec",
        ["Jobs/Sql/Triggers/job_listings_postings_changed_v1.sql"] = "2490b706e5a49d46e44612b08b7ebbfc005cffc6c558f34e0716ad19a299a9fa",
        ["Jobs/Sql/Triggers/job_listings_triggers_v1.sql"] = "7d4fe53d0c278d45fa6ca98d70bdeee1f1dae1d18bf99c27e3aa4d992298b5fb",
        ["Reports/Sql/Triggers/report_household_changes_deleted_v1.sql"] = "739a644088f10be4de887808cf93b00ddcee83566d756ab170f86b30a90d78d1",
        ["Reports/Sql/Triggers/report_household_changes_inserted_v1.sql"] = "9924023377933815586f63dfb4b5463893b84f2ccae1a18fb0f6a239ed80cbed",
        ["Reports/Sql/Triggers/report_households_changed_v1.sql"] = "993f5431f7ebf9c6ae3bdb5f24d22711ccca0f873d4efac8b8e8f4a4a7421561",
        ["Reports/Sql/Triggers/report_households_deleting_v1.sql"] = "a61bd085cbcf04b3c286ef0f79c536d1893fd32f1719f9f5956947dcde9dd18a",
        ["Reports/Sql/Triggers/report_persons_changed_v1.sql"] = "950c39d6a76c110104c6669779c999f87e0329ee4a1143dbdf29898c7fc132a5",
        ["Reports/Sql/Triggers/report_persons_changed_v2.sql"] = "d78191bd3ab6c5befb0a54d1edfec4af0e7d1214d70ef4ff3671a9f05ffa3050",
        ["Reports/Sql/Triggers/report_persons_deleting_v1.sql"] = "b55910f0b8ce484502a8737d2eddb68ce6cf7f4b20070543a3a697e3ef2f3bbf",
        ["Reports/Sql/Triggers/report_registration_events_v1.sql"] = "cfd6a18bbd3a2ba84572a6a0882644ed4567d47c5631ce00e495dda8bb785370",
        ["Reports/Sql/Triggers/report_registrations_changed_v1.sql"] = "492386c5ddfd6950e181b8e06ae69069666a26adee9b4698e1940e714c844c3a",
        ["Reports/Sql/Triggers/report_registrations_changed_v2.sql"] = "0f9f495b11797c8ae19959b18a367ce60df9a43a33b3d9227392b0889b10463b",
        ["Reports/Sql/Triggers/report_rollups_delete_triggers_v1.sql"] = "4e11fe2e5fedb15ae0adf741e1c59805fa1334e7d0908ed3cfb5b8a3126fc60d",
        ["Reports/Sql/Triggers/report_rollups_triggers_v1.sql"] = "0d772d3e8028e192ba8eb9605f6bf9957d7f22de839f4a3fdb023e077fa92e76",
        ["Reports/Sql/Triggers/report_postings_changed_v1.sql"] = "62adb969d0f90aaf0b49a6342024ae71fecde738b3ab7087e20bd9c9433a56dc",
        ["Reports/Sql/Triggers/report_postings_triggers_v1.sql"] = "e8eac3cf1794040d999ed2de1b60ae2d96b64c9f69a49142d8c42ebda58750ee",
    };

    [Fact]
    public void Names_AreEveryFileOfTheCode_AndEveryNameTheCodeReads()
    {
        var core = Path.Combine(TestSql.SolutionRoot(), "src", "EmploymentPortal.Core");
        var onDisk = Directory.EnumerateFiles(core, "*.sql", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(core, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .ToList();
        SqlFiles.Names.Should().BeEquivalentTo(onDisk, "every .sql file of the project is embedded (it must be under a Sql folder)");

        var calls = 0;
        var named = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSql.SolutionRoot(), "src"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            calls += CountOf(text, "SqlFiles.Read(");
            named.AddRange(ReadCall().Matches(text).Select(m => m.Groups["name"].Value));
        }

        named.Should().HaveCount(calls, "every SqlFiles.Read names its file with a literal, so that this test sees it");
        named.Distinct().Should().BeEquivalentTo(SqlFiles.Names, "no file is left unread and no name is missing its file");
        foreach (var name in SqlFiles.Names)
        {
            SqlFiles.Read(name).Should().NotBeNullOrWhiteSpace(name);
        }
    }

    [Fact]
    public void Read_NameOfNoFile_SaysWhichFile()
    {
        var read = () => SqlFiles.Read("Reports/Sql/no_such_file.sql");

        read.Should().Throw<InvalidOperationException>().WithMessage("*\"Reports/Sql/no_such_file.sql\"*");
    }

    [Fact]
    public void TriggerFiles_AreAsTheirMigrationsRanThem()
    {
        var files = SqlFiles.Names.Where(n => n.Contains(Triggers, StringComparison.Ordinal)).ToList();
        files.Should().BeEquivalentTo(Migrated.Keys, "a new file under Sql/Triggers gets its hash listed here, and none is deleted");
        foreach (var name in files)
        {
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SqlFiles.Read(name)))).Should().Be(
                Migrated[name], $"{name} is what a migration ran: a change is a new version and a new migration, never an edit (Sql/Triggers/README.md)");
        }
    }

    [Fact]
    public void TriggerFiles_DefineOneFunctionNamedAsTheFile_OrTriggersOnly()
    {
        var files = SqlFiles.Names.Where(n => n.Contains(Triggers, StringComparison.Ordinal)).ToList();
        files.Should().NotBeEmpty();
        foreach (var name in files)
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            var version = VersionSuffix().Match(stem);
            version.Success.Should().BeTrue($"{name} ends in _v<N>");
            var functions = FunctionsOf(SqlFiles.Read(name));
            var triggers = TriggersOf(SqlFiles.Read(name));
            if (stem.EndsWith("_triggers" + version.Value, StringComparison.Ordinal))
            {
                functions.Should().BeEmpty(name);
                triggers.Should().NotBeEmpty(name);
            }
            else
            {
                functions.Select(f => f.Name).Should().Equal([stem[..^version.Length]], name);
                triggers.Should().BeEmpty(name);
            }
        }
    }

    /// <summary>
    /// Migrates a fresh database one migration at a time. After each, every function and trigger
    /// any file defines is in the database exactly as the last file run for it writes it (a
    /// function's <c>prosrc</c> is the file's body between <c>$$</c>; a trigger's definition is
    /// the file's statement), and none is there that no file run has defined. A migration that
    /// runs files is also taken down, which must leave the objects as they were before it, and up again.
    /// </summary>
    [Fact]
    public async Task Migrations_CreateTheFunctionsAndTriggers_ExactlyAsTheFilesWriteThem()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        await using var db = ContextFactory.Create(connectionString, DataScope.All);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.GetService<IMigrationsAssembly>();
        var files = SqlFiles.Names.Where(n => n.Contains(Triggers, StringComparison.Ordinal)).ToDictionary(n => n, SqlFiles.Read);
        var known = files.Values.SelectMany(Definitions).Select(d => d.Name.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var run = new HashSet<string>(StringComparer.Ordinal);
        var previous = Migration.InitialDatabase;
        foreach (var (id, type) in migrations.Migrations)
        {
            var migration = migrations.CreateMigration(type, db.Database.ProviderName!);
            var before = new Dictionary<string, string>(expected, StringComparer.Ordinal);
            await migrator.MigrateAsync(id);
            var up = FilesRunBy(migration.UpOperations, files);
            foreach (var (name, definition) in up.SelectMany(f => Definitions(files[f])))
            {
                expected[name] = definition;
            }

            (await DefinitionsInDatabaseAsync(connectionString, known)).Should().BeEquivalentTo(expected, $"after {id} ({string.Join(", ", up)})");
            var down = FilesRunBy(migration.DownOperations, files);
            if (up.Count + down.Count > 0)
            {
                await migrator.MigrateAsync(previous);
                (await DefinitionsInDatabaseAsync(connectionString, known)).Should().BeEquivalentTo(before, $"after {id} was taken down ({string.Join(", ", down)})");
                await migrator.MigrateAsync(id);
            }

            run.UnionWith(up);
            run.UnionWith(down);
            previous = id;
        }

        run.Should().BeEquivalentTo(files.Keys, "every file under Sql/Triggers is what a migration runs");
    }

    /// <summary>
    /// The enum values the SQL files write as numbers (and the end reasons the repair reads by
    /// name from the audit trail) are the domain's: a changed value fails here, and for a file
    /// under Sql/Triggers the fix is a new version and a migration, never an edit.
    /// </summary>
    [Fact]
    public void EnumValuesInSqlFiles_AreTheDomainsValues()
    {
        var none = (short)ZeroEmploymentStatus.None;
        var expected = new (string File, string Text)[]
        {
            ("Households/Sql/household_repair_steps.sql",
                $"cause = {(short)HouseholdChangeCause.Unrecorded} AND \"to\" = {(short)ZeroEmploymentStatus.Eliminated} AND \"from\" IN ({(short)ZeroEmploymentStatus.Identified}, {(short)ZeroEmploymentStatus.Assisting})"),
            ("Households/Sql/household_repair_steps.sql", $"c.\"to\" = {(short)ZeroEmploymentStatus.Eliminated} AND c.cause = {(short)HouseholdChangeCause.Unrecorded}"),
            ("Households/Sql/household_repair_steps.sql", $"IN ('{nameof(UnemploymentEndReason.Employed)}', '{nameof(UnemploymentEndReason.SelfEmployed)}')"),
            ("Reports/Sql/rollups_rebuild.sql", $"WHERE status <> {none}"),
            ("Reports/Sql/Triggers/report_household_changes_inserted_v1.sql", $"WHERE status <> {none}"),
            ("Reports/Sql/Triggers/report_households_changed_v1.sql", $"WHERE status <> {none}"),
            ("Reports/Sql/Triggers/report_household_changes_deleted_v1.sql", $"WHERE status <> {none}"),
            ("Reports/Sql/Triggers/report_registration_events_v1.sql", $"WHEN p_sex = {(short)Sex.Female} THEN k.women_4050"),
            ("Reports/Sql/Triggers/report_registration_events_v1.sql", $"WHEN p_education <= {(short)EducationLevel.JuniorHigh} THEN 1"),
            ("Reports/Sql/Triggers/report_registration_events_v1.sql",
                $"WHEN p_reason IN ({(short)UnemploymentEndReason.Employed}, {(short)UnemploymentEndReason.SelfEmployed}) THEN 1"),
        };
        foreach (var (file, text) in expected)
        {
            SqlFiles.Read(file).Should().Contain(text, file);
        }

        // "Junior high or below" is every level up to JuniorHigh.
        Enum.GetValues<EducationLevel>().Where(e => e <= EducationLevel.JuniorHigh)
            .Should().BeEquivalentTo([EducationLevel.PrimaryOrBelow, EducationLevel.JuniorHigh]);
    }

    private static List<string> FilesRunBy(IReadOnlyList<MigrationOperation> operations, Dictionary<string, string> files)
    {
        var sql = operations.OfType<SqlOperation>().Select(o => o.Sql).ToHashSet(StringComparer.Ordinal);
        return files.Where(f => sql.Contains(f.Value)).Select(f => f.Key).ToList();
    }

    /// <summary>The functions' bodies and the triggers' statements (as <see cref="Words"/>) a file defines, by "function name" or "trigger name".</summary>
    private static IEnumerable<(string Name, string Definition)> Definitions(string text) =>
        FunctionsOf(text).Select(f => ("function " + f.Name, f.Body)).Concat(TriggersOf(text).Select(t => ("trigger " + t.Name, Words(t.Statement))));

    /// <summary>The database's functions' sources and triggers' definitions with the names given, by "function name" or "trigger name".</summary>
    private static async Task<Dictionary<string, string>> DefinitionsInDatabaseAsync(string connectionString, IReadOnlySet<string> names)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT 'function ' || p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.proname = ANY(@names)
            UNION ALL
            SELECT 'trigger ' || t.tgname, pg_get_triggerdef(t.oid, true) FROM pg_trigger t WHERE t.tgname = ANY(@names) AND NOT t.tgisinternal
            """,
            connection);
        command.Parameters.AddWithValue("names", names.ToArray());
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (name, definition) = (reader.GetString(0), reader.GetString(1));
            found.Add(name, name.StartsWith("trigger ", StringComparison.Ordinal) ? Words(definition) : definition);
        }

        return found;
    }

    private static List<(string Name, string Body)> FunctionsOf(string text) =>
        FunctionDefinition().Matches(text).Select(m => (m.Groups["name"].Value, m.Groups["body"].Value)).ToList();

    private static List<(string Name, string Statement)> TriggersOf(string text) =>
        TriggerDefinition().Matches(text).Select(m => (m.Groups["name"].Value, m.Groups["statement"].Value)).ToList();

    /// <summary>A statement with its runs of white space as one space and no closing semicolon.</summary>
    private static string Words(string statement) => Whitespace().Replace(statement, " ").Trim().TrimEnd(';');

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex("""SqlFiles\.Read\("(?<name>[^"]+)"\)""")]
    private static partial Regex ReadCall();

    [GeneratedRegex("""_v([0-9]+)$""")]
    private static partial Regex VersionSuffix();

    [GeneratedRegex("""CREATE (?:OR REPLACE )?FUNCTION (?<name>\w+)\(.*?\bAS \$\$(?<body>.*?)\$\$""", RegexOptions.Singleline)]
    private static partial Regex FunctionDefinition();

    [GeneratedRegex("""(?<statement>CREATE TRIGGER (?<name>\w+) [^;]*;)""")]
    private static partial Regex TriggerDefinition();

    [GeneratedRegex("""\s+""")]
    private static partial Regex Whitespace();
}
