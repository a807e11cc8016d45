using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Issue 15: 429 (with Retry-After and the bilingual page) exactly where the limits say (sign-in and its second step,
/// sign-up, objections per IP and per notice, imports per user, reveals per user and business day), and nowhere else.
/// The portal runs with low limits; each test is its own client IP (a test-only header stands in for the connection).
/// </summary>
public sealed class RateLimitTests(RateLimitTests.LowLimits portal) : IClassFixture<RateLimitTests.LowLimits>
{
    private const string ClientIpHeader = "X-Test-Client-Ip";

    [Fact]
    public async Task SignIn_OverTheLimitPerIp_429WithRetryAfterAndPage_OtherIpsAndPagesUnaffected()
    {
        using var client = Client("10.0.1.1");
        for (var i = 0; i < 3; i++)
        {
            (await client.SignInAsync("no-such-user", "wrong password " + i)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        var refused = await client.SignInAsync("no-such-user", "wrong password 4");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        (await Html.ParseAsync(refused)).MainText().Should().Contain("操作过于频繁，请稍后再试");

        // The form itself, other pages and another client are not limited.
        (await client.GetAsync("/Identity/Account/Login")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/Notices")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var other = Client("10.0.1.2");
        (await other.SignInAsync("no-such-user", "wrong password")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        // In English too.
        (await client.PostLayoutFormAsync("/", "/Culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var english = await client.SignInAsync("no-such-user", "wrong password 5");
        english.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await Html.ParseAsync(english)).MainText().Should().Contain("Too many requests, try again later");
    }

    [Fact]
    public async Task SignIn_XForwardedFor_NotTrustedByDefault()
    {
        using var client = Client("10.0.2.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            request.Content = new FormUrlEncodedContent([]);
            statuses.Add((await client.Http.SendAsync(request)).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SignUp_OverTheLimitPerIp_429()
    {
        using var client = Client("10.0.3.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SubmitFormAsync("/Identity/Account/Register", new Dictionary<string, string> { ["Input.Login"] = "not a login" })).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/Identity/Account/Register")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Objections_PerIpAndPerNotice_429()
    {
        var notice = Guid.NewGuid();
        var (a, b, c) = (Client("10.0.4.1"), Client("10.0.4.2"), Client("10.0.4.3"));
        using (a)
        using (b)
        using (c)
        {
            // Two per IP: the third from one IP is refused.
            (await ObjectAsync(a, notice)).Should().NotBe(HttpStatusCode.TooManyRequests);
            (await ObjectAsync(a, notice)).Should().NotBe(HttpStatusCode.TooManyRequests);
            (await ObjectAsync(a, notice)).Should().Be(HttpStatusCode.TooManyRequests);

            // Three per notice: one more from another IP passes, then the notice is closed to everyone.
            (await ObjectAsync(b, notice)).Should().NotBe(HttpStatusCode.TooManyRequests);
            (await ObjectAsync(c, notice)).Should().Be(HttpStatusCode.TooManyRequests);

            // Another notice from another client is not limited. (A request the notice's limit refuses still
            // costs its client permits: the limiter's second, waiting attempt takes one more from the IP's window.)
            using var d = Client("10.0.4.4");
            (await ObjectAsync(d, Guid.NewGuid())).Should().NotBe(HttpStatusCode.TooManyRequests);
        }
    }

    [Fact]
    public async Task Imports_PerUser_429_OtherUserUnaffected()
    {
        using var first = await SignedInAsync("10.0.5.1", "community1");
        for (var i = 0; i < 2; i++)
        {
            (await ImportAsync(first)).Should().NotBe(HttpStatusCode.TooManyRequests);
        }

        (await ImportAsync(first)).Should().Be(HttpStatusCode.TooManyRequests);
        (await first.GetAsync("/Station/Persons/Import")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var second = await SignedInAsync("10.0.5.2", "community2");
        (await ImportAsync(second)).Should().NotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Reveals_PerUserAndBusinessDay_429UntilTomorrow()
    {
        using var staff = await SignedInAsync("10.0.6.1", "community2");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1975, 3, 4), Sex.Female), "限次查看");
        for (var i = 0; i < 2; i++)
        {
            (await RevealAsync(staff, url)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var refused = await RevealAsync(staff, url);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromHours(14), "the business day ends at midnight in Beijing, 14 hours after 10:00");
        (await Html.ParseAsync(refused)).MainText().Should().Contain("操作过于频繁");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'IdNumberRevealed' AND actor_name = 'community2'")).Should().Be(2);

        // Tomorrow (business day) the user may reveal again.
        portal.Clock.Advance(TimeSpan.FromHours(14));
        using var tomorrow = await SignedInAsync("10.0.6.2", "community2");
        (await RevealAsync(tomorrow, url)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("POST", "/Identity/Account/Login", RateLimits.SignIn)]
    [InlineData("POST", "/identity/account/login", RateLimits.SignIn)]
    [InlineData("POST", "/Identity/Account/LoginWith2fa", RateLimits.SignIn)]
    [InlineData("POST", "/Identity/Account/LoginWithRecoveryCode", RateLimits.SignIn)]
    [InlineData("POST", "/Identity/Account/Register", RateLimits.SignUp)]
    [InlineData("POST", "/Identity/Account/RegisterConfirm", RateLimits.SignUp)]
    [InlineData("POST", "/Notices/0190a1b2-0000-7000-8000-000000000001", RateLimits.ObjectionsPerIp)]
    [InlineData("POST", "/Station/Persons/Import", RateLimits.Imports)]
    [InlineData("GET", "/Identity/Account/Login", null)]
    [InlineData("GET", "/Notices/0190a1b2-0000-7000-8000-000000000001", null)]
    [InlineData("POST", "/Identity/Account/Logout", null)]
    [InlineData("POST", "/Notices", null)]
    [InlineData("POST", "/Station/Persons/Register", null)]
    [InlineData("POST", "/Station/Persons/Importer", null)]
    [InlineData("POST", "/Admin/Accounts/Create", null)]
    public void Classify_ByMethodAndPath(string method, string path, string? limit)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        RateLimits.Classify(context.Request).Should().Be(limit);
    }

    private PortalClient Client(string ip)
    {
        var client = portal.Anonymous();
        client.Http.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        return client;
    }

    private async Task<PortalClient> SignedInAsync(string ip, string userName)
    {
        var client = Client(ip);
        (await client.SignInAsync(userName, EmploymentPortal.Core.Seeding.DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpStatusCode> ObjectAsync(PortalClient client, Guid notice)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "异议" });
        return (await client.Http.PostAsync(new Uri($"/Notices/{notice}?handler=Object", UriKind.Relative), content)).StatusCode;
    }

    private static async Task<HttpStatusCode> ImportAsync(PortalClient client) =>
        (await client.UploadAsync("/Station/Persons/Import", "file", "persons.xlsx", [1, 2, 3], new Dictionary<string, string> { ["Mode"] = "ValidRows" })).StatusCode;

    private static Task<HttpResponseMessage> RevealAsync(PortalClient client, string url) =>
        client.SubmitFormAsync(url, new Dictionary<string, string> { ["RevealReason"] = "核对身份" }, "form:has([data-testid=reveal])");

    /// <summary>The portal with low limits, and the test header as the connection's address.</summary>
    public sealed class LowLimits : PortalFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Portal:RateLimits:SignIn:PermitLimit"] = "3",
            ["Portal:RateLimits:SignUp:PermitLimit"] = "3",
            ["Portal:RateLimits:ObjectionsPerIp:PermitLimit"] = "2",
            ["Portal:RateLimits:ObjectionsPerNotice:PermitLimit"] = "3",
            ["Portal:RateLimits:Imports:PermitLimit"] = "2",
            ["Portal:RateLimits:RevealsPerDay"] = "2",
        };

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, ClientIpFromHeader>();
    }

    private sealed class ClientIpFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[ClientIpHeader] is [{ } ip])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
