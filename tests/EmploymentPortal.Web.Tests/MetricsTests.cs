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
/// <c>/metrics</c> (issue 17, "Metrics"; docs/adr/0008-metrics.md): Prometheus text to a caller in
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

        var response = await client.GetAsync(MetricsSettings.Path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        response.Content.Headers.ContentType.Parameters.Should().Contain(p => p.Name == "version" && p.Value == "0.0.4");
        var text = await response.Content.ReadAsStringAsync();
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
        // Listens to this portal's meter only (other test classes' portals run in the same process).
        var factory = portal.Factory.Services.GetRequiredService<IMeterFactory>();
        var registered = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PortalMetrics.MeterName && instrument.Meter.Scope == factory && instrument.Name == "portal.persons.registered")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref registered, value));
        listener.Start();

        using var staff = await portal.SignInAsync("community1");
        var response = await staff.RegisterPersonAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1983, 5, 20), Sex.Male), "陈计数", null);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        Interlocked.Read(ref registered).Should().Be(1);
        using var scraper = portal.From("127.0.0.1");
        var text = await (await scraper.GetAsync(MetricsSettings.Path)).Content.ReadAsStringAsync();
        var line = text.Split('\n').Single(l => l.StartsWith("portal_persons_registered_total", StringComparison.Ordinal));
        double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);
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

    /// <summary>A portal whose callers' addresses tests choose, with a scrape token configured.</summary>
    public sealed class Fixture : ClientAddressFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Portal:Metrics:Token"] = Token };
    }
}
