using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Core.Seeding;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The second factor (issue 15 finding 3; ASVS v5.0.0-6.5.1, 6.5.5): codes per RFC 6238, each
/// code once, one step of drift either way and no more, recovery codes once, enrolment through
/// the pages. Sign-ins here go through the pages step by step, not through the harness (which
/// clears the replay marker).
/// </summary>
public sealed class TwoFactorTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string LoginPath = "/Identity/Account/Login";
    private const string SecondStepPath = "/Identity/Account/LoginWith2fa";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Code_MatchesRfc6238Vectors(long unixSeconds, string expected)
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", last 6 of the 8 digits.
        var key = Totp.ToBase32(Encoding.ASCII.GetBytes("12345678901234567890"));
        Totp.CodeAt(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Should().Be(expected);
    }

    [Fact]
    public async Task SecondStep_ReusedCode_IsRefused()
    {
        var code = Totp.CodeAt(DemoCity.AuthenticatorKey, portal.Clock.GetUtcNow());
        using var first = portal.Anonymous();
        await PasswordStepAsync(first, "community1b");
        (await SecondStepAsync(first, code)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await first.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var replay = portal.Anonymous();
        await PasswordStepAsync(replay, "community1b");
        var again = await SecondStepAsync(replay, code);

        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(again)).Errors().Should().ContainSingle().Which.Should().StartWith("验证码不正确或已使用过");
        (await replay.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SecondStep_CodeTwoStepsOld_IsRefused_OneStepOld_IsAccepted()
    {
        var now = portal.Clock.GetUtcNow();
        using var client = portal.Anonymous();
        await PasswordStepAsync(client, "street1b");

        var stale = await SecondStepAsync(client, Totp.CodeAt(DemoCity.AuthenticatorKey, now.AddSeconds(-2 * Totp.StepSeconds)));
        stale.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var ahead = await SecondStepAsync(client, Totp.CodeAt(DemoCity.AuthenticatorKey, now.AddSeconds(2 * Totp.StepSeconds)));
        ahead.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var recent = await SecondStepAsync(client, Totp.CodeAt(DemoCity.AuthenticatorKey, now.AddSeconds(-Totp.StepSeconds)));
        recent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SecondStep_WithoutPasswordStep_SendsBackToSignIn()
    {
        using var client = portal.Anonymous();
        var response = await client.GetAsync(SecondStepPath);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith(LoginPath);
    }

    [Fact]
    public async Task Enrolment_JobSeeker_QrAndKeyThenRecoveryCodeWorksOnce()
    {
        // Optional for a job seeker: signs in with the password alone until they turn it on.
        using var seeker = await portal.SignInAsync("seeker1");
        var (page, enrol) = await seeker.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        enrol.QuerySelector("[data-testid=mfa-qr]")!.GetAttribute("src").Should().StartWith("data:image/png;base64,");
        var key = enrol.QuerySelector("[data-testid=mfa-key]")!.TextContent.Trim();

        // The key the page proposed travels sealed in its own form: post that form (a new GET proposes a new key until one is stored).
        var form = enrol.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var wrong = await seeker.PostFormAsync(form, "/Identity/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var enrolled = await seeker.PostFormAsync(
            form,
            "/Identity/Account/Manage/EnableAuthenticator",
            new Dictionary<string, string> { ["Input.Code"] = Totp.CodeAt(key, portal.Clock.GetUtcNow()) });
        enrolled.StatusCode.Should().Be(HttpStatusCode.OK);
        var codes = (await Html.ParseAsync(enrolled)).QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent).ToList();
        codes.Should().HaveCount(OwnAccountSecurity.RecoveryCodeCount).And.OnlyHaveUniqueItems();
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT value FROM user_tokens WHERE name = 'RecoveryCodes' AND user_id = (SELECT id FROM users WHERE user_name = 'seeker1')"))
            .Should().NotContain(codes[0], "only hashes of the recovery codes are stored");

        // Now the password alone is not enough; a recovery code works once.
        using var withRecovery = portal.Anonymous();
        await PasswordStepAsync(withRecovery, "seeker1");
        (await SecondStepAsync(withRecovery, codes[0].ToLowerInvariant())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await withRecovery.GetAsync("/Seeker/Saved")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var reused = portal.Anonymous();
        await PasswordStepAsync(reused, "seeker1");
        (await SecondStepAsync(reused, codes[0])).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await reused.GetAsync("/Seeker/Saved")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await AuditCountAsync("MfaEnabled")).Should().Be(1);
    }

    private static async Task PasswordStepAsync(PortalClient client, string userName)
    {
        var response = await client.SubmitFormAsync(LoginPath, new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = DemoCity.Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith(SecondStepPath);
    }

    private static Task<HttpResponseMessage> SecondStepAsync(PortalClient client, string code) =>
        client.SubmitFormAsync(SecondStepPath, new Dictionary<string, string> { ["Input.Code"] = code });

    private Task<long> AuditCountAsync(string action) =>
        TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = @code", action);
}
