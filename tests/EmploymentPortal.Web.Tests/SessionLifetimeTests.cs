using System.Net;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Sessions end when they should (issue 15, finding 6): a cookie copied before sign-out is dead
/// right after it (not a minute later at the stamp check), and no sign-in outlives the absolute
/// lifetime (default 10 h) however active it is. The portal's fake clock moves; nothing waits.
/// </summary>
public sealed class SessionLifetimeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Logout_CopiedCookie_DeadImmediately()
    {
        // A copy of the cookie, taken before sign-out, replayed after it.
        using var staff = await portal.SignInAsync("community1");
        (await staff.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK);
        var cookie = await CookieHeaderAsync(staff);
        (await staff.PostLayoutFormAsync("/Station", "/Identity/Account/Logout", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var replay = portal.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Station");
        request.Headers.Add("Cookie", cookie);
        var replayed = await replay.SendAsync(request);
        replayed.StatusCode.Should().Be(HttpStatusCode.Redirect, "the session was ended by the sign-out");
        replayed.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM ended_sessions")).Should().Be(1);
    }

    [Fact]
    public async Task AbsoluteLifetime_ActiveSession_RefusedAfterTenHours()
    {
        // An active session (a request every 10 minutes, inside the 15-minute idle timeout) ends after 10 hours.
        using var active = await portal.SignInAsync("community1");
        for (var minutes = 10; minutes < 600; minutes += 10)
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(10));
            (await active.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK, $"{minutes} minutes after signing in");
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await active.GetAsync("/Station");
        expired.StatusCode.Should().Be(HttpStatusCode.Redirect);
        expired.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login").And.Contain("reason=expired");
        var location = expired.Headers.Location!;
        var (_, login) = await active.GetPageAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        login.QuerySelector("[data-testid=signed-out-reason]")!.TextContent.Should().Contain("登录已到期");
    }

    [Fact]
    public async Task SignInPage_IdleReason_SaysWhy()
    {
        using var anonymous = portal.Anonymous();

        var (_, zh) = await anonymous.GetPageAsync("/Identity/Account/Login?reason=idle");
        var (_, en) = await anonymous.GetPageAsync("/Identity/Account/Login?reason=idle&culture=en-US");
        var (_, none) = await anonymous.GetPageAsync("/Identity/Account/Login?reason=<script>");

        zh.QuerySelector("[data-testid=signed-out-reason]")!.TextContent.Should().Contain("您已因长时间未操作而退出");
        en.QuerySelector("[data-testid=signed-out-reason]")!.TextContent.Should().Contain("You were signed out after a period of inactivity");
        none.QuerySelector("[data-testid=signed-out-reason]").Should().BeNull();
    }

    [Fact]
    public async Task KeepAlive_WithToken_Renews_WithoutToken_Refused()
    {
        using var staff = await portal.SignInAsync("community2");
        var (_, page) = await staff.GetPageAsync("/Station");
        var timer = page.QuerySelector("#session-timer")!;

        var refused = await staff.Http.PostAsync(new Uri("/session/keep-alive", UriKind.Relative), null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/session/keep-alive");
        request.Headers.Add(timer.GetAttribute("data-token-header")!, timer.GetAttribute("data-token"));
        var renewed = await staff.Http.SendAsync(request);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        renewed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        renewed.Headers.TryGetValues("Set-Cookie", out var cookies).Should().BeTrue();
        cookies!.Should().Contain(c => c.StartsWith("ep.auth=", StringComparison.Ordinal));
        using var anonymous = portal.Anonymous();
        (await anonymous.Http.PostAsync(new Uri("/session/keep-alive", UriKind.Relative), null)).StatusCode.Should().NotBe(HttpStatusCode.NoContent);
    }

    /// <summary>The cookies the client's jar would send (the test server's handler keeps them out of reach otherwise).</summary>
    private static async Task<string> CookieHeaderAsync(PortalClient client)
    {
        var echo = await client.GetAsync("/Station");
        echo.RequestMessage!.Headers.TryGetValues("Cookie", out var sent).Should().BeTrue();
        return string.Join("; ", sent!);
    }
}
