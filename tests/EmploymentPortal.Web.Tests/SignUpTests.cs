using System.Net;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>Job seekers and employers sign up with a phone number or e-mail address.</summary>
public sealed class SignUpTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "my own long password";

    [Fact]
    public async Task SignUp_PhoneJobSeeker_SignedInAndNoPhoneInLogs()
    {
        using var client = portal.Anonymous();
        var response = await SignUpAsync(client, "JobSeeker", "13812345678", "张三");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, home) = await client.GetPageAsync("/");
        home.QuerySelector("[data-testid=user-bar] .user-role")!.TextContent.Should().Be("求职者");

        using var again = portal.Anonymous();
        (await again.SignInAsync("13812345678", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        portal.Factory.Log.Should().NotContain("13812345678").And.Contain("138****5678");
    }

    [Fact]
    public async Task SignUp_EmailEmployer_Succeeds()
    {
        using var client = portal.Anonymous();
        var response = await SignUpAsync(client, "Employer", "HR@Example.cn", "潍坊示例有限公司");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var again = portal.Anonymous();
        (await again.SignInAsync("hr@example.cn", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("1381234567", "请输入 11 位手机号或有效的邮箱地址")]
    [InlineData("not-an-address", "请输入 11 位手机号或有效的邮箱地址")]
    public async Task SignUp_BadLogin_RefusedAndKept(string login, string message)
    {
        using var client = portal.Anonymous();
        var response = await SignUpAsync(client, "JobSeeker", login, "李四");
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
        var response = await SignUpAsync(client, "SystemAdmin", "13900000001", "冒充");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).Errors().Should().Contain("请选择求职者或用人单位");
    }

    [Fact]
    public async Task SignUp_PasswordsDiffer_Refused()
    {
        using var client = portal.Anonymous();
        var response = await client.SubmitFormAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.Role"] = "JobSeeker",
            ["Input.Login"] = "13900000002",
            ["Input.DisplayName"] = "王五",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password + "x",
        });
        (await Html.ParseAsync(response)).Errors().Should().Contain("两次输入的密码不一致");
    }

    private static Task<HttpResponseMessage> SignUpAsync(PortalClient client, string role, string login, string name) =>
        client.SubmitFormAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.Role"] = role,
            ["Input.Login"] = login,
            ["Input.DisplayName"] = name,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
}
