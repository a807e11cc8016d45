using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.Web.Tests.SubsidyPages;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Separation of duties through the pages (issue 15, finding 7): for each rule the same person is
/// refused with the reason and a second person succeeds; flagged applications stay out of bulk
/// approval; the split administration.
/// </summary>
public sealed class SeparationOfDutiesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Employer_AndPosting_WhoeverEnteredThem_CannotVerifyOrPublish_AnotherCan()
    {
        using var street = await portal.SignInAsync("street1");
        var community = await RegionIdAsync(Community1);
        var entered = await street.SubmitFormAsync("/Employers", new Dictionary<string, string>
        {
            ["Input.CreditCode"] = "91110108551385082Q",
            ["Input.Name"] = "城关职责分离测试公司",
            ["Input.Industry"] = "保安服务",
            ["Input.Size"] = "Small",
            ["Input.RegionId"] = community,
            ["Input.ContactName"] = "王经理",
            ["Input.ContactPhone"] = "13800000000",
        }, "main form[method=post]");
        entered.StatusCode.Should().Be(HttpStatusCode.Redirect, await entered.Content.ReadAsStringAsync());
        var employer = entered.Headers.Location!.OriginalString;

        var own = await street.ClickAsync(employer, "[data-testid=verify-employer]", new Dictionary<string, string>());
        own.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(own)).Errors().Should().Contain("录入该用人单位的人不能审核它，请由另一位工作人员审核");
        (await TestSql.ScalarAsync<int>(portal.ConnectionString, "SELECT status::int FROM employers WHERE name = '城关职责分离测试公司'")).Should().Be(1, "still pending");

        using var colleague = await portal.SignInAsync("street1b");
        (await colleague.ClickAsync(employer, "[data-testid=verify-employer]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The same for a posting street1 enters for it.
        var (_, page) = await street.GetPageAsync(employer);
        var newPosting = page.QuerySelector("[data-testid=new-posting]")!.GetAttribute("href")!;
        var saved = await street.SubmitFormAsync(newPosting, new Dictionary<string, string>
        {
            ["Input.Title"] = "职责分离保安",
            ["Input.Description"] = "门岗值守",
            ["Input.OccupationCode"] = "3-02",
            ["Input.RegionId"] = community,
            ["Input.PayMin"] = "3000",
            ["Input.PayMax"] = "4500",
            ["Input.Type"] = "FullTime",
            ["Input.ContactName"] = "王经理",
            ["Input.ContactPhone"] = "13800000000",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var posting = saved.Headers.Location!.OriginalString;
        (await street.ClickAsync(posting, "[data-testid=submit-posting]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var ownPublish = await street.ClickAsync(posting, "[data-testid=publish-posting]", new Dictionary<string, string>());
        ownPublish.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(ownPublish)).Errors().Should().Contain("录入或修改该岗位的人不能审核发布它，请由另一位工作人员审核");

        (await colleague.ClickAsync(posting, "[data-testid=publish-posting]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, published) = await street.GetPageAsync(posting);
        published.QuerySelector("[data-testid=posting-status]")!.TextContent.Should().Be("已发布");
    }

    [Fact]
    public async Task Transfer_TheRequester_CannotReleaseIt_AnotherStaffMemberCan()
    {
        using var street = await portal.SignInAsync("street1");
        var id = TestIds.Make(new DateOnly(1978, 5, 7), Sex.Male);
        await street.RegisterPersonUrlAsync(portal.ConnectionString, id, "职责转移", "370702001003");
        (await street.SubmitFormAsync("/Station/Transfers/Request", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = id,
            ["Input.RegionId"] = await RegionIdAsync(Community1),
            ["Input.Reason"] = "已搬家",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, list) = await street.GetPageAsync("/Station/Transfers");
        var decide = list.QuerySelector("[data-testid=decide]")!.GetAttribute("href")!;
        var own = await street.ClickAsync(decide, "[data-testid=release]", new Dictionary<string, string>());
        own.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(own)).Errors().Should().Contain("发起转移申请的人不能放行它，请由另一位工作人员办理");

        using var colleague = await portal.SignInAsync("street1b");
        (await colleague.ClickAsync(decide, "[data-testid=release]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<int>(portal.ConnectionString, "SELECT status::int FROM transfer_requests WHERE requested_by_name = 'street1' ORDER BY requested_at DESC LIMIT 1")).Should().Be((int)TransferStatus.Released);
    }

    [Fact]
    public async Task Payment_TheApproverOfTheLastStep_CannotRecordIt_AnotherOfficialCan()
    {
        var id = await portal.ApprovedJobDevelopmentAsync("支付分离"); // county1 approves the last step
        using var county = await portal.SignInAsync("county1");
        await PublishAndEndAsync(county, id);

        var (_, payments) = await county.GetPageAsync("/Bureau/Payments");
        var form = payments.QuerySelector<IHtmlFormElement>($"[data-testid=pay-{id}]")!;
        var own = await county.PostFormAsync(form, "/Bureau/Payments", new Dictionary<string, string> { ["Reference"] = "PAY-SOD-1" }, "/Bureau/Payments?handler=Pay");
        own.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(own)).Errors().Should().Contain("审批最后一步的人不能登记支付，请由另一位工作人员办理");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM payments WHERE application_id = '{id}'")).Should().Be(0);

        using var colleague = await portal.SignInAsync("county1b");
        var (_, again) = await colleague.GetPageAsync("/Bureau/Payments");
        (await colleague.PostFormAsync(again.QuerySelector<IHtmlFormElement>($"[data-testid=pay-{id}]")!, "/Bureau/Payments", new Dictionary<string, string> { ["Reference"] = "PAY-SOD-1" }, "/Bureau/Payments?handler=Pay"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM payments WHERE application_id = '{id}'")).Should().Be(1);
    }

    [Fact]
    public async Task Payment_TypedAmount_WaitsForASecondOfficial_ThroughThePage()
    {
        // An application whose rule computed no amount (premiums actually paid): made so in the database.
        var id = await portal.ApprovedJobDevelopmentAsync("手填金额");
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE subsidy_applications SET amount = NULL WHERE id = '{id}'");
        using var county = await portal.SignInAsync("county1");
        await PublishAndEndAsync(county, id);

        using var typist = await portal.SignInAsync("county1b");
        var (_, payments) = await typist.GetPageAsync("/Bureau/Payments");
        var typed = await typist.PostFormAsync(payments.QuerySelector<IHtmlFormElement>($"[data-testid=pay-{id}]")!, "/Bureau/Payments",
            new Dictionary<string, string> { ["Amount"] = "1234.50", ["Reference"] = "PAY-SOD-2" }, "/Bureau/Payments?handler=Pay");
        typed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM payments WHERE application_id = '{id}'")).Should().Be(0, "a typed amount is not paid on one person's word");

        // The typist sees it waiting, without a confirm button; forcing the post is refused.
        var (_, waiting) = await typist.GetPageAsync("/Bureau/Payments");
        var pending = waiting.QuerySelector<IHtmlFormElement>($"[data-testid=pending-{id}]")!;
        pending.TextContent.Should().Contain("1,234.5 元").And.Contain("需另一位工作人员确认");
        pending.QuerySelector("[data-testid=confirm]").Should().BeNull();
        var forced = await typist.PostFormAsync(pending, "/Bureau/Payments", new Dictionary<string, string>(), "/Bureau/Payments?handler=Confirm");
        forced.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(forced)).Errors().Should().Contain("录入金额的人不能自己确认，请由另一位工作人员确认");

        using var city = await portal.SignInAsync("city1");
        (await city.ClickAsync("/Bureau/Payments", $"[data-testid=pending-{id}] [data-testid=confirm]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<decimal>(portal.ConnectionString, $"SELECT amount FROM payments WHERE application_id = '{id}' AND recorded_by_name = 'county1b' AND confirmed_by_name = 'city1'")).Should().Be(1234.50m);
    }

    [Fact]
    public async Task BulkApproval_LeavesOutFlaggedApplications_AndShowsTheirReason()
    {
        using var community = await portal.SignInAsync("community1");
        using var street = await portal.SignInAsync("street1b");
        var (_, plain) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, "批量普通", contractYears: 3);
        var flagged = await SubmitFlaggedAsync(community, "批量旗标", "合同已续签，补充材料在途");
        var blank = await SubmitFlaggedAsync(community, "批量空因", "旧数据");
        foreach (var id in new[] { plain, flagged, blank })
        {
            (await street.ClickAsync($"/Applications/{id}", "[data-testid=approve]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        // A reason stored before the normaliser, made only of a space and zero-width characters.
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE subsidy_applications SET override_reason = E' \\u200B\\u200B' WHERE id = '{blank}'");

        using var county = await portal.SignInAsync("county1");
        var (_, queue) = await county.GetPageAsync("/Bureau/Applications");
        var rows = queue.QuerySelectorAll("[data-testid=applications] tbody tr").ToList();
        var flaggedRow = rows.Single(r => r.TextContent.Contains("批量旗标", StringComparison.Ordinal));
        flaggedRow.QuerySelector("input[name=Selected]").Should().BeNull("a flagged application cannot be ticked");
        flaggedRow.QuerySelector("[data-testid=decide-alone]")!.GetAttribute("href").Should().Be($"/Applications/{flagged}");
        flaggedRow.QuerySelector("[data-testid=override-reason]")!.TextContent.Should().Be("合同已续签，补充材料在途");
        var blankRow = rows.Single(r => r.TextContent.Contains("批量空因", StringComparison.Ordinal));
        blankRow.QuerySelector("input[name=Selected]").Should().BeNull();
        blankRow.QuerySelector("[data-testid=override-reason]")!.TextContent.Should().Be("（未填写理由）", "the flag is never followed by nothing");
        rows.Single(r => r.TextContent.Contains("批量普通", StringComparison.Ordinal)).QuerySelector("input[name=Selected]").Should().NotBeNull();
        var (_, detail) = await county.GetPageAsync($"/Applications/{blank}");
        detail.QuerySelector("[data-testid=override]")!.TextContent.Should().Contain("（未填写理由）");

        // Posting the flagged ids by hand: left out of the confirmation, and refused by the service.
        var version = await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT xmin::text::bigint FROM subsidy_applications WHERE id = '{flagged}'");
        var form = queue.QuerySelector<IHtmlFormElement>("form:has([data-testid=approve-selected])")!;
        var confirm = await county.PostFormAsync(form, "/Bureau/Applications", new Dictionary<string, string> { ["Selected"] = $"{flagged}:{version}" }, "/Bureau/Applications?handler=Confirm");
        confirm.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var approve = await county.PostFormAsync(form, "/Bureau/Applications", new Dictionary<string, string> { ["Selected"] = $"{flagged}:{version}" }, "/Bureau/Applications?handler=Approve");
        (await Html.ParseAsync(approve)).QuerySelector("[data-testid=bulk-results]")!.TextContent.Should().Contain("不符合审核结果仍提交的申请不能批量审批，请打开后逐件审批");
        (await TestSql.ScalarAsync<int>(portal.ConnectionString, $"SELECT status::int FROM subsidy_applications WHERE id = '{flagged}'")).Should().NotBe(4, "not approved");

        // Opened on its own, it is decided as any other.
        (await county.ClickAsync($"/Applications/{flagged}", "[data-testid=approve]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SplitAdministration_NoAdministratorSeesPersonalData_EachSeesOnlyItsOwnDuty()
    {
        var application = await portal.ApprovedJobDevelopmentAsync("管理员不可见");
        using var admin = await portal.SignInAsync("admin");
        using var security = await portal.SignInAsync("secadmin");
        using var auditor = await portal.SignInAsync("auditor");
        foreach (var client in new[] { admin, security, auditor })
        {
            foreach (var page in new[] { $"/Applications/{application}", "/Employers", "/Postings", "/Station/Persons", "/Bureau/Applications", "/Schemes/SocialInsurance/NewVersion" })
            {
                (await client.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.Forbidden, page);
            }
        }

        (await admin.GetAsync("/Admin/Audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the system administrator does not read the audit trail");
        (await security.GetAsync("/Admin/Accounts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await auditor.GetAsync("/Admin/Accounts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // The auditor reads the trail, filtered, and no snapshot (names of the cases) is on it.
        var (_, trail) = await auditor.GetPageAsync("/Admin/Audit?action=ApplicationSubmitted");
        var events = trail.QuerySelector("[data-testid=audit-events]")!.TextContent;
        events.Should().Contain("ApplicationSubmitted").And.Contain("community1").And.NotContain("管理员不可见");
        trail.QuerySelectorAll("[data-testid=audit-events] tbody tr").Should().OnlyContain(r => r.TextContent.Contains("ApplicationSubmitted"));
        trail.QuerySelectorAll("main form[method=post]").Should().BeEmpty("the audit trail is read-only");
    }

    [Fact]
    public async Task SplitAdministration_AnAdministratorCannotGrantThemselvesARole()
    {
        using var admin = await portal.SignInAsync("admin");
        var self = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = 'admin'");
        var cityBureau = (await UnitAsync(portal.ConnectionString, City)).ToString(CultureInfo.InvariantCulture);

        foreach (var role in new[] { "CityOfficial", "SecurityAdmin", "AuditAdmin", "SystemAdmin" })
        {
            var response = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{self}", new Dictionary<string, string> { ["Input.Role"] = role, ["Input.OrgUnitId"] = cityBureau });
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, role);
            (await Html.ParseAsync(response)).Errors().Should().Contain("不能修改自己的角色或单位：请由另一位管理员办理");
        }

        (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT r.name FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.user_name = 'admin'"))
            .Should().Be("SystemAdmin");

        // Another administrator's role is the system administrator's to set.
        var secadmin = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = 'auditor'");
        (await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{secadmin}", new Dictionary<string, string> { ["Input.Role"] = "AuditAdmin", ["Input.OrgUnitId"] = cityBureau }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<string> SubmitFlaggedAsync(PortalClient community, string name, string reason)
    {
        var person = await community.RegisteredAsync(portal.ConnectionString, name, 35);
        var url = $"/Station/Applications/Edit?personId={PersonId(person)}&scheme=CommunityJobDevelopment";
        var fields = JobDevelopmentFacts(Today.AddYears(3).AddMonths(-1)); // under 3 years: 不符合
        fields["OverrideReason"] = reason;
        var submitted = await community.ClickAsync(url, "[data-testid=submit]", fields);
        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        return submitted.Headers.Location!.OriginalString.Split('/')[^1];
    }

    /// <summary>Puts the application on a notice and lets the notice end: it is payable.</summary>
    private async Task PublishAndEndAsync(PortalClient county, string id)
    {
        var notice = await county.PublishNoticeAsync("职责分离公示" + id[..8], id);
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE notices SET starts_on = starts_on - 30, ends_on = ends_on - 30 WHERE id = '{notice}'");

        // Ended notices are closed by the hourly job or the button (no GET changes state).
        (await county.ClickAsync("/Bureau/Notices", "[data-testid=close-ended]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<string> RegionIdAsync(string code) =>
        (await DemoIds.RegionAsync(portal.ConnectionString, code)).ToString(CultureInfo.InvariantCulture);

    private static Task<int> UnitAsync(string connectionString, string code) => DemoIds.UnitAsync(connectionString, code);

    private const string Community1 = DemoIds.Community1;
    private const string City = DemoIds.City;
}
