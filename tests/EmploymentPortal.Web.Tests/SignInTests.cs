using System.Net;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

public sealed class SignInTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("community1", "/Station")]
    [InlineData("community2", "/Station")]
    [InlineData("street1", "/Station")]
    [InlineData("county1", "/Bureau")]
    [InlineData("city1", "/Bureau")]
    [InlineData("admin", "/Admin")]
    public async Task SignIn_DemoStaff_LandsOnTheirHome(string userName, string home)
    {
        using var client = await portal.SignInAsync(userName);
        var response = await client.GetAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(home);
        (await client.GetAsync(home)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("employer1", "用人单位", "/Employer")] // employers have their own home
    [InlineData("seeker1", "求职者", "/Seeker")] // seekers land on the jobs matched to them
    public async Task SignIn_SelfServiceDemo_SeesTheirHomeWithRole(string userName, string roleText, string home)
    {
        using var client = await portal.SignInAsync(userName);
        var (response, page) = await client.GetPageAsync(home);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=user-bar] .user-role")!.TextContent.Should().Be(roleText);
    }

    [Fact]
    public async Task Layout_CommunityStaff_ShowsUnitAndRole()
    {
        using var client = await portal.SignInAsync("community1");
        var (_, page) = await client.GetPageAsync("/Station");
        var bar = page.QuerySelector("[data-testid=user-bar]")!;
        bar.QuerySelector(".user-unit")!.TextContent.Should().Be("向阳社区劳动保障事务站");
        bar.QuerySelector(".user-role")!.TextContent.Should().Be("社区工作人员");
        page.QuerySelector("[data-testid=my-unit]")!.TextContent.Should().Contain("向阳社区").And.Contain("370702001001");
    }

    [Fact]
    public async Task SignIn_WrongPassword_Returns400WithMessageAndKeepsUserName()
    {
        using var client = portal.Anonymous();
        var response = await client.SignInAsync("street1", "wrong password!!");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.Errors().Should().ContainSingle().Which.Should().StartWith("用户名或密码不正确");
        page.QuerySelector("#Input_UserName")!.GetAttribute("value").Should().Be("street1");
        page.QuerySelector("#Input_Password")!.GetAttribute("value").Should().BeNull();
        page.Title.Should().StartWith("错误：");
    }

    [Fact]
    public async Task SignIn_EmptyForm_ListsEachMissingFieldInEnglish()
    {
        using var client = portal.Anonymous();
        var response = await client.SubmitFormAsync(
            "/Identity/Account/Login?culture=en-US",
            new Dictionary<string, string> { ["Input.UserName"] = " ", ["Input.Password"] = string.Empty });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.Errors().Should().Equal("Enter your user name, mobile number or e-mail", "Enter your password");
        page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).Should().Equal("#Input_UserName", "#Input_Password");
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        using var client = await portal.SignInAsync("city1");
        var response = await client.PostLayoutFormAsync("/Bureau", "/Identity/Account/Logout", new Dictionary<string, string>());
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await client.GetAsync("/Bureau");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login");
    }
}
