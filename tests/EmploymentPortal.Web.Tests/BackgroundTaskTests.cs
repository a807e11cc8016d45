using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>Every ledger export goes to the background here, so that its task and link can be tested on a small register.</summary>
public sealed class BackgroundExportFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Portal:Tasks:ExportInBackgroundAbove"] = "0" };
}

/// <summary>
/// Issue 16, item 5 (docs/adr/0007): long work runs as a background task kept in the database; its
/// page shows the progress and survives a reload, then the result; only its requester sees it; a
/// task its process left running is marked failed by the scheduler's housekeeping.
/// </summary>
public sealed class BackgroundTaskTests(BackgroundExportFixture portal) : IClassFixture<BackgroundExportFixture>
{
    [Fact]
    public async Task Import_RunsInTheBackground_ItsPageSurvivesAReload_AndOnlyItsRequesterSeesIt()
    {
        using var staff = await portal.SignInAsync("community1");
        var rows = ImportBoundsTests.DataRow(2, TestIds.Make(new DateOnly(1978, 8, 28), Sex.Male, "370705"), "后台甲")
            + ImportBoundsTests.DataRow(3, TestIds.Make(new DateOnly(1979, 9, 29), Sex.Female, "370705"), "后台乙");

        var posted = await staff.UploadAsync("/Station/Persons/Import", "file", "two.xlsx", ImportBoundsTests.Xlsx(ImportBoundsTests.Sheet(rows)), new Dictionary<string, string> { ["Mode"] = "AllOrNothing" });

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, "the upload is stored and queued, and the browser goes to the task's page");
        var taskPage = posted.Headers.Location!.OriginalString;
        taskPage.Should().MatchRegex("^/Station/Tasks/[0-9a-f-]{36}$");
        var (_, first) = await staff.GetPageAsync(taskPage);
        first.QuerySelector("[data-testid=task]").Should().NotBeNull("the task's page shows at once, whatever the task's state");
        var done = await Html.ParseAsync(await staff.FollowTaskAsync(posted));
        done.QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 2 行：导入 2 行，不合格 0 行");
        var (_, reloaded) = await staff.GetPageAsync(taskPage);
        reloaded.QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 2 行：导入 2 行", "the result is kept with the task");
        reloaded.QuerySelector("meta[http-equiv=refresh]").Should().BeNull("a finished task's page stops refreshing");

        var id = taskPage[(taskPage.LastIndexOf('/') + 1)..];
        (await Scalar($"SELECT count(*) FROM background_tasks WHERE id = '{id}' AND state = 3 AND requested_by_name = 'community1' AND input IS NULL AND done = 2")).Should().Be(1, "the upload is dropped when the work ends");
        (await Scalar("SELECT count(*) FROM audit_events WHERE action = 'LedgerImported' AND actor_name = 'community1' AND after ->> 'imported' = '2' AND after::text LIKE '%370705197808%'"))
            .Should().Be(0, "the audit holds masked numbers only");
        (await Scalar("SELECT count(*) FROM audit_events a, jsonb_array_elements(a.after -> 'persons') e JOIN persons p ON p.id = (e ->> 'id')::uuid WHERE a.action = 'LedgerImported' AND a.actor_name = 'community1' AND p.name IN ('后台甲', '后台乙')"))
            .Should().Be(2, "the import's audit event names the user who asked, not the runner");

