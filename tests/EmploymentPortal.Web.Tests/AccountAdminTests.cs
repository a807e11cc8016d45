using System.Net;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>Admins create, assign, disable and re-enable staff accounts through the pages.</summary>
public sealed class AccountAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string NewPassword = "correct horse battery";

    [Fact]
    public async Task Create_ValidStaffAccount_CanSignInAndIsAudited()
    {
        var unit = await UnitAsync(portal.ConnectionString, Community2);
        using var admin = await portal.SignInAsync("admin");

        var response = await CreateAsync(admin, "wanghong01", "王红", "CommunityStaff", unit);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, edit) = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        edit.QuerySelector(".notice--success")!.TextContent.Should().Contain("wanghong01");
        using var member = await portal.SignInAsync("wanghong01", NewPassword);
        var (_, home) = await member.GetPageAsync("/Station");
        home.QuerySelector("[data-testid=my-unit]")!.TextContent.Should().Contain("和平社区");
        (await AuditCountAsync("AccountCreated")).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Create_InvalidInput_Returns400KeepsValuesAndCreatesNothing()
    {
        using var admin = await portal.SignInAsync("admin");
        var before = await UserCountAsync();

        var response = await admin.SubmitFormAsync("/Admin/Accounts/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "lisi02",
            ["Input.DisplayName"] = string.Empty,
            ["Input.Role"] = "StreetStaff",
            ["Input.OrgUnitId"] = string.Empty,
            ["Input.Password"] = "short",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.Errors().Should().Equal("请输入姓名", "请选择所属单位", "密码至少需要 12 个字符");
        page.QuerySelector("#Input_UserName")!.GetAttribute("value").Should().Be("lisi02");
        page.QuerySelector("#Input_Role option[selected]")!.GetAttribute("value").Should().Be("StreetStaff");
        (await UserCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Create_UnitDoesNotFitRole_RefusedWithReason()
    {
        var communityUnit = await UnitAsync(portal.ConnectionString, Community1);
        using var admin = await portal.SignInAsync("admin");

        var response = await CreateAsync(admin, "zhaoliu03", "赵六", "CountyOfficial", communityUnit);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).Errors().Should().ContainSingle().Which.Should().StartWith("所选单位与角色不匹配");
    }

    [Fact]
    public async Task Create_TakenUserNameOrCommonPassword_Refused()
    {
        var unit = await UnitAsync(portal.ConnectionString, Street1);
        using var admin = await portal.SignInAsync("admin");

        var taken = await CreateAsync(admin, "street1", "重复", "StreetStaff", unit);
        (await Html.ParseAsync(taken)).Errors().Should().Contain("该用户名已被使用");

        var common = await CreateAsync(admin, "sunqi04", "孙七", "StreetStaff", unit, "password1234");
        (await Html.ParseAsync(common)).Errors().Should().Contain("密码过于常见或包含用户名，请换一个");
    }

    [Fact]
    public async Task Assign_NewUnit_MovesTheMembersScope()
    {
        var first = await UnitAsync(portal.ConnectionString, Community1);
        var second = await UnitAsync(portal.ConnectionString, Street2Community);
        using var admin = await portal.SignInAsync("admin");
        var created = await CreateAsync(admin, "zhouba05", "周八", "CommunityStaff", first);
        var editUrl = created.Headers.Location!.OriginalString;

        var assigned = await admin.SubmitFormAsync(editUrl, new Dictionary<string, string>
        {
            ["Input.Role"] = "CommunityStaff",
            ["Input.OrgUnitId"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        assigned.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var member = await portal.SignInAsync("zhouba05", NewPassword);
        (await member.GetAsync($"/Org/Units/{second}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.GetAsync($"/Org/Units/{first}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await AuditCountAsync("AccountAssigned")).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Disable_AfterConfirmation_RefusesSignInUntilReEnabled()
    {
        var unit = await UnitAsync(portal.ConnectionString, Street1);
        using var admin = await portal.SignInAsync("admin");
        var created = await CreateAsync(admin, "wujiu06", "吴九", "StreetStaff", unit);
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];

        var (confirm, page) = await admin.GetPageAsync($"/Admin/Accounts/Status/{id}");
        confirm.StatusCode.Should().Be(HttpStatusCode.OK);
        page.MainText().Should().Contain("确定停用吗");
        (await admin.SubmitFormAsync($"/Admin/Accounts/Status/{id}", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var refused = portal.Anonymous();
        var signIn = await refused.SignInAsync("wujiu06", NewPassword);
        signIn.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(signIn)).Errors().Should().ContainSingle()
            .Which.Should().Be("用户名或密码不正确。连续输错 5 次，账号将锁定 15 分钟。", "a disabled account answers like a wrong password (issue 15 finding 4)");

        (await admin.SubmitFormAsync($"/Admin/Accounts/Status/{id}", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.Anonymous().SignInAsync("wujiu06", NewPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await AuditCountAsync("AccountDisabled")).Should().BeGreaterThanOrEqualTo(1);
        (await AuditCountAsync("AccountEnabled")).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Disable_OwnAccount_Refused()
    {
        using var admin = await portal.SignInAsync("admin");
        var (_, list) = await admin.GetPageAsync("/Admin/Accounts?q=admin");
        var href = list.QuerySelectorAll("table a").Single(a => a.TextContent == "admin").GetAttribute("href")!;
        var id = href.Split('/')[^1];

        var response = await admin.SubmitFormAsync($"/Admin/Accounts/Status/{id}", new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).Errors().Should().Contain("不能停用自己的账号");
    }

    [Fact]
    public async Task List_FilterAndEmptyState()
    {
        using var admin = await portal.SignInAsync("admin");
        var (_, officials) = await admin.GetPageAsync("/Admin/Accounts?role=CountyOfficial");
        officials.QuerySelectorAll("table tbody tr").Select(r => r.Children[0].TextContent).Should().Contain("county1").And.NotContain("city1");

        var (_, none) = await admin.GetPageAsync("/Admin/Accounts?q=nobody-has-this-name");
        none.QuerySelector("[data-testid=empty]")!.TextContent.Should().Contain("没有符合条件的账号");
    }

    private static Task<HttpResponseMessage> CreateAsync(PortalClient admin, string userName, string name, string role, int unit, string password = NewPassword) =>
        admin.SubmitFormAsync("/Admin/Accounts/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = name,
            ["Input.Role"] = role,
            ["Input.OrgUnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Password"] = password,
        });

    private Task<long> UserCountAsync() => ScalarAsync("SELECT count(*) FROM users");

    private Task<long> AuditCountAsync(string action) => ScalarAsync($"SELECT count(*) FROM audit_events WHERE action = '{action}' AND actor_name = 'admin'");

    private Task<long> ScalarAsync(string sql) => TestSql.ScalarAsync<long>(portal.ConnectionString, sql);
}
