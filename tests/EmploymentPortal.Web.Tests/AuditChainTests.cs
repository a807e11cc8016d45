using System.Net;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Audit;
using Npgsql;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The tamper-evident audit trail and the least-privilege roles (docs/adr/0004): the app's own
/// login may append to and read the trail, never change or remove a row; the database chains
/// every row whatever the writer sends; <c>-- verify-audit</c> names the first broken row; denied
/// requests of signed-in users are audited.
/// </summary>
public sealed class AuditChainTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string InsertRow = """
        INSERT INTO audit_events (occurred_at, actor_name, action, entity_type, entity_id, after, seq, prev_hash, hash)
        VALUES (@now, 'tester', 'Probe', 'Probe', @entity, '{"n": 1}', 1, '\x00', '\x00') RETURNING id, seq, hash
        """;

    [Fact]
    public async Task AppLogin_AppendsAndReadsAuditRows_ButCannotUpdateDeleteTruncateOrCreate()
    {
        await using var app = new NpgsqlConnection(PostgresServer.AppConnectionStringFor(portal.ConnectionString));
        await app.OpenAsync();

        var (id, seq, hash) = await InsertAsync(app, "own-connection");
        seq.Should().BeGreaterThan(1, "the database numbers the row after the seeded ones, whatever the writer sent");
        hash.Should().HaveCount(32).And.NotEqual(new byte[] { 0 }, "the database computes the hash, the writer cannot choose it");
        (await ScalarAsync<long>(app, $"SELECT count(*) FROM audit_events WHERE id = {id}")).Should().Be(1);

        foreach (var statement in new[]
        {
            $"UPDATE audit_events SET after = '{{\"n\": 2}}' WHERE id = {id}",
            $"DELETE FROM audit_events WHERE id = {id}",
            "TRUNCATE audit_events",
            "CREATE TABLE app_made (id int)",
            "CREATE FUNCTION app_made() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        })
        {
            var run = async () => await ExecuteAsync(app, statement);
            (await run.Should().ThrowAsync<PostgresException>(statement)).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege, statement);
        }

        (await ScalarAsync<bool>(app, "SELECT has_schema_privilege(current_schema(), 'CREATE')")).Should().BeFalse("the app's login has no DDL");
        (await ScalarAsync<bool>(app, "SELECT rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")).Should().BeFalse();
        (await ScalarAsync<long>(app, $"SELECT count(*) FROM audit_events WHERE id = {id} AND after = '{{\"n\": 1}}'")).Should().Be(1, "the row is as written");
    }

    [Fact]
    public async Task ReportRole_ReadsRollupsOnly_AndWritesNothing()
    {
        await using var owner = new NpgsqlConnection(portal.ConnectionString);
        await owner.OpenAsync();
        (await ScalarAsync<bool>(owner, "SELECT NOT rolcanlogin AND NOT rolsuper AND NOT rolbypassrls FROM pg_roles WHERE rolname = 'portal_report'")).Should().BeTrue();
        await using var transaction = await owner.BeginTransactionAsync();
        await ExecuteAsync(owner, $"SET LOCAL ROLE {DatabaseRoles.ReportRole}", transaction);

        (await ScalarAsync<long>(owner, "SELECT count(*) FROM report_registration_days", transaction)).Should().BeGreaterThanOrEqualTo(0);
        (await ScalarAsync<long>(owner, "SELECT count(*) FROM regions", transaction)).Should().BeGreaterThan(0);
        foreach (var statement in new[] { "SELECT count(*) FROM persons", "SELECT count(*) FROM audit_events", "SELECT count(*) FROM users", "DELETE FROM report_registration_days" })
        {
            await ExecuteAsync(owner, "SAVEPOINT probe", transaction);
            var run = async () => await ExecuteAsync(owner, statement, transaction);
            (await run.Should().ThrowAsync<PostgresException>(statement)).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege, statement);
            await ExecuteAsync(owner, "ROLLBACK TO SAVEPOINT probe", transaction);
        }
    }

    [Fact]
    public async Task VerifyAudit_SeededAndWrittenThroughThePages_IsIntact()
    {
        using var staff = await portal.SignInAsync("community1");
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1975, 3, 9), Sex.Female), "链甲");

        var output = new StringWriter();
        var code = await VerifyAuditCommand.RunAsync(portal.Factory.Services, output, CancellationToken.None);

        code.Should().Be(0, output.ToString());
        var rows = await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events");
        output.ToString().Should().StartWith($"Audit chain intact: {rows} rows checked");
        rows.Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task VerifyAudit_OneRowsAfterJsonChangedByTheOwner_FailsNamingThatRow()
    {
        var database = await DatabaseWithAuditRowsAsync();
        var id = await TestSql.ScalarAsync<long>(database, "SELECT id FROM audit_events ORDER BY seq OFFSET 2 LIMIT 1");
        (await VerifyAsync(database)).Intact.Should().BeTrue();

        await TestSql.ExecuteAsync(database, $"UPDATE audit_events SET after = jsonb_set(coalesce(after, '{{}}'), '{{name}}', '\"改过\"') WHERE id = {id}");

        var result = await VerifyAsync(database);
        result.Intact.Should().BeFalse();
        result.FirstBrokenId.Should().Be(id);
        result.Problem.Should().Contain("altered");
    }

    [Fact]
    public async Task VerifyAudit_RowRemovedOrLinkRewritten_FailsNamingTheRowAfterIt()
    {
        var database = await DatabaseWithAuditRowsAsync();
        var ids = await IdsInChainOrderAsync(database);
        ids.Should().HaveCountGreaterThan(4);

        await TestSql.ExecuteAsync(database, $"DELETE FROM audit_events WHERE id = {ids[2]}");
        var removed = await VerifyAsync(database);
        removed.FirstBrokenId.Should().Be(ids[3]);
        removed.Problem.Should().Contain("removed");

        // Closing the gap by renumbering does not hide it: the next row's link still names the removed row.
        await TestSql.ExecuteAsync(database, $"UPDATE audit_events SET seq = seq - 1 WHERE seq > (SELECT seq FROM audit_events WHERE id = {ids[1]})");
        var renumbered = await VerifyAsync(database);
        renumbered.FirstBrokenId.Should().Be(ids[3]);
        renumbered.Problem.Should().Contain("prev_hash");
    }

    [Fact]
    public async Task VerifyAudit_CommandOnABrokenChain_ExitsNonZeroNamingTheRow()
    {
        var database = await DatabaseWithAuditRowsAsync();
        var id = await TestSql.ScalarAsync<long>(database, "SELECT id FROM audit_events ORDER BY seq DESC LIMIT 1");
        await TestSql.ExecuteAsync(database, $"UPDATE audit_events SET actor_name = 'someone else' WHERE id = {id}");
        await using var factory = new PortalAppFactory(database);

        var output = new StringWriter();
        var code = await VerifyAuditCommand.RunAsync(factory.Services, output, CancellationToken.None);

        code.Should().Be(VerifyAuditCommand.Broken);
        output.ToString().Should().Contain($"BROKEN at row id {id} ");
    }

    [Fact]
    public async Task ConcurrentWriters_SomeRollingBack_KeepOneValidChain()
    {
        var database = await TestDatabases.CreateSeededAsync();
        var before = await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM audit_events");
        const int writers = 12, rowsEach = 20;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var app = new NpgsqlConnection(PostgresServer.AppConnectionStringFor(database));
            await app.OpenAsync();
            for (var t = 0; t < 4; t++)
            {
                await using var transaction = await app.BeginTransactionAsync();
                for (var r = 0; r < rowsEach / 4; r++)
                {
                    await InsertAsync(app, $"w{w}-t{t}-r{r}", transaction);
                }

                if ((w + t) % 3 == 0)
                {
                    await transaction.RollbackAsync();
                }
                else
                {
                    await transaction.CommitAsync();
                }
            }
        })));

        var result = await VerifyAsync(database);
        result.Intact.Should().BeTrue(result.Problem);
        var after = await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM audit_events");
        result.RowsChecked.Should().Be(after);
        result.HeadSeq.Should().Be(after, "the numbers have no gap: rolled-back rows took none");
        after.Should().BeGreaterThan(before + (writers * rowsEach / 2));
    }

    [Fact]
    public async Task RowsOfOneTransaction_ChainFromTheHeadOnce_AndASavepointRolledBackTakesItsNumbersBack()
    {
        var database = await TestDatabases.CreateSeededAsync();
        await using var app = new NpgsqlConnection(PostgresServer.AppConnectionStringFor(database));
        await app.OpenAsync();
        await using var transaction = await app.BeginTransactionAsync();
        var first = await InsertAsync(app, "first", transaction);
        await transaction.SaveAsync("undone");
        await InsertAsync(app, "undone", transaction);
        await InsertAsync(app, "undone too", transaction);
        await transaction.RollbackAsync("undone");
        var after = await InsertAsync(app, "after the savepoint", transaction);
        await using (var bulk = new NpgsqlCommand("INSERT INTO audit_events (occurred_at, actor_name, action, entity_type, entity_id) SELECT @now, 'tester', 'Probe', 'Probe', 'bulk-' || g FROM generate_series(1, 500) g", app, transaction))
        {
            bulk.Parameters.AddWithValue("now", TestClock.Start);
            await bulk.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        after.Seq.Should().Be(first.Seq + 1, "the rows rolled back to the savepoint gave their numbers back");
        var result = await VerifyAsync(database);
        result.Intact.Should().BeTrue(result.Problem);
        result.HeadSeq.Should().Be(after.Seq + 500);

        // The next transaction reads the committed head again, whatever its session kept.
        var next = await InsertAsync(app, "next transaction");
        next.Seq.Should().Be(after.Seq + 501);
        (await VerifyAsync(database)).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task AHeadForgedInTheSessionSetting_MakesALinkThatVerifyAuditNames()
    {
        var database = await TestDatabases.CreateSeededAsync();
        await using var app = new NpgsqlConnection(PostgresServer.AppConnectionStringFor(database));
        await app.OpenAsync();
        await using var transaction = await app.BeginTransactionAsync();
        var honest = await InsertAsync(app, "honest", transaction);
        await ExecuteAsync(app, $"SELECT set_config('portal.audit_chain_head', pg_current_xact_id()::text || ':{honest.Seq}:' || repeat('ab', 32), true)", transaction);
        var forged = await InsertAsync(app, "after a forged head", transaction);
        await transaction.CommitAsync();

        var result = await VerifyAsync(database);
        result.Intact.Should().BeFalse("a writer cannot hide a link it forged");
        result.FirstBrokenId.Should().Be(forged.Id, result.Problem);
    }

    [Fact]
    public async Task DeniedRequests_OfASignedInUser_AreAudited_WithPathWithoutQueryAndStatus()
    {
        using var owner = await portal.SignInAsync("community1");
        var url = await owner.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1971, 8, 30), Sex.Male), "越界甲");
        using var other = await portal.SignInAsync("community2");
        using var seeker = await portal.SignInAsync("seeker1");

        (await other.GetAsync(url + "?tab=history")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another community's record is not found");
        (await seeker.GetAsync("/Station/Persons?q=secret")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await other.GetAsync("/favicon.ico");

        var denied = await DeniedEventsAsync();
        denied.Should().ContainEquivalentOf(("community2", url, 404, "GET"));
        denied.Should().ContainEquivalentOf(("seeker1", "/Station/Persons", 403, "GET"));
        denied.Should().NotContain(d => d.Path.Contains('?'), "the query string is not kept");
        denied.Should().NotContain(d => d.Path == "/favicon.ico", "an address no page serves is not a denial");
        denied.Should().OnlyHaveUniqueItems("a status page shown for the request is not a second event");
    }

    [Fact]
    public async Task DeniedRequest_WhenTheAuditWriteFails_StillAnswersAndLogsTheFailure()
    {
        var database = await TestDatabases.CreateSeededAsync();
        await using var factory = new PortalAppFactory(database);
        var client = factory.NewClient();
        (await client.SignInAsync("seeker1", Core.Seeding.DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await TestSql.ExecuteAsync(database, "REVOKE INSERT ON audit_events FROM portal_app");

        var response = await client.GetAsync("/Station/Persons");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        factory.Log.Should().Contain("could not be audited");
    }

    private async Task<List<(string Actor, string Path, int Status, string Method)>> DeniedEventsAsync()
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT actor_name, after->>'path', (after->>'status')::int, after->>'method' FROM audit_events WHERE action = '{DeniedAccessAudit.Action}' AND entity_type = '{DeniedAccessAudit.EntityType}'",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, string, int, string)>();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)));
        }

        return events;
    }

    /// <summary>A fresh seeded database with six audit rows written by the app's login.</summary>
    private static async Task<string> DatabaseWithAuditRowsAsync()
    {
        var database = await TestDatabases.CreateSeededAsync();
        await using var app = new NpgsqlConnection(PostgresServer.AppConnectionStringFor(database));
        await app.OpenAsync();
        for (var i = 0; i < 6; i++)
        {
            await InsertAsync(app, $"row-{i}");
        }

        return database;
    }

    private static async Task<AuditChainResult> VerifyAsync(string database)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.AppConnectionStringFor(database));
        await connection.OpenAsync();
        return await AuditChain.VerifyAsync(connection, CancellationToken.None);
    }

    private static async Task<List<long>> IdsInChainOrderAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM audit_events ORDER BY seq", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task<(long Id, long Seq, byte[] Hash)> InsertAsync(NpgsqlConnection connection, string entity, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(InsertRow, connection, transaction);
        command.Parameters.AddWithValue("now", TestClock.Start);
        command.Parameters.AddWithValue("entity", entity);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
