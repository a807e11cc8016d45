using System.Net;
using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Meta-tests over every endpoint the portal maps (the Bitwarden pattern): anonymous access only
/// where the public list written here says so, antiforgery everywhere but the error pages, and every other
/// page sends a signed-out visitor to sign in.
/// </summary>
public sealed class EndpointTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] AntiforgeryExempt = ["/Error", "/Status"];

    [Fact]
    public void AnonymousEndpoints_AreExactlyThePublicList()
    {
        var anonymous = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(Describe)
            .Distinct()
            .ToList();

        // Written by hand: adding a public page or endpoint means adding it here, on purpose.
        string[] expected =
        [
            "/Index", "/Error", "/Status", "/Culture",
            "/Schemes/Index", "/Schemes/Detail",
            "/Policies/Index", "/Policies/Detail", "/Policies/Check",
            "/Notices/Index", "/Notices/Detail",
            "/JobFairs/Index", "/JobFairs/Detail",
            "/Jobs/Index", "/Jobs/Detail",
            "Identity:/Account/Login", "Identity:/Account/LoginWith2fa", "Identity:/Account/Register", "Identity:/Account/RegisterConfirm",
            "/health", "/health/ready", "/api/jobs",
        ];
        anonymous.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task BenchRawJobs_IsNotMappedByDefault()
    {
        Endpoints().Select(Describe).Should().NotContain(Api.BenchRawJobs.Path);

        // Unmatched, so the fallback policy sends a visitor to sign in, and a signed-in user finds nothing.
        using var anonymous = portal.Anonymous();
        var visitor = await anonymous.GetAsync(Api.BenchRawJobs.Path + "?q=abc");
        visitor.StatusCode.Should().Be(HttpStatusCode.Redirect);
        visitor.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login");

        using var staff = await portal.SignInAsync("street1");
        (await staff.GetAsync(Api.BenchRawJobs.Path + "?q=abc")).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "the benchmark's endpoint is off unless Portal:Bench:RawJobsEndpoint=true");
    }

    [Fact]
    public void AntiforgeryIgnored_OnlyOnErrorPages()
    {
        var ignoring = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is not null)
            .Select(Describe);
        ignoring.Should().BeEquivalentTo(AntiforgeryExempt);
    }

    [Fact]
    public async Task EveryNonPublicPage_Anonymous_RedirectsToSignIn()
    {
        using var client = portal.Anonymous();
        var pages = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => Url(e.RoutePattern.RawText!))
            .Distinct()
            .ToList();
        pages.Should().HaveCountGreaterThan(8);

        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, page);
            response.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login", page);
        }
    }

    private List<RouteEndpoint> Endpoints() =>
        portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Describe(RouteEndpoint endpoint)
    {
        var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
        return page is null
            ? "/" + endpoint.RoutePattern.RawText!.TrimStart('/')
            : page.AreaName is null ? page.ViewEnginePath : $"{page.AreaName}:{page.ViewEnginePath}";
    }

    private static string Url(string pattern)
    {
        var url = "/" + pattern.TrimStart('/');
        return url.Replace("{id:int}", "1", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{code:int}", "404", StringComparison.Ordinal);
    }
}
