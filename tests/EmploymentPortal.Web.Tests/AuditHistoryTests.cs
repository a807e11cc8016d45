using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The audit history pages (person, household, application) read as staff speak: who · when, the
/// action named, and "field: from → to" for what changed, in the page's language; never raw JSON
/// or bare record ids.
/// </summary>
public sealed partial class AuditHistoryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task PersonEdited_HistoryShowsWhoWhenAndEachChangedField_InChineseThenEnglish()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1979, 4, 12), Sex.Male), "审计甲");
        var edited = await staff.SubmitFormAsync(url + "/Edit", new Dictionary<string, string>
        {
            ["Input.EmploymentStatus"] = "Employed",
            ["Input.Address"] = "潍城区胜利街 21 号",
        });
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, history) = await staff.GetPageAsync(url + "/History");
        var events = history.QuerySelectorAll("[data-testid=audit-event]");
        events.Select(e => e.QuerySelector("[data-testid=audit-action]")!.TextContent).Should().Equal("修改信息", "登记入台账");
        var update = events[0];
        update.QuerySelector("[data-testid=audit-who]")!.TextContent.Should().Be("赵敏（向阳社区劳动保障事务站）");
        update.QuerySelector("time")!.TextContent.Should().StartWith(TestClock.TodayText);
        Lines(update).Should().BeEquivalentTo("就业状态：失业 → 就业", "居住地址：潍城区向阳路 8 号 → 潍城区胜利街 21 号");
        Lines(events[1]).Should().Contain("姓名：审计甲").And.Contain("就业状态：失业").And.Contain("户籍类型：城镇").And.Contain("有就业愿望：是");
        Lines(events[1]).Should().Contain(l => l.StartsWith("身份证号码：", StringComparison.Ordinal) && l.Contains('*'), "the number stays masked as stored");
        Lines(events[1])[0].Should().Be("姓名：审计甲", "fields come in the record page's order");
        Lines(events[1]).Should().NotContain(l => l.StartsWith("手机号码", StringComparison.Ordinal), "a new record's blank fields say nothing")
            .And.ContainSingle(l => l.StartsWith("所属社区：", StringComparison.Ordinal)).Which.Should().NotContain(DemoIds.Community1, "the community is named");
        AssertReadable(history);

        (await staff.PostLayoutFormAsync(url + "/History", "/Culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = url + "/History" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, english) = await staff.GetPageAsync(url + "/History");
        var first = english.QuerySelectorAll("[data-testid=audit-event]")[0];
        first.QuerySelector("[data-testid=audit-action]")!.TextContent.Should().Be("Details changed");
        Lines(first).Should().BeEquivalentTo("Employment status: Unemployed → Employed", "Address: 潍城区向阳路 8 号 → 潍城区胜利街 21 号");
        AssertReadable(english);
    }

    [Fact]
    public async Task PersonHistory_FollowUpAndUnemployment_NamedWithTheirFieldsAndNotThePersonAgain()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisteredAsync(portal.ConnectionString, "审计乙", 45);
        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["FollowUp.Kind"] = "HomeVisit", ["FollowUp.OccurredOn"] = TestClock.TodayText, ["FollowUp.Notes"] = "上门了解求职意向" }, "form[action*=FollowUp]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, history) = await staff.GetPageAsync(url + "/History");
        var events = history.QuerySelectorAll("[data-testid=audit-event]");
        var visit = events.Single(e => e.QuerySelector("[data-testid=audit-action]")!.TextContent == "记录跟踪服务");
        Lines(visit).Should().BeEquivalentTo("方式：入户走访", "日期：" + TestClock.TodayText);
        var registration = events.Single(e => e.QuerySelector("[data-testid=audit-action]")!.TextContent == "办理失业登记");
        Lines(registration).Should().BeEquivalentTo("登记日期：" + TestClock.TodayText);
        AssertReadable(history);
    }

    [Fact]
    public async Task HouseholdHistory_MemberAdded_NamedWithTheRelationship()
    {
        using var staff = await portal.SignInAsync("community1");
        var head = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1975, 2, 3), Sex.Male), "审计户主");
        var spouseId = TestIds.Make(new DateOnly(1977, 5, 6), Sex.Female);
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, spouseId, "审计配偶");
        var household = await staff.CreateHouseholdUrlAsync(head, (spouseId, "Spouse"));

        var (_, history) = await staff.GetPageAsync(household + "/History");
        var added = history.QuerySelectorAll("[data-testid=audit-event]")
            .Where(e => e.QuerySelector("[data-testid=audit-action]")!.TextContent == "添加家庭成员")
            .SelectMany(Lines)
            .ToList();
        added.Should().Contain("人员：审计配偶").And.Contain("与户主关系：配偶").And.Contain("人员：审计户主").And.Contain("与户主关系：户主");
        var created = history.QuerySelectorAll("[data-testid=audit-event]").Single(e => e.QuerySelector("[data-testid=audit-action]")!.TextContent == "建立家庭");
        Lines(created).Should().Contain("家庭住址：潍城区向阳路 8 号").And.Contain("有经营性或投资性收入：否");
        history.QuerySelector("[data-testid=history] a[href='" + head + "']")!.TextContent.Should().Be("审计户主");
        AssertReadable(history);
    }

    [Fact]
    public async Task ApplicationHistory_SubmittedAndApproved_ReadAsTheApplicationPageDoes()
    {
        using var community = await portal.SignInAsync("community1");
        var (person, id) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, "审计丙", contractYears: 3);
        using var street = await portal.SignInAsync("street1");
        (await street.ClickAsync($"/Applications/{id}", "[data-testid=approve]", new Dictionary<string, string> { ["Reason"] = "材料齐全" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, page) = await community.GetPageAsync($"/Applications/{id}");
        var events = page.QuerySelectorAll("[data-testid=audit-event]");
        events.Select(e => e.QuerySelector("[data-testid=audit-action]")!.TextContent).Should().Equal("审批通过", "提交补贴申请");
        events[0].QuerySelector("[data-testid=audit-who]")!.TextContent.Should().Be("王丽（城关街道劳动保障事务所）");
        Lines(events[0]).Should().BeEquivalentTo("环节：街道审核", "意见或理由：材料齐全", "状态：审批中");
        var submitted = Lines(events[1]);
        submitted.Should().Contain("人员：审计丙").And.Contain("申请单位：向阳社区便民服务部").And.Contain("提交时资格审核：符合").And.Contain("轮次：1");
        submitted.Should().Contain(l => l.StartsWith("申请事实：", StringComparison.Ordinal) && l.Contains("劳动合同起始日期：" + TestClock.TodayText) && l.Contains("按时缴纳社会保险费：是"));
        submitted.Should().Contain(l => l.StartsWith("金额：", StringComparison.Ordinal) && l.Contains('元'));
        events[1].QuerySelector("a[href='" + person + "']")!.TextContent.Should().Be("审计丙");
        AssertReadable(page);

        var (_, personHistory) = await community.GetPageAsync(person + "/History");
        personHistory.QuerySelectorAll("[data-testid=audit-action]").Select(a => a.TextContent).Should().Contain("提交补贴申请");
        AssertReadable(personHistory);
    }

    private static List<string> Lines(IElement auditEvent) =>
        auditEvent.QuerySelectorAll("[data-testid=audit-line]").Select(l => l.TextContent.Trim()).ToList();

    /// <summary>No JSON and no bare record ids anywhere on the page's text (ids may sit in links).</summary>
    private static void AssertReadable(IDocument page)
    {
        var trail = page.QuerySelector("[data-testid=history]")!;
        page.DocumentElement.OuterHtml.Should().NotContain("{\"").And.NotContain("{&quot;");
        trail.TextContent.Should().NotContain("{").And.NotContain("}");
        Guid().IsMatch(trail.TextContent).Should().BeFalse(trail.TextContent);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();
}
