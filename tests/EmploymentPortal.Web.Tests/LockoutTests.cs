using System.Net;
using EmploymentPortal.Core.Seeding;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Five wrong passwords block the account for 15 minutes from that client only: the blocked
/// client gets the wrong-password answer even for the right password, while the account's owner
/// at another address still signs in (nobody can keep a known staff account locked; issue 15
/// finding 4).
/// </summary>
public sealed class LockoutTests(ClientAddressFixture portal) : IClassFixture<ClientAddressFixture>
{
    private const string Invalid = "用户名或密码不正确。连续输错 5 次，账号将锁定 15 分钟。";

    [Fact]
    public async Task SignIn_SixWrongPasswords_BlocksThatClientWithTheWrongPasswordAnswer()
    {
        using var attacker = portal.From("203.0.113.7");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var wrong = await attacker.SignInAsync("community1", $"wrong-password-{attempt}");
            wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        var right = await attacker.SignInAsync("community1", DemoCity.Password);

        right.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(right)).Errors().Should().ContainSingle().Which.Should().Be(Invalid);
        (await attacker.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_AccountBlockedFromOneClient_OwnerAtAnotherAddressStillSignsIn()
    {
        using var attacker = portal.From("203.0.113.8");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await attacker.SignInAsync("street1", $"wrong-password-{attempt}");
        }

        (await attacker.SignInAsync("street1", DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using var owner = portal.From("198.51.100.20");
        (await owner.SignInAsync("street1", DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await owner.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_BlockedClient_AfterFifteenMinutes_SignsInAgain()
    {
        using var client = portal.From("203.0.113.9");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SignInAsync("county1", $"wrong-password-{attempt}");
        }

        (await client.SignInAsync("county1", DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        portal.Clock.Advance(TimeSpan.FromMinutes(15));
        (await client.SignInAsync("county1", DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_LockedOutInEnglish_ShowsTheEnglishWrongPasswordMessage()
    {
        using var client = portal.From("203.0.113.10");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SignInAsync("community2", $"wrong-password-{attempt}", "en-US");
        }

        var right = await client.SignInAsync("community2", DemoCity.Password, "en-US");

        (await Html.ParseAsync(right)).Errors().Should().ContainSingle()
            .Which.Should().Be("The user name or password is wrong. After 5 wrong attempts the account is locked for 15 minutes.");
    }

    [Fact]
    public async Task SignIn_FourFailuresThenRight_Succeeds()
    {
        using var client = portal.From("203.0.113.11");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await client.SignInAsync("city1", $"wrong-password-{attempt}");
        }

        (await client.SignInAsync("city1", DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
