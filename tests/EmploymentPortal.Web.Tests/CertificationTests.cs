using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>4050 hardship certification: requested by station staff with the check, decided once by an official.</summary>
public sealed class CertificationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string Today = TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Certification_RequestedWithTheCheck_ApprovedByTheCounty_ShowsOnThePersonPage()
    {
        using var staff = await portal.SignInAsync("community1");
        var person = await RegisteredAsync(staff, "认定甲", 55);

        // The person page leads to the request's own page, which says what the request sets going before it is sent.
        var (_, before) = await staff.GetPageAsync(person);
        var requestUrl = before.QuerySelector("[data-testid=check-Hardship4050] [data-testid=request-certification]")!.GetAttribute("href")!;
        var (_, confirmation) = await staff.GetPageAsync(requestUrl);
        confirmation.QuerySelector("[data-testid=effects]")!.TextContent.Should().Contain("送县（区）人社部门审核").And.Contain("4050");
        confirmation.QuerySelector("[data-testid=check]")!.TextContent.Should().Contain("符合");

        // A double click: the same form posted twice has one effect and a clear message.
        var form = confirmation.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var sent = await staff.PostFormAsync(form, requestUrl, new Dictionary<string, string>());
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await staff.GetPageAsync(sent.Headers.Location!.OriginalString)).Document.QuerySelector("[role=status]")!.TextContent
            .Should().Be("已提交认定甲的大龄就业困难对象（“4050”人员）认定申请，等待县（区）人社部门审核。");
        var again = await staff.PostFormAsync(form, requestUrl, new Dictionary<string, string>());
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(again)).Errors().Should().Contain("该人员已有待审批的认定申请");
        var (_, requested) = await staff.GetPageAsync(person);
        requested.QuerySelector("[data-testid=check-Hardship4050] [data-testid=certification]")!.TextContent.Should().Contain("待审批");
        requested.QuerySelector("[data-testid=check-Hardship4050] [data-testid=request-certification]").Should().BeNull("a waiting request offers no second request in its category");

        using var county = await portal.SignInAsync("county1");
        var (_, queue) = await county.GetPageAsync("/Bureau/Certifications");
        var link = queue.QuerySelectorAll("[data-testid=certifications] a").Single(a => a.TextContent == "认定甲").GetAttribute("href")!;
        var (_, detail) = await county.GetPageAsync(link);
        detail.QuerySelector("[data-testid=check]")!.TextContent.Should().Contain("符合").And.Contain("已满 50 周岁").And.Contain("申请日处于失业登记状态");
        (await county.ApproveCertificationAsync(link)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, certified) = await staff.GetPageAsync(person);
        certified.QuerySelector("[data-testid=check-Hardship4050] [data-testid=certification]")!.TextContent.Should().Contain("已认定").And.Contain("county1");
        var (_, ledger) = await staff.GetPageAsync("/Station/Persons?certified=true");
        ledger.QuerySelector("[data-testid=ledger]")!.TextContent.Should().Contain("认定甲").And.NotContain("认定乙");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'CertificationApproved' AND actor_name = 'county1'")).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Certification_RejectedOnlyWithAReason_ThenStaffMayAskAgain()
    {
        using var staff = await portal.SignInAsync("community1");
        var person = await RegisteredAsync(staff, "认定乙", 38, Sex.Female);
        (await staff.RequestCertificationAsync(person, "Hardship4050", "户籍登记的出生日期有误，正在更正"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var county = await portal.SignInAsync("county1");
        var link = await QueueLinkAsync(county, "认定乙");
        var (_, detail) = await county.GetPageAsync(link);
        detail.QuerySelector("[data-testid=check]")!.TextContent.Should().Contain("不符合").And.Contain("不满 40 周岁");

        var noReason = await county.ClickAsync(link, "[data-testid=reject]", new Dictionary<string, string> { ["Reason"] = string.Empty });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(noReason)).Errors().Should().Contain(e => e.Contains("不予认定时请填写原因"));

        // Rejecting asks for confirmation too, showing the reason; nothing is decided before it.
        var asked = await county.ClickAsync(link, "[data-testid=reject]", new Dictionary<string, string> { ["Reason"] = "年龄未满 40 周岁" });
        asked.StatusCode.Should().Be(HttpStatusCode.OK);
        var confirm = await Html.ParseAsync(asked);
        confirm.QuerySelector("[data-testid=confirm]")!.TextContent.Should().Contain("确认不予认定认定乙为大龄就业困难对象（“4050”人员）？");
        confirm.QuerySelector("[data-testid=confirm-reason]")!.TextContent.Should().Be("年龄未满 40 周岁");
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT c.status::text FROM hardship_certifications c JOIN persons p ON p.id = c.person_id WHERE p.name = '认定乙'")).Should().NotBe("Rejected");
        var button = confirm.QuerySelector<IHtmlButtonElement>("[data-testid=confirm-reject]")!;
        var rejected = await county.PostFormAsync(button.Form!, link, new Dictionary<string, string>(), button.GetAttribute("formaction"));
        rejected.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await county.GetPageAsync(rejected.Headers.Location!.OriginalString)).Document.QuerySelector("[role=status]")!.TextContent
            .Should().Be("已不予认定认定乙为大龄就业困难对象（“4050”人员），原因：年龄未满 40 周岁。");

        var (_, page) = await staff.GetPageAsync(person);
        page.QuerySelector("[data-testid=check-Hardship4050] [data-testid=certification]")!.TextContent.Should().Contain("未通过").And.Contain("年龄未满 40 周岁");
        page.QuerySelector(Request4050).Should().NotBeNull();
    }

    [Fact]
    public async Task Certification_TwoOfficialsApproveAtOnce_OneDecisionStands()
    {
        using var staff = await portal.SignInAsync("community1");
        var person = await RegisteredAsync(staff, "认定丙", 52);
        (await staff.RequestCertificationAsync(person, "Hardship4050")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var county = await portal.SignInAsync("county1");
        using var city = await portal.SignInAsync("city1");
        var link = await QueueLinkAsync(county, "认定丙");
        var (_, first) = await county.GetPageAsync(link);
        var (_, second) = await city.GetPageAsync(link);

        var results = await Task.WhenAll(
            county.PostFormAsync(first.QuerySelector<IHtmlFormElement>("main form")!, link, new Dictionary<string, string> { ["Confirmed"] = "true" }, link + "?handler=Approve"),
            city.PostFormAsync(second.QuerySelector<IHtmlFormElement>("main form")!, link, new Dictionary<string, string> { ["Confirmed"] = "true" }, link + "?handler=Approve"));

        results.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(1);
        var refused = results.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        (await Html.ParseAsync(refused)).Errors().Should().Contain("该申请已被审批（可能刚被其他人审批）");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events a JOIN hardship_certifications c ON c.id::text = a.entity_id JOIN persons p ON p.id = c.person_id WHERE p.name = '认定丙' AND a.action = 'CertificationApproved'")).Should().Be(1);
    }

    [Fact]
    public async Task OtherCategory_ZeroEmploymentHouseholdMember_RequestedWithItsOwnCheck()
    {
        using var staff = await portal.SignInAsync("community1");
        var person = await RegisteredAsync(staff, "认定丁", 30);
        var (_, page) = await staff.GetPageAsync(person);
        page.QuerySelector("[data-testid=check-Hardship4050]")!.TextContent.Should().Contain("不满 50 周岁");
        var zero = page.QuerySelector("[data-testid=check-HardshipZeroEmployment]")!;
        zero.TextContent.Should().Contain("零就业家庭成员");
        zero.QuerySelector("[data-testid=request-certification]")!.GetAttribute("href").Should().EndWith("/RequestCertification/HardshipZeroEmployment");
        (await staff.RequestCertificationAsync(person, "HardshipZeroEmployment", "家庭成员信息待补录，已核实为零就业家庭")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var county = await portal.SignInAsync("county1");
        var link = await QueueLinkAsync(county, "认定丁");
        var (_, detail) = await county.GetPageAsync(link);
        detail.QuerySelector("[data-testid=category]")!.TextContent.Should().Be("零就业家庭成员");
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT c.category FROM hardship_certifications c JOIN persons p ON p.id = c.person_id WHERE p.name = '认定丁'")).Should().Be("HardshipZeroEmployment");
    }

    [Fact]
    public async Task Queue_StationStaff_Forbidden()
    {
        using var staff = await portal.SignInAsync("community1");
        (await staff.GetAsync("/Bureau/Certifications")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private const string Request4050 = "[data-testid=check-Hardship4050] [data-testid=request-certification]";

    private async Task<string> RegisteredAsync(PortalClient staff, string name, int age, Sex sex = Sex.Male)
    {
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(TestClock.Today.AddYears(-age).AddDays(-3), sex), name);
        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = Today }, "form[action*=OpenRegistration]")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return url;
    }

    private static async Task<string> QueueLinkAsync(PortalClient official, string name)
    {
        var (_, queue) = await official.GetPageAsync("/Bureau/Certifications");
        return queue.QuerySelectorAll("[data-testid=certifications] a").Single(a => a.TextContent == name).GetAttribute("href")!;
    }
}
