using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Web.Tests;

/// <summary>Response headers (ASVS V3, V14) and log hygiene (no ID or phone numbers in log lines).</summary>
public sealed class SecurityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/health")]
    public async Task Headers_AnyPage_CarryStrictPolicy(string url)
    {
        using var client = portal.Anonymous();
        var response = await client.GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("object-src 'none'").And.Contain("base-uri 'none'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("same-origin");
    }

    [Fact]
    public async Task Headers_SignedInPage_NotCached()
    {
        using var client = await portal.SignInAsync("community1");
        var response = await client.GetAsync("/Station");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Cookies_SignIn_AreHttpOnlyAndSameSite()
    {
        using var client = portal.Anonymous();
        var response = await client.SignInAsync("street1", EmploymentPortal.Core.Seeding.DemoCity.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ep.auth=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");
    }

    [Fact]
    public void Masking_IdAndPhone_AreMasked()
    {
        PiiMaskingFormatter.Mask("id 11010519491231002X phone 13812345678 order 2024010112345678901234")
            .Should().Be("id 110105********002X phone 138****5678 order 2024010112345678901234");
        PiiMaskingFormatter.Mask("lower x 44052418800101001x.").Should().Be("lower x 440524********001x.");
    }

    [Fact]
    public async Task Logging_PersonalNumbersInMessagesAndExceptions_AreMaskedInOutput()
    {
        using (var client = portal.Anonymous())
        {
            await client.GetAsync("/health?phone=13811112222");
        }

        var logger = portal.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogHygieneTest");
        logger.LogWarning(new InvalidOperationException("duplicate 370101190102039973"), "Lookup of {IdNumber} by {Phone}", "440524188001010014", "13987654321");
        await Eventually.HoldsAsync(
            () => portal.Factory.Log.Contains("HTTP GET /health responded 200", StringComparison.Ordinal) && portal.Factory.Log.Contains("139****4321", StringComparison.Ordinal),
            "the request's and the test's log lines are written");
        var log = portal.Factory.Log;
        log.Should().Contain("440524********0014").And.Contain("139****4321").And.Contain("370101********9973");
        log.Should().Contain("HTTP GET /health responded 200");
        log.Should().NotContain("13811112222");
        log.Should().NotContain("440524188001010014").And.NotContain("13987654321").And.NotContain("370101190102039973");
    }
}
