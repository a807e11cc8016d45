using System.Net;
using EmploymentPortal.Core.Seeding;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>Five failures lock an account for 15 minutes; the right password is then refused too.</summary>
public sealed class LockoutTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task SignIn_SixWrongPasswords_LocksAccountAndRefusesRightPassword()
    {
        using var client = portal.Anonymous();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var wrong = await client.SignInAsync("community1", $"wrong-password-{attempt}");
            wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        var right = await client.SignInAsync("community1", DemoCity.Password);

        right.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(right)).Errors().Should().ContainSingle()
            .Which.Should().Be("密码错误次数过多，账号已锁定，请 15 分钟后再试。");
        (await client.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_LockedOutInEnglish_ShowsEnglishMessage()
    {
        using var client = portal.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SignInAsync("community2", $"wrong-password-{attempt}", "en-US");
        }

        var right = await client.SignInAsync("community2", DemoCity.Password, "en-US");

        (await Html.ParseAsync(right)).Errors().Should().ContainSingle()
            .Which.Should().Be("Too many wrong passwords: the account is locked. Try again in 15 minutes.");
    }

    [Fact]
    public async Task SignIn_FourFailuresThenRight_Succeeds()
    {
        using var client = portal.Anonymous();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await client.SignInAsync("street1", $"wrong-password-{attempt}");
        }

        (await client.SignInAsync("street1", DemoCity.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
