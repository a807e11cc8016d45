using EmploymentPortal.Bench.Commands;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests;

/// <summary>
/// The bench data can be rebuilt (issue 17, item 4): <c>generate --truncate</c> empties every table
/// that refers to persons and leaves the seed, <c>jobs --generate</c> runs twice, and the <c>data</c>
/// command gives the same data set each time. Small sizes; each test has its own seeded database.
/// </summary>
public sealed class BenchDataTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    // Every table that refers to persons or households today, directly or through another one.
    private static readonly string[] PersonTables =
    [
        "persons", "households", "household_status_changes", "household_member_changes", "unemployment_registrations", "follow_ups",
        "eligibility_candidates", "hardship_certifications", "job_applications", "posting_pushes", "referrals", "seeker_links",
        "transfer_requests", "subsidy_applications", "subsidy_application_actions", "notice_entries", "objections", "payments",
    ];

    // The seed and reference data, and the tables that do not refer to persons.
    private static readonly string[] KeptTables =
        ["regions", "org_units", "users", "roles", "user_roles", "policy_parameters", "postings", "employers", "notices", "audit_events"];

    [Fact]
    public async Task GenerateTruncate_EmptiesEveryTableReferringToPersons_AndKeepsTheSeed()
    {
        await RunAsync(GenerateCommand.RunAsync, "--persons", "2000", "--households", "700");
        await FillEveryPersonTableAsync();
        foreach (var table in PersonTables)
        {
            (await CountAsync(table)).Should().BePositive($"the test put rows in {table}");
        }

        var kept = await CountsAsync(KeptTables);

        await RunAsync(GenerateCommand.RunAsync, "--persons", "1500", "--households", "500", "--seed", "7", "--truncate");

        (await CountAsync("persons")).Should().Be(1500);
        (await CountAsync("households")).Should().Be(500);
        foreach (var table in PersonTables.Except(["persons", "households", "unemployment_registrations", "follow_ups"]))
        {
            (await CountAsync(table)).Should().Be(0, $"{table} refers to persons and is emptied");
        }

        (await CountsAsync(KeptTables)).Should().Equal(kept, "the seed and reference data stay");
        (await PersonColumnTablesAsync()).Should().BeSubsetOf(PersonTables,
            "this test fills and checks every table with a person or household column (a new one belongs in its lists)");

        // The rollups count exactly the registrations loaded after the truncation (the triggers' rows
        // of the emptied ones are gone), and no household event.
        (await TestSql.ScalarAsync<long>(_connectionString, "SELECT coalesce(sum(opened), 0)::bigint FROM report_registration_days"))
            .Should().Be(await CountAsync("unemployment_registrations")).And.BePositive();
        (await TestSql.ScalarAsync<long>(_connectionString, "SELECT coalesce(sum(opened), 0)::bigint FROM report_registration_months"))
            .Should().Be(await CountAsync("unemployment_registrations"));
        (await CountAsync("report_household_days")).Should().Be(0);
        (await CountAsync("report_household_months")).Should().Be(0);
    }

    [Fact]
    public async Task JobsGenerate_RunsTwice_AddingMore_AndReplaceGivesTheFirstSetAgain()
    {
        var demoPostings = await CountAsync("postings");
        var demoEmployers = await CountAsync("employers");

        await RunAsync(JobSearchCommand.RunAsync, "--generate", "300", "--employers", "20", "--iterations", "0");
        var first = await PostingsFingerprintAsync();
        await RunAsync(JobSearchCommand.RunAsync, "--generate", "300", "--employers", "20", "--iterations", "0");

        (await CountAsync("postings")).Should().Be(demoPostings + 600);
        (await CountAsync("employers")).Should().Be(demoEmployers + 40);
        (await TestSql.ScalarAsync<long>(_connectionString, "SELECT count(DISTINCT credit_code) FROM employers")).Should().Be(demoEmployers + 40);
        (await CountAsync("job_listings")).Should().Be(await TestSql.ScalarAsync<long>(_connectionString,
            "SELECT count(*) FROM postings p JOIN employers e ON e.id = p.employer_id WHERE p.status = 3 AND e.status = 2 AND p.published_at IS NOT NULL"));

        // A seeker saved a generated posting: replacing deletes the row that refers to it too; and an
        // employer generated before the BE serials goes as well.
        await TestSql.ExecuteAsync(_connectionString, $"""
            INSERT INTO employers (id, credit_code, name, industry, size, region_id, region_code, contact_name, contact_phone, status, created_at)
            SELECT gen_random_uuid(), '913707021000000071', '潍坊华信物业有限公司7', '综合', 1, id, code, '王经理', '05361234567', 2, @now
            FROM regions WHERE code = '370702001001';
            INSERT INTO saved_postings (account_id, posting_id, saved_at)
            SELECT u.id, (SELECT id FROM postings WHERE created_by_name = '{JobSearchCommand.PostingAuthor}' ORDER BY id LIMIT 1), @now
            FROM users u WHERE u.user_name = 'seeker1'
            """);
        await RunAsync(JobSearchCommand.RunAsync, "--generate", "300", "--employers", "20", "--iterations", "0", "--replace");

        (await CountAsync("postings")).Should().Be(demoPostings + 300);
        (await CountAsync("employers")).Should().Be(demoEmployers + 20);
        (await CountAsync("saved_postings")).Should().Be(0);
        (await PostingsFingerprintAsync()).Should().Be(first, "the same options give the same postings");
    }

    [Fact]
    public async Task Data_RunTwice_GivesTheSameDataSet()
    {
        string[] options = ["--persons", "2000", "--households", "700", "--postings", "400", "--employers", "20"];
        await RunAsync(DataCommand.RunAsync, options);
        var first = await DataFingerprintAsync();
        await RunAsync(DataCommand.RunAsync, options);

        (await DataFingerprintAsync()).Should().Equal(first);
        (await CountAsync("persons")).Should().Be(2000);
        (await CountAsync("households")).Should().Be(700);
        (await TestSql.ScalarAsync<long>(_connectionString, $"SELECT count(*) FROM postings WHERE created_by_name = '{JobSearchCommand.PostingAuthor}'")).Should().Be(400);
        (await TestSql.ScalarAsync<long>(_connectionString, "SELECT count(*) FROM households WHERE status <> 0")).Should().BePositive("the household status job ran");
        (await CountAsync("eligibility_candidates")).Should().BePositive("the eligibility batch ran");
    }

    public async Task InitializeAsync() => _connectionString = await TestDatabases.CreateSeededAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task RunAsync(Func<IReadOnlyList<string>, CancellationToken, Task<int>> command, params string[] args) =>
        (await command(["--connection", _connectionString, .. args], CancellationToken.None)).Should().Be(0);

    /// <summary>The tables with a person_id or household_id column, found independently of the foreign keys.</summary>
    private async Task<List<string>> PersonColumnTablesAsync()
    {
        var names = await TestSql.ScalarAsync<string>(_connectionString, """
            SELECT string_agg(DISTINCT c.table_name, ',') FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = current_schema() AND c.column_name IN ('person_id', 'household_id')
            """);
        return [.. names.Split(',')];
    }

    private Task<long> CountAsync(string table) => TestSql.ScalarAsync<long>(_connectionString, $"SELECT count(*) FROM {table}");

    private async Task<List<long>> CountsAsync(IEnumerable<string> tables)
    {
        var counts = new List<long>();
        foreach (var table in tables)
        {
            counts.Add(await CountAsync(table));
        }

        return counts;
    }

    private Task<string> PostingsFingerprintAsync() => TestSql.ScalarAsync<string>(_connectionString, $"""
        SELECT md5(string_agg(p.id::text || p.title || p.description || p.status || e.credit_code || e.name, ',' ORDER BY p.id))
        FROM postings p JOIN employers e ON e.id = p.employer_id WHERE p.created_by_name = '{JobSearchCommand.PostingAuthor}'
        """);

    private async Task<List<string>> DataFingerprintAsync()
    {
        var fingerprints = new List<string>();
        foreach (var sql in new[]
                 {
                     "SELECT md5(string_agg(id::text || name || birth_date || region_code || id_number_last_four || employment_status || coalesce(household_id::text, '-'), ',' ORDER BY id)) FROM persons",
                     "SELECT md5(string_agg(id::text || status || region_code, ',' ORDER BY id)) FROM households",
                     "SELECT md5(string_agg(id::text || person_id || registered_on || coalesce(ended_on::text, '-'), ',' ORDER BY id)) FROM unemployment_registrations",
                     "SELECT md5(string_agg(household_id::text || \"from\" || \"to\" || \"on\", ',' ORDER BY household_id, \"on\", id)) FROM household_status_changes",
                     "SELECT md5(string_agg(person_id::text || scheme_code, ',' ORDER BY person_id, scheme_code)) FROM eligibility_candidates",
                     $"SELECT md5(string_agg(id::text || title || employer_id, ',' ORDER BY id)) FROM postings WHERE created_by_name = '{JobSearchCommand.PostingAuthor}'",
                     "SELECT md5(string_agg(posting_id::text, ',' ORDER BY posting_id)) FROM job_listings",
                     "SELECT md5(string_agg(region_code || day || opened || ended, ',' ORDER BY region_code, day)) FROM report_registration_days",
                 })
        {
            fingerprints.Add(await TestSql.ScalarAsync<string>(_connectionString, sql));
        }

        return fingerprints;
    }

    /// <summary>One row in every table that refers to persons, by the app's jobs where it has them, else by SQL.</summary>
    private async Task FillEveryPersonTableAsync()
    {
        await RunAsync(RecomputeCommand.RunAsync, "--iterations", "1");
        await using (var services = PortalServices.Build(_connectionString, DataScope.All))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EligibilityBatch>().RunAsync(null, TestClock.Today, CancellationToken.None);
        }

        await TestSql.ExecuteAsync(_connectionString, """
            CREATE TEMPORARY TABLE one AS
            SELECT p.id AS person, p.region_code, p.region_id, p.household_id AS household,
                   (SELECT id FROM postings ORDER BY id LIMIT 1) AS posting, (SELECT id FROM users WHERE user_name = 'seeker1') AS seeker,
                   gen_random_uuid() AS application, gen_random_uuid() AS notice
            FROM persons p WHERE p.household_id IS NOT NULL ORDER BY p.id LIMIT 1;
            INSERT INTO household_member_changes (household_id, person_id, joined, "on", relationship) SELECT household, person, true, @today, 1 FROM one;
            INSERT INTO hardship_certifications (id, person_id, region_code, category, application_date, check_decision, "check", requested_by_name, requested_at, status, valid_from)
            SELECT gen_random_uuid(), person, region_code, 'Hardship4050', @today, 1, '[]', 'test', @now, 2, @today FROM one;
            INSERT INTO job_applications (id, posting_id, account_id, person_id, name, phone, applied_at)
            SELECT gen_random_uuid(), posting, seeker, person, '测试', '13800000002', @now FROM one;
            INSERT INTO posting_pushes (id, person_id, posting_id, region_code, pushed_on, by_name) SELECT gen_random_uuid(), person, posting, region_code, @today, 'test' FROM one;
            INSERT INTO referrals (id, person_id, posting_id, region_code, referred_on, outcome, by_name, created_at)
            SELECT gen_random_uuid(), person, posting, region_code, @today, 1, 'test', @now FROM one;
            INSERT INTO seeker_links (id, account_id, person_id, id_number_hash, id_number_masked, name, phone, region_code, region_id, requested_at, status)
            SELECT gen_random_uuid(), seeker, person, '\x00'::bytea, '3707**********0000', '测试', '13800000002', region_code, region_id, @now, 1 FROM one;
            INSERT INTO transfer_requests (id, person_id, from_region_id, from_region_code, to_region_id, to_region_code, reason, requested_at, requested_by_name, status)
            SELECT gen_random_uuid(), person, region_id, region_code, region_id, region_code, 'test', @now, 'test', 1 FROM one;
            INSERT INTO notices (id, region_code, title, starts_on, ends_on, working_days, published_at, published_by_name, closed)
            SELECT notice, region_code, '测试公示', @today, @today + 5, 5, @now, 'test', false FROM one;
            INSERT INTO subsidy_applications (id, person_id, region_code, scheme_code, applicant_kind, applicant_name, application_date, "check", decision, facts,
                                              judged_at, last_action_at, person_judged_on, round, status, step_index, submitted_at, submitted_by_name, notice_id)
            SELECT application, person, region_code, 'PostSubsidy', 1, '测试', @today, '[]', 1, '{}', 1, @now, @today, 1, 1, 0, @now, 'test', notice FROM one;
            INSERT INTO subsidy_application_actions (id, application_id, action, actor_name, at, round, step_code, step_index)
            SELECT gen_random_uuid(), application, 1, 'test', @now, 1, 'community', 0 FROM one;
            INSERT INTO notice_entries (notice_id, application_id, applicant_name, masked_id_number, masked_name, region_code, region_name, scheme_code)
            SELECT notice, application, '测试', '3707**********0000', '测*', region_code, '测试社区', 'PostSubsidy' FROM one;
            INSERT INTO objections (id, notice_id, application_id, region_code, lodged_at, status, text) SELECT gen_random_uuid(), notice, application, region_code, @now, 1, '测试' FROM one;
            INSERT INTO payments (id, application_id, region_code, scheme_code, amount, paid_on, reference, recorded_by_name, recorded_at)
            SELECT gen_random_uuid(), application, region_code, 'PostSubsidy', 100, @today, 'PAY-1', 'test', @now FROM one;
            DROP TABLE one;
            """);
    }
}