        using var neighbour = await portal.SignInAsync("community2");
        (await neighbour.GetAsync(taskPage)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another area's user");
        (await neighbour.GetAsync(taskPage + "?handler=Status")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var street = await portal.SignInAsync("street1");
        (await street.GetAsync(taskPage)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a user whose area holds the task, but who did not ask for it");
        using var county = await portal.SignInAsync("county1");
        (await county.GetAsync("/Bureau/Tasks/" + id)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await staff.GetAsync(taskPage + "?handler=Status")).Content.ReadAsStringAsync()).Should().Contain("\"state\":\"Succeeded\"").And.Contain("\"done\":2");
    }

    [Fact]
    public async Task TaskLeftRunningByAProcessThatEnded_IsMarkedFailedByTheHousekeeping_AndOneStillHeldIsNot()
    {
        using var staff = await portal.SignInAsync("community1");
        var user = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = 'community1'");
        var orphan = Guid.NewGuid();
        var held = Guid.NewGuid();
        foreach (var id in new[] { orphan, held })
        {
            await Execute(
                $"""
                INSERT INTO background_tasks (id, kind, state, requested_by_id, requested_by_name, region_code, culture, done, total, created_at, started_at)
                VALUES ('{id}', 'ledger-import', 2, '{user}', 'community1', '{Community1}', 'zh-CN', 12000, NULL, '2026-01-05 01:00:00+00', '2026-01-05 01:00:01+00')
                """);
        }

        // Another live instance runs the second: its session holds the task's advisory lock (namespace 0x7A5C07, key the id's last four bytes).
        await using var otherInstance = new NpgsqlConnection(portal.ConnectionString);
        await otherInstance.OpenAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock($1, $2)", otherInstance) { Parameters = { new() { Value = 0x7A_5C_07 }, new() { Value = BitConverter.ToInt32(held.ToByteArray(), 12) } } })
        {
            await hold.ExecuteScalarAsync();
        }

        var (_, running) = await staff.GetPageAsync($"/Station/Tasks/{orphan}");
        running.QuerySelector("[data-testid=task-progress]")!.TextContent.Should().Contain("已处理 12,000 行");
        running.QuerySelector("progress").Should().NotBeNull();
        running.QuerySelector("meta[http-equiv=refresh]").Should().NotBeNull("the page refreshes itself while the task runs, without script");

        // The scheduler's housekeeping (TaskHousekeeping, every five minutes on any instance).
        await portal.Factory.Services.GetRequiredService<EmploymentPortal.Web.Jobs.BackgroundTaskRunner>().HousekeepAsync(CancellationToken.None);

        (await Scalar($"SELECT count(*) FROM background_tasks WHERE id = '{orphan}' AND state = 4 AND message = 'Tasks.Abandoned' AND finished_at IS NOT NULL")).Should().Be(1);
        (await Scalar($"SELECT count(*) FROM background_tasks WHERE id = '{held}' AND state = 2")).Should().Be(1, "a task another live process holds goes on");
        var (_, failed) = await staff.GetPageAsync($"/Station/Tasks/{orphan}");
        failed.QuerySelector("[data-testid=task-failed]")!.TextContent.Should().Contain("服务器在处理期间重新启动");
    }

    [Fact]
    public async Task LargeExport_RunsInTheBackground_AndItsPageLinksToTheFile()
    {
        using var staff = await portal.SignInAsync("community1");
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1982, 2, 22), Sex.Male), "后台导出者", Community1);

        var asked = await staff.GetAsync("/Station/Persons?handler=Export");

        asked.StatusCode.Should().Be(HttpStatusCode.Redirect, "over Portal:Tasks:ExportInBackgroundAbove the export is queued");
        var done = await Html.ParseAsync(await staff.FollowTaskAsync(asked));
        var link = done.QuerySelector("[data-testid=task-download]")!.GetAttribute("href")!;
        var file = await staff.GetAsync(link);
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var names = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["姓名"]?.ToString()).ToList();
        names.Should().Contain("后台导出者");
        (await Scalar("SELECT count(*) FROM audit_events WHERE action = 'LedgerExported' AND actor_name = 'community1'")).Should().BeGreaterThanOrEqualTo(1);

        using var neighbour = await portal.SignInAsync("community2");
        (await neighbour.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the file is its requester's");
    }

    /// <summary>
    /// Finished tasks are kept <c>Portal:Tasks:KeepFinishedFor</c> (7 days), their page says until
    /// when, and the runner then deletes them with their results and files; queued and running tasks
    /// stay however old.
    /// </summary>
    [Fact]
    public async Task FinishedTasks_PastTheirKeepingTime_AreDeleted_OthersStay()
    {
        using var staff = await portal.SignInAsync("community1");
        var user = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = 'community1'");
        var now = portal.Clock.GetUtcNow();
        string At(TimeSpan ago) => (now - ago).ToString("yyyy-MM-dd HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var tasks = new (Guid Id, int State, TimeSpan Ago, bool Kept)[]
        {
            (Guid.NewGuid(), 3, TimeSpan.FromDays(8), false),
            (Guid.NewGuid(), 4, TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1), false),
            (Guid.NewGuid(), 3, TimeSpan.FromDays(6), true),
            (Guid.NewGuid(), 1, TimeSpan.FromDays(30), true),
            (Guid.NewGuid(), 2, TimeSpan.FromDays(30), true),
        };
        foreach (var (id, state, ago, _) in tasks)
        {
            var finished = state >= 3 ? $"'{At(ago)}'" : "NULL";
            await Execute(
                $"""
                INSERT INTO background_tasks (id, kind, state, requested_by_id, requested_by_name, region_code, culture, done, total, created_at, started_at, finished_at, result_file)
                VALUES ('{id}', 'ledger-export', {state}, '{user}', 'community1', '{Community1}', 'zh-CN', 1, 1, '{At(ago + TimeSpan.FromMinutes(5))}', '{At(ago + TimeSpan.FromMinutes(4))}', {finished}, '\x00')
                """);
        }

        var (_, recent) = await staff.GetPageAsync($"/Station/Tasks/{tasks[2].Id}");
        var keptUntil = portal.Clock.GetUtcNow() - TimeSpan.FromDays(6) + TimeSpan.FromDays(7);
        recent.QuerySelector("[data-testid=task-kept-until]")!.TextContent.Should()
            .Be($"结果和文件保留至 {keptUntil.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}，之后自动删除。");

        await portal.Factory.Services.GetRequiredService<EmploymentPortal.Web.Jobs.BackgroundTaskRunner>().HousekeepAsync(CancellationToken.None);

        foreach (var (id, state, ago, kept) in tasks)
        {
            (await Scalar($"SELECT count(*) FROM background_tasks WHERE id = '{id}'")).Should().Be(kept ? 1 : 0, $"a task in state {state} finished or made {ago.TotalDays:0.#} days ago");
        }

        (await staff.GetAsync($"/Station/Tasks/{tasks[0].Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// An import's progress has a total while its rows are read: the rows the sheet declares (its
    /// used range less the header), so the bar moves from the first report; the writing then
    /// reports (rows, rows). A sheet that declares no range reads without a total.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ImportProgress_TakesItsTotalFromTheSheetsDeclaredRange(bool declared)
    {
        const int rows = 2_500;
        var user = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = 'community1'");
        var data = string.Concat(Enumerable.Range(2, rows).Select(n => ImportBoundsTests.DataRow(n, "not-a-number", "进度" + n)));
        var file = ImportBoundsTests.Xlsx(ImportBoundsTests.Sheet(data, declared ? $"A1:K{rows + 1}" : null));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<EmploymentPortal.Core.Scoping.TaskRequester>().Enter(user, "community1", "CommunityStaff", Community1);
        var excel = scope.ServiceProvider.GetRequiredService<EmploymentPortal.Core.Persons.LedgerExcel>();
        var heard = new List<(int Done, int? Total)>();

        var result = await excel.ImportAsync(new MemoryStream(file), EmploymentPortal.Core.Persons.ImportMode.AllOrNothing, CancellationToken.None, (done, total) => heard.Add((done, total)));

        result.Imported.Should().Be(0, "every row's ID number is wrong");
        heard.Should().Contain((1_000, declared ? rows : null)).And.Contain((2_000, declared ? rows : null));
        heard[^1].Should().Be((rows, rows));
    }

    private Task<long> Scalar(string sql) => TestSql.ScalarAsync<long>(portal.ConnectionString, sql);

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
