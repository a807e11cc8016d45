using System.Net;
using EmploymentPortal.Core.BackgroundWork;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Jobs;
using EmploymentPortal.Web.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Quartz;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Scheduling on Quartz.NET (docs/adr/0009-quartz-scheduling.md): a daily job fires once across two
/// instances on one clustered store, the admin page lists and triggers jobs, and a failing job is
/// logged and retried. Every portal here runs the scheduler on a fake clock that moves only when
/// the test moves it.
/// </summary>
public sealed class SchedulerTests(SchedulerTests.SchedulerFixture portal) : IClassFixture<SchedulerTests.SchedulerFixture>
{
    /// <summary>00:05 in Shanghai on 2026-06-16, the first posting-expiry time after <see cref="TestClock.Start"/> (10:00 there).</summary>
    private static readonly DateTimeOffset FirstExpiry = new(2026, 6, 15, 16, 5, 0, TimeSpan.Zero);

    /// <summary>One portal that runs the scheduler, with only the posting expiry scheduled.</summary>
    public sealed class SchedulerFixture : PortalFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = SchedulerSettings("fixture");
    }

    [Fact]
    public async Task DailyJob_DueWhileTwoInstancesRun_FiresExactlyOnce_AndMissedDaysFireOnce()
    {
        var connectionString = await TestDatabases.CreateSeededAsync();
        // One wall clock for both instances, as on real machines.
        var clock = new FakeTimeProvider(TestClock.Start);
        await using var first = TwoInstanceFactory(connectionString, "first", clock);
        await using var second = TwoInstanceFactory(connectionString, "second", clock);
        var schedulers = new[] { await StartedSchedulerAsync(first), await StartedSchedulerAsync(second) };

        var trigger = await schedulers[0].GetTrigger(new TriggerKey(PortalJobs.PostingExpiry.Name, PortalJobs.Group));
        trigger!.NextFireTimeUtc.Should().Be(FirstExpiry);
        (await schedulers[1].GetTrigger(new TriggerKey(PortalJobs.Eligibility.Name, PortalJobs.Group))).Should().BeNull("a job with an empty schedule is off");

        // Shift the clock to just before the fire time, let both instances check in, then walk past it.
        clock.SetUtcNow(FirstExpiry - TimeSpan.FromSeconds(10));
        await Task.Delay(1000);
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        await EventuallyAsync(async () => await RunsAsync(connectionString, PortalJobs.PostingExpiry.Name) >= 1, "the posting expiry ran");
        await Task.Delay(2000);
        var runs = await RunRowsAsync(connectionString, PortalJobs.PostingExpiry.Name);
        runs.Should().ContainSingle();
        runs[0].Instance.Should().BeOneOf("first", "second");
        runs[0].Succeeded.Should().BeTrue();
        // Started at its time, or as soon after as the scheduler's thread saw the clock pass it (the
        // loop above moves the clock a second at a time; a loaded machine lags behind it).
        runs[0].Started.Should().BeOnOrAfter(FirstExpiry).And.BeCloseTo(FirstExpiry, TimeSpan.FromSeconds(20));
        (await schedulers[0].GetTrigger(new TriggerKey(PortalJobs.PostingExpiry.Name, PortalJobs.Group)))!.NextFireTimeUtc.Should().Be(FirstExpiry.AddDays(1));

        // One instance stops; the clock jumps three days and two hours: the three missed firings make one run now (misfire: fire once, skip the rest), on the instance left.
        await second.DisposeAsync();
        var resumed = FirstExpiry.AddDays(3).AddHours(2);
        clock.SetUtcNow(resumed);
        for (var i = 0; i < 300 && await RunsAsync(connectionString, PortalJobs.PostingExpiry.Name) < 2; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
        }

        await Task.Delay(2000);
        runs = await RunRowsAsync(connectionString, PortalJobs.PostingExpiry.Name);
        runs.Should().HaveCount(2);
        runs[1].Instance.Should().Be("first");
        // "Now" is the shifted clock when the instance left picks the misfired trigger up: within the
        // minutes the loop above may walk on a loaded machine, and long before the next day's firing.
        runs[1].Started.Should().BeCloseTo(resumed, TimeSpan.FromMinutes(5));
        (await schedulers[0].GetTrigger(new TriggerKey(PortalJobs.PostingExpiry.Name, PortalJobs.Group)))!.NextFireTimeUtc.Should().Be(FirstExpiry.AddDays(4));
    }

    /// <summary>
    /// A background task (here a ledger export) asked for on an instance that does not run the
    /// scheduler is stored as a trigger in the clustered store, and run once by an instance that
    /// does, at its next look; its trigger is gone after, and a second firing does nothing.
    /// </summary>
    [Fact]
    public async Task BackgroundTask_QueuedOnAnInstanceWithoutTheScheduler_RunsOnceOnOneThatRunsIt()
    {
        var connectionString = await TestDatabases.CreateSeededAsync();
        var clock = new FakeTimeProvider(TestClock.Start);
        await using var pages = TwoInstanceFactory(connectionString, "pages", clock, run: false);
        await using var worker = TwoInstanceFactory(connectionString, "worker", clock);
        await StartedSchedulerAsync(worker);
        pages.CreateClient().Dispose();
        var user = await TestSql.ScalarAsync<Guid>(connectionString, "SELECT id FROM users WHERE user_name = 'community1'");
        Guid id;
        await using (var scope = pages.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TaskRequester>().Enter(user, "community1", "CommunityStaff", DemoIds.Community1);
            var query = new PersonListQuery(null, null, null, false, false, null, null, default, 1, 20);
            id = await scope.ServiceProvider.GetRequiredService<IBackgroundTaskQueue>()
                .EnqueueAsync(LedgerExportWork.KindName, new LedgerExportParameters(query, "台账.xlsx"), null, CancellationToken.None);
        }

        (await ScalarAsync(connectionString, $"SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'tasks' AND trigger_name = '{id:N}'")).Should().Be(1, "the task is handed to the clustered store");
        // The worker looks for stored triggers every Portal:Tasks:PollInterval on the shared clock.
        for (var i = 0; i < 300 && await StateAsync(connectionString, id) != 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        (await StateAsync(connectionString, id)).Should().Be(3, "the export succeeded on the instance that runs the scheduler");
        await EventuallyAsync(async () => await ScalarAsync(connectionString, "SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'tasks'") == 0, "a one-shot trigger is removed once its job has run");
        (await ScalarAsync(connectionString, "SELECT count(*) FROM audit_events WHERE action = 'LedgerExported' AND actor_name = 'community1'")).Should().Be(1);
        (await worker.Services.GetRequiredService<BackgroundTaskRunner>().RunAsync(id, CancellationToken.None)).Should().BeFalse("a task runs once");
        (await ScalarAsync(connectionString, "SELECT count(*) FROM scheduled_job_runs")).Should().Be(0, "a task's outcome is kept on the task, not with the scheduled jobs");
    }

    [Fact]
    public async Task AdminPage_ListsTheJobs_AndRunsOneNow_Audited()
    {
        await StartedSchedulerAsync(portal.Factory);
        var admin = await portal.SignInAsync("admin");
        var (response, page) = await admin.GetPageAsync("/Admin/Scheduler");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=scheduled-jobs] tbody tr").Select(r => r.GetAttribute("data-job"))
            .Should().Equal("HouseholdStatus", "Eligibility", "PostingExpiry", "NoticeClosing", "TaskHousekeeping");
        var expiry = page.QuerySelector("tr[data-job=PostingExpiry]")!.TextContent;
        expiry.Should().Contain("0 5 0 * * ?").And.Contain("2026-06-16 00:05:00");
        page.QuerySelector("tr[data-job=Eligibility]")!.TextContent.Should().Contain("已停用");

        var before = await RunsAsync(portal.ConnectionString, PortalJobs.PostingExpiry.Name);
        var posted = await admin.SubmitFormAsync("/Admin/Scheduler/Run?job=PostingExpiry", new Dictionary<string, string>());
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.Should().Be("/Admin/Scheduler");

        await EventuallyAsync(async () => await RunsAsync(portal.ConnectionString, PortalJobs.PostingExpiry.Name) > before, "the triggered job ran");
        var run = (await RunRowsAsync(portal.ConnectionString, PortalJobs.PostingExpiry.Name))[^1];
        run.Manual.Should().BeTrue();
        run.Succeeded.Should().BeTrue();
        (await ScalarAsync(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'ScheduledJobTriggered' AND entity_id = 'PostingExpiry' AND actor_name = 'admin'")).Should().Be(1);
        (await admin.GetPageAsync("/Admin/Scheduler")).Document.QuerySelector("tr[data-job=PostingExpiry]")!.TextContent.Should().Contain("成功");

        var county = await portal.SignInAsync("county1");
        (await county.GetAsync("/Admin/Scheduler")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await county.GetAsync("/Admin/Scheduler/Run?job=PostingExpiry")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FailingJob_IsLoggedAndRetried_ThenLeftToItsSchedule()
    {
        var scheduler = await StartedSchedulerAsync(portal.Factory);
        var job = JobBuilder.Create<AlwaysFailingJob>().WithIdentity(nameof(AlwaysFailingJob), "tests").Build();
        var trigger = TriggerBuilder.Create(portal.Clock).ForJob(job).StartNow().Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing);

        await EventuallyAsync(async () => await RunsAsync(portal.ConnectionString, nameof(AlwaysFailingJob)) == 1, "the first run failed");
        // The retry policy: twice more, a minute apart (business clock).
        for (var retry = 2; retry <= 3; retry++)
        {
            portal.Clock.Advance(TimeSpan.FromSeconds(61));
            var expected = retry;
            await EventuallyAsync(async () => await RunsAsync(portal.ConnectionString, nameof(AlwaysFailingJob)) == expected, $"retry {retry - 1} ran");
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(1500);
        var runs = await RunRowsAsync(portal.ConnectionString, nameof(AlwaysFailingJob));
        runs.Should().HaveCount(3).And.OnlyContain(r => !r.Succeeded && r.Message == AlwaysFailingJob.Failure);
        portal.Factory.Log.Should().Contain("Scheduled job AlwaysFailingJob failed (retry 0)")
            .And.Contain("Scheduled job AlwaysFailingJob failed (retry 2)")
            .And.Contain(AlwaysFailingJob.Failure);
    }

    /// <summary>A job whose every run fails: retried twice, a minute apart.</summary>
    [RetryPolicy(2, "00:01:00")]
    [DisallowConcurrentExecution]
    public sealed class AlwaysFailingJob(IServiceScopeFactory scopes, ILogger<AlwaysFailingJob> logger) : ScheduledJob(scopes, logger)
    {
        public const string Failure = "The test job failed on purpose.";

        protected override Task RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) => throw new InvalidOperationException(Failure);
    }

    private static Dictionary<string, string?> SchedulerSettings(string instanceId) => new()
    {
        ["Portal:Scheduler:Run"] = "true",
        ["Portal:Scheduler:InstanceId"] = instanceId,
        ["Portal:Scheduler:Jobs:PostingExpiry"] = "0 5 0 * * ?",
        ["Portal:Scheduler:Jobs:HouseholdStatus"] = "",
        ["Portal:Scheduler:Jobs:Eligibility"] = "",
        ["Portal:Scheduler:Jobs:NoticeClosing"] = "",
        ["Portal:Scheduler:Jobs:TaskHousekeeping"] = "",
    };

    private static PortalAppFactory TwoInstanceFactory(string connectionString, string instanceId, FakeTimeProvider clock, bool run = true) =>
        new(connectionString, new Dictionary<string, string?>(SchedulerSettings(instanceId)) { ["Portal:Scheduler:Run"] = run ? "true" : "false" }, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });

    /// <summary>Starts the portal (and so its scheduler) and returns the scheduler once it runs.</summary>
    private static async Task<IScheduler> StartedSchedulerAsync(PortalAppFactory factory)
    {
        factory.CreateClient().Dispose();
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await EventuallyAsync(async () => await scheduler.GetStatus() == SchedulerStatus.Running, "the scheduler started");
        // PortalSchedule writes the triggers in the background as the portal starts.
        await EventuallyAsync(async () => await scheduler.GetTrigger(new TriggerKey(PortalJobs.PostingExpiry.Name, PortalJobs.Group)) is not null, "the schedule was written");
        return scheduler;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Still not true after 30 s: {what}");
    }

    private sealed record Run(string Instance, DateTimeOffset Started, bool Succeeded, string? Message, bool Manual);

    private static async Task<long> StateAsync(string connectionString, Guid task) =>
        await ScalarAsync(connectionString, $"SELECT coalesce(max(state), 0) FROM background_tasks WHERE id = '{task}'");

    private static async Task<long> RunsAsync(string connectionString, string job) =>
        await ScalarAsync(connectionString, $"SELECT count(*) FROM scheduled_job_runs WHERE job = '{job}'");

    private static async Task<List<Run>> RunRowsAsync(string connectionString, string job)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance, started_at, succeeded, message, manual FROM scheduled_job_runs WHERE job = @job ORDER BY id", connection);
        command.Parameters.AddWithValue("job", job);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<Run>();
        while (await reader.ReadAsync())
        {
            runs.Add(new Run(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4)));
        }

        return runs;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
