using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Actions that change a person's status ask first on a page that says what will change, and
/// every action says afterwards what it did and to whom (issue 16, finding 4).
/// </summary>
public sealed class ActionFeedbackTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task EndRegistration_AsksForAReasonWithNoDefault_SaysWhatChanges_ThenWhatHappened()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1978, 5, 6), Sex.Male), "王建国");
        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = Iso(portal.Today.AddMonths(-2)) }, "form[action*=OpenRegistration]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The person page offers the action as a way to its page, not as a form that acts at once.
        var (_, person) = await staff.GetPageAsync(url);
        person.QuerySelector("form[action*=EndRegistration]").Should().BeNull();
        var link = person.QuerySelector("[data-testid=end-registration]")!.GetAttribute("href")!;
        link.Should().Be(url + "/EndRegistration");

        var (_, page) = await staff.GetPageAsync(link);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name=EndReason]")!.Value.Should().BeEmpty("no reason is chosen for the user");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=EndedOn]")!.Value.Should().BeEmpty();
        var effects = page.QuerySelector("[data-testid=effects]")!.TextContent;
        effects.Should().Contain("不再计入登记失业人数");
        page.QuerySelector("[data-testid=effect-Employed]")!.TextContent.Should().Be("实现就业：改为“就业”");
        page.QuerySelector("[data-testid=effect-MovedAway]")!.TextContent.Should().Be("迁出：保持“失业”不变");

        // Without a reason nothing changes and the page says what is missing.
        var refused = await staff.SubmitFormAsync(link, new Dictionary<string, string> { ["EndedOn"] = Iso(portal.Today) });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(refused)).Errors().Should().Contain(e => e.Contains("请选择注销原因"));
        (await OpenRegistrationsAsync("王建国")).Should().Be(1);

        var ended = await staff.SubmitFormAsync(link, new Dictionary<string, string> { ["EndedOn"] = Iso(portal.Today), ["EndReason"] = "Employed" });
        ended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ended.Headers.Location!.OriginalString.Should().Be(url);
        var (_, after) = await staff.GetPageAsync(url);
        after.QuerySelector("[role=status]")!.TextContent.Should().Be("王建国的失业登记已注销（实现就业）。");
        (await OpenRegistrationsAsync("王建国")).Should().Be(0);

        // With nothing left to end, the page sends the user back with the reason.
        var none = await staff.GetAsync(link);
        none.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task PersonPageActions_SayWhatHappenedToWhom()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1985, 9, 9), Sex.Female), "李秀英");

        var opened = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = Iso(portal.Today) }, "form[action*=OpenRegistration]");
        (await MessageAfterAsync(staff, opened)).Should().Be($"李秀英的失业登记已办理（登记日期 {Iso(portal.Today)}）。");

        var visited = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["FollowUp.Kind"] = "HomeVisit", ["FollowUp.OccurredOn"] = Iso(portal.Today), ["FollowUp.Notes"] = "入户了解就业意愿" }, "form[action*=FollowUp]");
        (await MessageAfterAsync(staff, visited)).Should().Be($"已记录李秀英的入户走访（{Iso(portal.Today)}）。");

        var requested = await staff.RequestCertificationAsync(url, "HardshipZeroEmployment", "家庭成员尚未全部录入，已入户核实");
        (await MessageAfterAsync(staff, requested)).Should().Be("已提交李秀英的零就业家庭成员认定申请，等待县（区）人社部门审核。");
    }

    [Fact]
    public async Task RequestCertification_SaysWhatItSetsGoing_AndAsksWhyAgainstTheCheck()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1992, 1, 1), Sex.Male), "赵申请");
        var (_, page) = await staff.GetPageAsync(url + "/RequestCertification/Hardship4050");
        page.QuerySelector("[data-testid=effects]")!.TextContent.Should().Contain("送县（区）人社部门审核").And.Contain("带有标记");
        page.QuerySelector("textarea[name=OverrideReason]").Should().NotBeNull("the check does not say eligible at 34");

        var bare = await staff.RequestCertificationAsync(url, "Hardship4050");
        bare.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CertificationsAsync("赵申请")).Should().Be(0);
        (await staff.GetAsync(url + "/RequestCertification/NoSuchCategory")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Texts_NoMessageJustSaysSaved()
    {
        // The class of finding 4: feedback that could follow any action. Every message names what happened.
        var generic = new[] { "已保存。", "保存成功。", "保存成功", "操作成功。", "操作成功", "Saved.", "Saved successfully." };
        var texts = new EmploymentPortal.Web.Localization.JsonTexts();
        foreach (var culture in EmploymentPortal.Web.Localization.JsonTexts.Cultures)
        {
            texts.For(culture).Where(t => generic.Contains(t.Value.Trim())).Select(t => t.Key).Should().BeEmpty($"{culture} has no message that only says it saved");
        }
    }

    private static async Task<string> MessageAfterAsync(PortalClient client, HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var (_, page) = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        return page.QuerySelector("[role=status]")!.TextContent.Trim();
    }

    private Task<long> OpenRegistrationsAsync(string name) => TestSql.ScalarAsync<long>(
        portal.ConnectionString,
        $"SELECT count(*) FROM unemployment_registrations r JOIN persons p ON p.id = r.person_id WHERE p.name = '{name}' AND r.ended_on IS NULL");

    private Task<long> CertificationsAsync(string name) => TestSql.ScalarAsync<long>(
        portal.ConnectionString,
        $"SELECT count(*) FROM hardship_certifications c JOIN persons p ON p.id = c.person_id WHERE p.name = '{name}'");
}
