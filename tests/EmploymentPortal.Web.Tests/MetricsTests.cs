using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// <c>/metrics</c> (issue 17, "Metrics"; docs/adr/0010-metrics.md): Prometheus text to a caller in
/// <c>Portal:Metrics:AllowedNetworks</c> (the loopback by default) or with the configured token, 404 to
/// everyone else; the business counters move when the thing they count happens.
/// </summary>
public sealed class MetricsTests(MetricsTests.Fixture portal) : IClassFixture<MetricsTests.Fixture>
{
    private const string Token = "scrape-token-for-tests-0123456789";
    private const string Outside = "203.0.113.7";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task AllowedNetwork_GetsPrometheusText_WithHttpRuntimeDatabaseAndBusinessMetrics(string address)
    {
        using var client = portal.From(address);
        (await client.GetAsync("/Jobs?Keyword=" + Uri.EscapeDataString("焊工"))).StatusCode.Should().Be(HttpStatusCode.OK);

        // ASP.NET Core records a request's duration when it disposes the request, which can come just
        // after the client has the response: scrape until the search's request is in (bounded).
        HttpResponseMessage response;
        string text;
        var attempts = 0;
        do
        {
            response = await client.GetAsync(MetricsSettings.Path);
            text = await response.Content.ReadAsStringAsync();
        }
        while (!text.Contains("# TYPE http_server_request_duration_seconds", StringComparison.Ordinal) && ++attempts < 100 && await Pause());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        response.Content.Headers.ContentType.Parameters.Should().Contain(p => p.Name == "version" && p.Value == "0.0.4");
        text.Should().MatchRegex("target_info\\{[^}]*service_name=\"EmploymentPortal\"")
            .And.Contain("# TYPE http_server_request_duration_seconds histogram")
            .And.Contain("# TYPE dotnet_gc_collections_total counter")
            .And.Contain("# TYPE db_client_operation_duration_seconds histogram")
            .And.Contain("# TYPE portal_job_search_requests_total counter")
            .And.Contain("# TYPE portal_job_search_duration_seconds histogram")
            .And.MatchRegex("portal_job_search_duration_seconds_bucket\\{otel_scope_name=\"EmploymentPortal\",plan=\"(order_walk|term_index)\",le=\"0.005\"\\} [1-9]");
    }

    [Fact]
    public async Task OutsideTheNetworks_WithoutToken_NotFound_AndNothingOfTheMetrics()
    {
        using var client = portal.From(Outside);

        var response = await client.GetAsync(MetricsSettings.Path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("# TYPE").And.NotContain("http_server");
    }

    [Fact]
    public async Task UnknownAddress_NotFound()
    {
        // The test server leaves the remote address unset: an unknown caller is not an allowed one.
        using var client = portal.Anonymous();

        (await client.GetAsync(MetricsSettings.Path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LoopbackConnection_RelayingAnUntrustedForwardedFor_NotFound()
    {
        // A proxy on the loopback that the portal was not told to trust (no KnownProxies) relays an outside client.
        using var client = portal.From("127.0.0.1");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Outside);

        (await client.GetAsync(MetricsSettings.Path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OutsideTheNetworks_RightToken_Ok_WrongToken_NotFound()
    {
        using var right = portal.From(Outside);
        right.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var wrong = portal.From(Outside);
        wrong.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        using var basic = portal.From(Outside);
        basic.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Token);

        var ok = await right.GetAsync(MetricsSettings.Path);
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).Should().Contain("# TYPE http_server_request_duration_seconds histogram");
        (await wrong.GetAsync(MetricsSettings.Path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await basic.GetAsync(MetricsSettings.Path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Registration_ThroughThePage_CountsOnePerson_AndIsExported()
    {
        using var measured = new Measurements(portal);

        using var staff = await portal.SignInAsync("community1");
        var response = await staff.RegisterPersonAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1983, 5, 20), Sex.Male), "陈计数", null);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        measured.Sum("portal.persons.registered").Should().Be(1);
        using var scraper = portal.From("127.0.0.1");
        var text = await (await scraper.GetAsync(MetricsSettings.Path)).Content.ReadAsStringAsync();
        var line = text.Split('\n').Single(l => l.StartsWith("portal_persons_registered_total", StringComparison.Ordinal));
        double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Import_ThroughThePage_CountsItsRowsByOutcome_AndItsTask()
    {
        using var measured = new Measurements(portal);
        using var staff = await portal.SignInAsync("community1");
        var rows = ImportBoundsTests.DataRow(2, TestIds.Make(new DateOnly(1977, 7, 17), Sex.Female), "计数甲")
            + ImportBoundsTests.DataRow(3, "not-a-number", "计数乙");

        var posted = await staff.UploadAsync("/Station/Persons/Import", "file", "counted.xlsx", ImportBoundsTests.Xlsx(ImportBoundsTests.Sheet(rows, "A1:K3")), new Dictionary<string, string> { ["Mode"] = "ValidRows" });
        var done = await Html.ParseAsync(await staff.FollowTaskAsync(posted));
        done.QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("导入 1 行，不合格 1 行");

        await Eventually.HoldsAsync(() => measured.Sum("portal.jobs.runs", "outcome", "succeeded") == 1, "the task's run is counted");
        measured.Sum("portal.jobs.runs", "job", EmploymentPortal.Core.Persons.LedgerImportWork.KindName).Should().Be(1);
        measured.Sum("portal.imports", "outcome", "completed").Should().Be(1);
        measured.Sum("portal.import.rows", "outcome", "imported").Should().Be(1);
        measured.Sum("portal.import.rows", "outcome", "rejected").Should().Be(1);
        measured.Sum("portal.import.rows", "outcome", "withheld").Should().Be(0);
    }

    [Theory]
    [InlineData("10.1.2.3", "10.0.0.0/8", true)]
    [InlineData("10.1.2.3", "192.168.0.0/16", false)]
    [InlineData("::ffff:10.1.2.3", "10.0.0.0/8", true)]
    [InlineData("fd00::5", "fd00::/8", true)]
    [InlineData("127.0.0.2", "::1", false)]
    public void Networks_MatchByPrefix(string address, string network, bool allowed)
    {
        var access = new MetricsAccess(new MetricsSettings { AllowedNetworks = [network] });
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        access.Allows(context).Should().Be(allowed);
    }

    [Fact]
    public void Networks_NotACidr_RefusedAtStart()
    {
        var start = () => new MetricsAccess(new MetricsSettings { AllowedNetworks = ["10.0.0.0/33"] });

        start.Should().Throw<InvalidOperationException>().WithMessage("*Portal:Metrics:AllowedNetworks*10.0.0.0/33*");
    }

    /// <summary>
    /// The measurements of this portal's business meter while it lives, by instrument and tags (other test
    /// classes' portals run in the same process, each with its own meter factory).
    /// </summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> seen = [];

        public Measurements(Fixture portal)
        {
            var factory = portal.Factory.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
            listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
            listener.Start();
        }

        /// <summary>The sum of an instrument's measurements, of those with the tag when one is given.</summary>
        public double Sum(string instrument, string? tag = null, string? value = null)
        {
            lock (seen)
            {
                return seen.Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value)))).Sum(m => m.Value);
            }
        }

        public void Dispose() => listener.Dispose();

        private void Add(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = tags.ToArray();
            lock (seen)
            {
                seen.Add((instrument, value, copy));
            }
        }
    }

    /// <summary>A portal whose callers' addresses tests choose, with a scrape token configured.</summary>
    public sealed class Fixture : ClientAddressFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Portal:Metrics:Token"] = Token };
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(20);
        return true;
    }
}
