using System.Net;
using EmploymentPortal.Core.Persistence.Standby;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Reads from a standby (docs/adr/0008-standby-reads.md). There is no real standby here: the
/// "standby" is the test database through the app's login under its own application name, with
/// every transaction read-only as on a standby, so a write sent there would fail. Its state is
/// checked when a test says so (the background check is removed) through a probe whose lag a test
/// can set.
/// </summary>
public sealed class StandbyReadsTests(StandbyReadsTests.Standby portal) : IClassFixture<StandbyReadsTests.Standby>
{
    private const string ReadOnlyName = "portal-readonly";

    [Fact]
    public async Task JobsAndApi_AreServedByTheStandby_TheListingQueryRanOnItsConnection()
    {
        var routing = await portal.HealthyAsync();
        using var anonymous = portal.Factory.NewClient();

        var before = (routing.StandbyReads, routing.PrimaryReads);
        var (response, page) = await anonymous.GetPageAsync("/Jobs?q=" + Uri.EscapeDataString("保安"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Body!.TextContent.Should().Contain("小区保安员");
        routing.StandbyReads.Should().BeGreaterThan(before.StandbyReads);
        routing.PrimaryReads.Should().Be(before.PrimaryReads, "nothing of the search went to the primary");
        (await ListingQueriesOnStandbyAsync()).Should().BePositive("a connection named portal-readonly ran the search over job_listings");

        before = (routing.StandbyReads, routing.PrimaryReads);
        var api = await anonymous.GetAsync("/api/jobs?q=" + Uri.EscapeDataString("保安"));
        api.StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Content.ReadAsStringAsync()).Should().Contain("小区保安员");
        routing.StandbyReads.Should().Be(before.StandbyReads + 1, "one search, on the standby");
        routing.PrimaryReads.Should().Be(before.PrimaryReads);

        var ready = await anonymous.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Dashboard_OnTheStandby_UnderTheCallersScope_ASave_GoesToThePrimary_AndItsAuthorReadsThePrimaryAwhile()
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        var routing = await portal.HealthyAsync();
        using var city = portal.Factory.NewClient();
        (await city.SignInAsync("city1", Core.Seeding.DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // A save: through the read-only "standby" it would fail; it succeeds, so it went to the primary.
        const string sheet = "/Bureau/Targets?Year=2025";
        var saved = await city.SubmitFormAsync(sheet, new Dictionary<string, string> { [$"Values[{City}:ReEmployed]"] = "7100" });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM annual_targets WHERE year = 2025 AND value = 7100")).Should().Be(1);

        // Right after the save its author reads from the primary (Portal:ReadOnly:StickAfterWriteSeconds).
        var before = (routing.StandbyReads, routing.PrimaryReads);
        var onPrimary = await DashboardTests.RowsAsync(city, "/Bureau/Dashboard?region=370799000000&on=2025-03-10");
        routing.StandbyReads.Should().Be(before.StandbyReads, "the author of a save reads the primary for a few seconds");
        routing.PrimaryReads.Should().BeGreaterThan(before.PrimaryReads);

        // Once that has passed, the dashboard is read on the standby, with the city official's scope
        // told to its connections: the same hand-computed figures as DashboardTests.
        portal.Factory.Clock.Advance(TimeSpan.FromSeconds(Standby.StickSeconds + 1));
        before = (routing.StandbyReads, routing.PrimaryReads);
        var onStandby = await DashboardTests.RowsAsync(city, "/Bureau/Dashboard?region=370799000000&on=2025-03-10");
        routing.StandbyReads.Should().BeGreaterThan(before.StandbyReads);
        routing.PrimaryReads.Should().Be(before.PrimaryReads);
        onStandby["total"].Should().Equal([4, 1, 1, 0, 1, 2, 3, 3, 0, 0, 1, 0, 0, 0]);
        onPrimary["total"].Should().Equal([4, 1, 1, 0, 1, 2, 3, 3, 0, 0, 1, 0, 0, 0]);

        // The exports read there too: the dashboard as .xlsx.
        before = (routing.StandbyReads, routing.PrimaryReads);
        var export = await city.GetAsync("/Bureau/Dashboard?handler=Export&region=370799000000&on=2025-03-10");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be(Forms.DashboardPageModel.ExcelContentType);
        routing.StandbyReads.Should().BeGreaterThan(before.StandbyReads);
        routing.PrimaryReads.Should().Be(before.PrimaryReads);
    }

    [Fact]
    public async Task StandbyLagsMoreThanTheMaximum_ReadsGoToThePrimary_ReadyIsDegraded_ThenBack()
    {
        var routing = await portal.HealthyAsync();
        using var anonymous = portal.Factory.NewClient();
        portal.Probe.Lag = 45;
        try
        {
            await routing.RefreshAsync(CancellationToken.None);
            routing.UseStandby.Should().BeFalse();

            var before = (routing.StandbyReads, routing.PrimaryReads);
            var (response, page) = await anonymous.GetPageAsync("/Jobs?q=" + Uri.EscapeDataString("保安"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            page.Body!.TextContent.Should().Contain("小区保安员");
            routing.StandbyReads.Should().Be(before.StandbyReads);
            routing.PrimaryReads.Should().BeGreaterThan(before.PrimaryReads);

            var ready = await anonymous.GetAsync("/health/ready");
            ready.StatusCode.Should().Be(HttpStatusCode.OK, "a degraded instance stays behind the proxy");
            var text = await ready.Content.ReadAsStringAsync();
            text.Should().StartWith("Degraded").And.Contain("lags 45 s").And.Contain("MaxLagSeconds (30 s)");
            portal.Factory.Log.Should().Contain("Standby reads stopped");
        }
        finally
        {
            portal.Probe.Lag = null;
        }

        await routing.RefreshAsync(CancellationToken.None);
        routing.UseStandby.Should().BeTrue("caught up again");
        portal.Factory.Log.Should().Contain("Standby reads resumed");
    }

    [Fact]
    public async Task StandbyOnAClosedPort_ReadyDegraded_JobsStillAnswer_AndAFailedReadIsRetriedOnThePrimary()
    {
        var probe = new SettableProbe();
        var closed = new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + ReadOnlyOptions.ConnectionStringName] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2",
        };
        await using var factory = new PortalAppFactory(portal.ConnectionString, closed, services =>
        {
            services.RemoveAll<IStandbyProbe>();
            services.AddSingleton<IStandbyProbe>(probe);
        });
        using var anonymous = factory.NewClient();
        var routing = factory.Services.GetRequiredService<ReadRouting>();

        // The background check at start finds it closed.
        await Eventually.HoldsAsync(() => routing.Reason.StartsWith("The standby does not answer", StringComparison.Ordinal), "the first check has run");
        var ready = await anonymous.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().StartWith("Degraded").And.Contain("standby: The standby does not answer")
            .And.NotContain("127.0.0.1", "the anonymous answer names no address; the log has the details");
        factory.Log.Should().Contain("Standby reads stopped");
        var (response, page) = await anonymous.GetPageAsync("/Jobs?q=" + Uri.EscapeDataString("保安"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Body!.TextContent.Should().Contain("小区保安员");

        // A check that wrongly finds it well: the search fails there, runs again on the primary, and the standby is dropped.
        probe.Status = new StandbyStatus(true, 0);
        await routing.RefreshAsync(CancellationToken.None);
        routing.UseStandby.Should().BeTrue();
        var before = routing.PrimaryReads;
        var api = await anonymous.GetAsync("/api/jobs?q=" + Uri.EscapeDataString("保安"));
        api.StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Content.ReadAsStringAsync()).Should().Contain("小区保安员");
        routing.PrimaryReads.Should().Be(before + 1, "retried once on the primary");
        routing.UseStandby.Should().BeFalse();
        (await (await anonymous.GetAsync("/health/ready")).Content.ReadAsStringAsync()).Should().Contain("A read failed on the standby");
    }

    [Fact]
    public async Task NoStandbyConfigured_ReadyIsHealthy_AndNoMarkerCookieIsSet()
    {
        await using var factory = new PortalAppFactory(portal.ConnectionString);
        using var client = factory.NewClient();
        factory.Services.GetRequiredService<ReadRouting>().Configured.Should().BeFalse();
        (await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync()).Should().Be("Healthy");
        var signIn = await client.SignInAsync("city1", Core.Seeding.DemoCity.Password);
        signIn.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith(Health.StandbyReads.CookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>How many connections named portal-readonly last ran a statement over the public listing (read as the app's login, which sees its own sessions' statements).</summary>
    private async Task<long> ListingQueriesOnStandbyAsync() =>
        await TestSql.ScalarAsync<long>(PostgresServer.AppConnectionStringFor(portal.ConnectionString),
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ReadOnlyName}' AND query LIKE '%job_listings%'");

    /// <summary>A probe that answers what a test set, else asks the server.</summary>
    public sealed class SettableProbe : IStandbyProbe
    {
        private readonly PostgresStandbyProbe _real = new(new Domain.Common.BusinessClock(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestClock.Start), Domain.Common.BusinessClock.FindZone(null)));

        /// <summary>The lag to report instead of the measured one (null: measured).</summary>
        public double? Lag { get; set; }

        /// <summary>The whole answer instead of asking (null: ask).</summary>
        public StandbyStatus? Status { get; set; }

        public async Task<StandbyStatus> ProbeAsync(string connectionString, CancellationToken cancellationToken)
        {
            if (Status is { } status)
            {
                return status;
            }

            var found = await _real.ProbeAsync(connectionString, cancellationToken);
            return Lag is { } lag ? found with { InRecovery = true, LagSeconds = lag } : found;
        }
    }

    /// <summary>A seeded database and a portal whose standby is that database, read-only, under the name portal-readonly.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
    public sealed class Standby : IAsyncLifetime
    {
        /// <summary>Long enough that the test client keeps the marker cookie: the portal compares its instant with the business clock, which the test advances.</summary>
        public const int StickSeconds = 60;

        private PortalAppFactory? _factory;

        public PortalAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

        public string ConnectionString => Factory.ConnectionString;

        public SettableProbe Probe { get; } = new();

        /// <summary>The routing after a check that found the standby well.</summary>
        public async Task<ReadRouting> HealthyAsync()
        {
            var routing = Factory.Services.GetRequiredService<ReadRouting>();
            await routing.RefreshAsync(CancellationToken.None);
            routing.UseStandby.Should().BeTrue(routing.Reason);
            return routing;
        }

        public async Task InitializeAsync()
        {
            var connectionString = await TestDatabases.CreateSeededAsync();
            var readOnly = new NpgsqlConnectionStringBuilder(PostgresServer.AppConnectionStringFor(connectionString))
            {
                ApplicationName = ReadOnlyName,
                Options = "-c default_transaction_read_only=on",
            };
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:" + ReadOnlyOptions.ConnectionStringName] = readOnly.ConnectionString,
                ["Portal:ReadOnly:StickAfterWriteSeconds"] = StickSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            _factory = new PortalAppFactory(connectionString, settings, services =>
            {
                services.RemoveAll<IStandbyProbe>();
                services.AddSingleton<IStandbyProbe>(Probe);
                var monitor = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StandbyMonitor));
                services.Remove(monitor);
            });
        }

        public async Task DisposeAsync()
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }
        }
    }
}
