using System.Net;
using EmploymentPortal.Core.Accounts.SignUp;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Job seekers and employers sign up with a phone number or e-mail address, confirmed by a one-time code (issue 15):
/// the answer never tells whether an account exists.
/// </summary>
public sealed class SignUpTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "my own long password";

    [Fact]
    public async Task SignUp_PhoneJobSeeker_SignedInAndNoPhoneInLogs()
    {
        using var client = portal.Anonymous();
        var response = await client.SignUpAsync(portal.Factory, "JobSeeker", "13812345678", "张三", Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        // A seeker's home is the jobs matched to them.
        var (_, home) = await client.GetPageAsync("/Seeker");
        home.QuerySelector("[data-testid=user-bar] .user-role")!.TextContent.Should().Be("求职者");

        using var again = portal.Anonymous();
        (await again.SignInAsync("13812345678", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        portal.Factory.Log.Should().NotContain("13812345678").And.Contain("138****5678");
    }

    [Fact]
    public async Task SignUp_EmailEmployer_Succeeds()
    {
        using var client = portal.Anonymous();
        (await client.SignUpAsync(portal.Factory, "Employer", "HR@Example.cn", "潍坊示例有限公司", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var again = portal.Anonymous();
        (await again.SignInAsync("hr@example.cn", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignUp_ExistingAndNewNumber_AnswerIdentically_ExistingGetsNoCode()
    {
        using (var first = portal.Anonymous())
        {
            (await first.SignUpAsync(portal.Factory, "JobSeeker", "13811112222", "已有账号", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        using var client = portal.Anonymous();
        var existing = await client.StartSignUpAsync("JobSeeker", "13811112222", "再次注册");
        var fresh = await client.StartSignUpAsync("JobSeeker", "13811113333", "新号码");

        existing.StatusCode.Should().Be(HttpStatusCode.Redirect);
        fresh.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var existingUrl = existing.Headers.Location!.OriginalString;
        var freshUrl = fresh.Headers.Location!.OriginalString;
        existingUrl.Should().MatchRegex("^/Identity/Account/RegisterConfirm/[0-9a-f-]{36}$");
        freshUrl.Should().MatchRegex("^/Identity/Account/RegisterConfirm/[0-9a-f-]{36}$");
        var (_, existingPage) = await client.GetPageAsync(existingUrl);
        var (_, freshPage) = await client.GetPageAsync(freshUrl);
        existingPage.MainText().Should().Be(freshPage.MainText()).And.Contain("验证码");

        // A wrong code answers the same on both.
        var wrongExisting = await client.ConfirmSignUpAsync(existingUrl, "000000", Password);
        var wrongFresh = await client.ConfirmSignUpAsync(freshUrl, WrongCode(portal.Factory.MessagesTo("13811113333")[^1].Code!), Password);
        wrongExisting.StatusCode.Should().Be(wrongFresh.StatusCode).And.Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(wrongExisting)).Errors().Should().Equal((await Html.ParseAsync(wrongFresh)).Errors());

        // The owner of the existing number is told, by message, how to recover it; the new one gets a code.
        portal.Factory.MessagesTo("13811112222")[^1].Should().Match<OutgoingMessage>(m => m.Kind == OutgoingMessageKind.AccountExists && m.Code == null);
        portal.Factory.MessagesTo("13811113333")[^1].Kind.Should().Be(OutgoingMessageKind.SignUpCode);
    }

    [Fact]
    public async Task SignUp_CodeWorksOnce()
    {
        using var client = portal.Anonymous();
        var start = await client.StartSignUpAsync("JobSeeker", "13822223333", "一次");
        var url = start.Headers.Location!.OriginalString;
        var code = portal.Factory.MessagesTo("13822223333")[^1].Code!;
        code.Should().MatchRegex("^[0-9]{6}$");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM sign_up_challenges WHERE encode(code_hash, 'escape') LIKE '%{code}%'")).Should().Be(0, "the code is stored hashed");

        (await client.ConfirmSignUpAsync(url, code, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var other = portal.Anonymous();
        var again = await other.ConfirmSignUpAsync(url, code, Password + " again");
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(again)).Errors().Should().Contain("验证码无效或已过期，请重新注册");
        (await other.SignInAsync("13822223333", Password + " again")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignUp_WrongCodeFiveTimes_LocksTheAttempt()
    {
        using var client = portal.Anonymous();
        var start = await client.StartSignUpAsync("JobSeeker", "13833334444", "锁定");
        var url = start.Headers.Location!.OriginalString;
        var code = portal.Factory.MessagesTo("13833334444")[^1].Code!;
        for (var i = 1; i <= 5; i++)
        {
            var wrong = await client.ConfirmSignUpAsync(url, WrongCode(code), Password);
            wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await Html.ParseAsync(wrong)).Errors().Should().Contain(i < 5 ? "验证码不正确" : "错误次数过多，请重新注册");
        }

        var right = await client.ConfirmSignUpAsync(url, code, Password);
        right.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(right)).Errors().Should().Contain("错误次数过多，请重新注册");
        (await client.SignInAsync("13833334444", Password)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignUp_CodeExpiresOnTheBusinessClock()
    {
        using var client = portal.Anonymous();
        var start = await client.StartSignUpAsync("JobSeeker", "13844445555", "过期");
        var code = portal.Factory.MessagesTo("13844445555")[^1].Code!;
        portal.Clock.Advance(TimeSpan.FromMinutes(11));

        var late = await client.ConfirmSignUpAsync(start.Headers.Location!.OriginalString, code, Password);

        late.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(late)).Errors().Should().Contain("验证码无效或已过期，请重新注册");
    }

    [Theory]
    [InlineData("1381234567", "请输入 11 位手机号或有效的邮箱地址")]
    [InlineData("not-an-address", "请输入 11 位手机号或有效的邮箱地址")]
    public async Task SignUp_BadLogin_RefusedAndKept(string login, string message)
    {
        using var client = portal.Anonymous();
        var response = await client.StartSignUpAsync("JobSeeker", login, "李四");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.Errors().Should().ContainSingle().Which.Should().Be(message);
        page.QuerySelector("#Input_Login")!.GetAttribute("value").Should().Be(login);
        page.QuerySelector("#Input_DisplayName")!.GetAttribute("value").Should().Be("李四");
    }

    [Fact]
    public async Task SignUp_StaffRole_Refused()
    {
        using var client = portal.Anonymous();
        var response = await client.StartSignUpAsync("SystemAdmin", "13900000001", "冒充");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).Errors().Should().Contain("请选择求职者或用人单位");
        portal.Factory.MessagesTo("13900000001").Should().BeEmpty();
    }

    [Fact]
    public async Task SignUp_PasswordsDiffer_RefusedAndCodeStillWorks()
    {
        using var client = portal.Anonymous();
        var start = await client.StartSignUpAsync("JobSeeker", "13900000002", "王五");
        var url = start.Headers.Location!.OriginalString;
        var code = portal.Factory.MessagesTo("13900000002")[^1].Code!;

        (await Html.ParseAsync(await client.ConfirmSignUpAsync(url, code, Password, Password + "x"))).Errors().Should().Contain("两次输入的密码不一致");
        (await client.ConfirmSignUpAsync(url, code, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private static string WrongCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
