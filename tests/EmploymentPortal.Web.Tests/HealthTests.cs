using System.Net;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

public sealed class HealthTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Health_Anonymous_ReturnsHealthy()
    {
        using var client = portal.Anonymous();
        var response = await client.GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_DatabaseAnswers_ReturnsHealthy()
    {
        using var client = portal.Anonymous();
        var response = await client.GetAsync("/health/ready");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_DatabaseUnreachable_Returns503()
    {
        // No scheduler: Quartz retries an unreachable database on the portal's clock, which the
        // tests freeze, so its start would wait for ever here (a real process starts and retries).
        var unreachable = new Dictionary<string, string?> { ["Portal:Scheduler:Run"] = "false" };
        await using var factory = new PortalAppFactory("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2", unreachable);
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
