using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.TestCommon;

using static EmploymentPortal.Web.Tests.SubsidyPages;

namespace EmploymentPortal.Web.Tests;

/// <summary>Subsidy applications through the pages: submission with the stored check, the workflows, separation of duties, concurrency and scoping.</summary>
public sealed class ApplicationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Standard_CommunityPrepares_StreetReviews_CountyApproves_WithTheCheckStored()
    {
        using var community = await portal.SignInAsync("community1");
        var (person, id) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, "申请甲", contractYears: 3);

        var (_, page) = await community.GetPageAsync($"/Applications/{id}");
        page.QuerySelector("[data-testid=check]")!.TextContent.Should().Contain("符合").And.Contain("达到 3 年");
        page.QuerySelector("[data-testid=amount]")!.TextContent.Should().Contain("500");
        page.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("审批中");
        page.QuerySelector("[data-testid=act]").Should().BeNull("the submitter does not act on the street's step");

        using var street = await portal.SignInAsync("street1");
        var (_, mine) = await street.GetPageAsync("/Station/Applications");
        mine.QuerySelector("[data-testid=applications]")!.TextContent.Should().Contain("申请甲");
        (await street.ClickAsync($"/Applications/{id}", "[data-testid=approve]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var county = await portal.SignInAsync("county1");
        var (_, queue) = await county.GetPageAsync("/Bureau/Applications?Scheme=CommunityJobDevelopment");
        queue.QuerySelector("[data-testid=applications]")!.TextContent.Should().Contain("申请甲").And.Contain("区县人社局审批");
        (await county.ClickAsync($"/Applications/{id}", "[data-testid=approve]", new Dictionary<string, string> { ["Reason"] = "材料齐全" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, approved) = await community.GetPageAsync($"/Applications/{id}");
        approved.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("已审批，待公示");
        approved.QuerySelector("[data-testid=actions]")!.TextContent.Should().Contain("王丽（城关街道劳动保障事务所）").And.Contain("张伟（潍城区人力资源和社会保障局）").And.Contain("材料齐全");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM audit_events WHERE entity_id = '{id}' AND action IN ('ApplicationSubmitted', 'ApplicationApproved')")).Should().Be(3);
        person.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Ineligible_NeedsAnOverrideReason_KeepsTypedFacts_AndApproversSeeItFlagged()
    {
        using var community = await portal.SignInAsync("community1");
        var person = await community.RegisteredAsync(portal.ConnectionString, "申请乙", 35);
        var url = $"/Station/Applications/Edit?personId={PersonId(person)}&scheme=CommunityJobDevelopment";
        var fields = JobDevelopmentFacts(Today.AddYears(3).AddMonths(-1)); // 2 years 11 months

        var refused = await community.ClickAsync(url, "[data-testid=submit]", fields);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var form = await Html.ParseAsync(refused);
        form.Errors().Should().Contain("审核结果不是“符合”，请填写仍要提交的理由");
        form.QuerySelector("[data-testid=check]")!.TextContent.Should().Contain("不符合").And.Contain("2 年 11 个月").And.Contain("不足 3 年");
        form.QuerySelector<IHtmlInputElement>("#ApplicantName")!.Value.Should().Be("向阳社区便民服务部");
        form.QuerySelector<IHtmlInputElement>("#Facts_ContractEnd")!.Value.Should().Be(fields["Facts[ContractEnd]"]);

        var submitted = await community.PostFormAsync(form.QuerySelector<IHtmlFormElement>("main form")!, url, new Dictionary<string, string> { ["OverrideReason"] = "合同已续签，补充材料在途" }, url + "&handler=Submit");
        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = submitted.Headers.Location!.OriginalString.Split('/')[^1];

        using var street = await portal.SignInAsync("street1");
        var (_, list) = await street.GetPageAsync("/Station/Applications");
        list.QuerySelectorAll("[data-testid=applications] tr").Single(r => r.TextContent.Contains("申请乙", StringComparison.Ordinal))
            .QuerySelector("[data-testid=overridden]").Should().NotBeNull();
        var (_, detail) = await street.GetPageAsync($"/Applications/{id}");
        detail.QuerySelector("[data-testid=override]")!.TextContent.Should().Contain("合同已续签，补充材料在途");
    }

    [Fact]
    public async Task DoubleClickedSubmit_CreatesOneApplication()
    {
        using var community = await portal.SignInAsync("community1");
        var person = await community.RegisteredAsync(portal.ConnectionString, "申请丙", 40);
        var url = $"/Station/Applications/Edit?personId={PersonId(person)}&scheme=CommunityJobDevelopment";
        var (_, page) = await community.GetPageAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var fields = JobDevelopmentFacts(Today.AddYears(3).AddDays(-1));

        var both = await Task.WhenAll(
            community.PostFormAsync(form, url, fields, url + "&handler=Submit"),
            community.PostFormAsync(form, url, fields, url + "&handler=Submit"));

        both.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect);
        (await CountAsync("申请丙")).Should().Be(1);
    }

    [Fact]
    public async Task SeparationOfDuties_TheSubmitterCannotReview_AnotherStreetAccountCan()
    {
        using var street = await portal.SignInAsync("street1");
        var (_, id) = await street.SubmitJobDevelopmentAsync(portal.ConnectionString, "申请丁", contractYears: 4);

        var (_, own) = await street.GetPageAsync($"/Applications/{id}");
        own.QuerySelector("[data-testid=act]").Should().BeNull();
        own.QuerySelector("[data-testid=waiting]")!.TextContent.Should().Contain("街道审核");

        // Forcing the post anyway is refused with the reason.
        using var other = await portal.SignInAsync("street1b");
        var (_, page) = await other.GetPageAsync($"/Applications/{id}");
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=act] form")!;
        var forced = await street.PostFormAsync(form, $"/Applications/{id}", new Dictionary<string, string>(), $"/Applications/{id}?handler=Approve");
        forced.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await other.ClickAsync($"/Applications/{id}", "[data-testid=approve]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, done) = await other.GetPageAsync($"/Applications/{id}");
        done.QuerySelector("[data-testid=waiting]")!.TextContent.Should().Contain("区县人社局审批");
    }

    [Fact]
    public async Task SmallLoan_FiveSteps_WithReferenceNumbers_AndAWrongRoleRefused()
    {
        using var community = await portal.SignInAsync("community1");
        var person = await community.RegisteredAsync(portal.ConnectionString, "贷款甲", 30);
        var url = $"/Station/Applications/Edit?personId={PersonId(person)}&scheme=SmallLoan";
        var submitted = await community.ClickAsync(url, "[data-testid=submit]", new Dictionary<string, string>
        {
            ["Facts[StartingSelfEmployment]"] = "true",
            ["Facts[RequestedLoanAmount]"] = "150000",
            ["Facts[RequestedLoanTermMonths]"] = "24",
        });
        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var link = submitted.Headers.Location!.OriginalString;

        using var community1b = await portal.SignInAsync("community1b");
        (await community1b.ClickAsync(link, "[data-testid=approve]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var street = await portal.SignInAsync("street1");
        (await street.ClickAsync(link, "[data-testid=approve]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var street1b = await portal.SignInAsync("street1b");
        var noReference = await street1b.ClickAsync(link, "[data-testid=approve]", new Dictionary<string, string>());
        noReference.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(noReference)).Errors().Should().Contain("请填写业务编号");
        (await street1b.ClickAsync(link, "[data-testid=approve]", new Dictionary<string, string> { ["Reference"] = "DB-2026-0001" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var county = await portal.SignInAsync("county1");
        (await county.ClickAsync(link, "[data-testid=approve]", new Dictionary<string, string> { ["Reference"] = "BANK-88" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, page) = await community.GetPageAsync(link);
        page.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("已审批，待公示");
        page.QuerySelector("[data-testid=actions]")!.TextContent.Should().Contain("DB-2026-0001").And.Contain("BANK-88").And.Contain("社区推荐").And.Contain("商业银行审批");
    }

    [Fact]
    public async Task Returned_ThenCorrectedAndResubmitted_StartsAgain()
    {
        using var community = await portal.SignInAsync("community1");
        var (_, id) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, "申请戊", contractYears: 3);
        using var street = await portal.SignInAsync("street1");
        var noReason = await street.ClickAsync($"/Applications/{id}", "[data-testid=return]", new Dictionary<string, string>());
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(noReason)).Errors().Should().Contain("退回或不予通过必须说明理由");
        (await street.ClickAsync($"/Applications/{id}", "[data-testid=return]", new Dictionary<string, string> { ["Reason"] = "请补充社保缴费证明" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, returned) = await community.GetPageAsync($"/Applications/{id}");
        returned.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("已退回");
        var correct = returned.QuerySelector("[data-testid=correct]")!.GetAttribute("href")!;
        var (_, edit) = await community.GetPageAsync(correct);
        edit.QuerySelector("[data-testid=returned]")!.TextContent.Should().Contain("请补充社保缴费证明");
        (await community.ClickAsync(correct, "[data-testid=submit]", new Dictionary<string, string> { ["ApplicantName"] = "向阳社区便民服务部（更正）" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, again) = await street.GetPageAsync($"/Applications/{id}");
        again.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("审批中");
        again.QuerySelector("[data-testid=actions]")!.TextContent.Should().Contain("重新提交");
        again.QuerySelector("[data-testid=summary]")!.TextContent.Should().Contain("（更正）");
        again.QuerySelector("[data-testid=act]").Should().NotBeNull("the street reviews the new round");
    }

    [Fact]
    public async Task TwoOfficialsApproveAtOnce_ExactlyOneSucceeds()
    {
        using var community = await portal.SignInAsync("community1");
        var (_, id) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, "申请己", contractYears: 3);
        using var street = await portal.SignInAsync("street1");
        await street.ClickAsync($"/Applications/{id}", "[data-testid=approve]", new Dictionary<string, string>());

        using var county = await portal.SignInAsync("county1");
        using var city = await portal.SignInAsync("city1");
        var link = $"/Applications/{id}";
        var (_, first) = await county.GetPageAsync(link);
        var (_, second) = await city.GetPageAsync(link);
        var results = await Task.WhenAll(
            county.PostFormAsync(first.QuerySelector<IHtmlFormElement>("[data-testid=act] form")!, link, new Dictionary<string, string>(), link + "?handler=Approve"),
            city.PostFormAsync(second.QuerySelector<IHtmlFormElement>("[data-testid=act] form")!, link, new Dictionary<string, string>(), link + "?handler=Approve"));

        results.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(1);
        (await Html.ParseAsync(results.Single(r => r.StatusCode != HttpStatusCode.Redirect))).Errors().Should().Contain("该申请刚被他人处理过，请查看最新状态后再操作");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM subsidy_application_actions WHERE application_id = '{id}' AND step_code = 'CountyApprove'")).Should().Be(1);
    }

    [Fact]
    public async Task BulkApproval_AsksForConfirmation_AndReportsEachItem()
    {
        using var community = await portal.SignInAsync("community1");
        using var street = await portal.SignInAsync("street1");
        var ids = new List<string>();
        foreach (var name in new[] { "批量甲", "批量乙" })
        {
            var (_, id) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, name, contractYears: 3);
            await street.ClickAsync($"/Applications/{id}", "[data-testid=approve]", new Dictionary<string, string>());
            ids.Add(id);
        }

        using var county = await portal.SignInAsync("county1");
        var (_, queue) = await county.GetPageAsync("/Bureau/Applications");
        var boxes = queue.QuerySelectorAll<IHtmlInputElement>("input[name=Selected]").Where(b => ids.Any(id => b.Value.StartsWith(id, StringComparison.Ordinal))).ToList();
        boxes.Should().HaveCount(2);
        foreach (var box in boxes)
        {
            box.IsChecked = true;
        }

        var form = queue.QuerySelector<IHtmlFormElement>("form:has([data-testid=approve-selected])")!;
        var confirm = await county.PostFormAsync(form, "/Bureau/Applications", new Dictionary<string, string>(), "/Bureau/Applications?handler=Confirm");
        confirm.StatusCode.Should().Be(HttpStatusCode.OK);
        var confirmPage = await Html.ParseAsync(confirm);
        confirmPage.QuerySelector("[data-testid=confirm]")!.TextContent.Should().Contain("批量甲").And.Contain("批量乙");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM subsidy_applications a JOIN persons p ON p.id = a.person_id WHERE p.name LIKE '批量%' AND a.status = 4")).Should().Be(0, "nothing happens before the confirmation");

        // One of the two is approved by someone else in between: the bulk result says so for that item only.
        using var city = await portal.SignInAsync("city1");
        await city.ClickAsync($"/Applications/{ids[1]}", "[data-testid=approve]", new Dictionary<string, string>());

        var done = await county.PostFormAsync(confirmPage.QuerySelector<IHtmlFormElement>("[data-testid=confirm] form")!, "/Bureau/Applications", new Dictionary<string, string>(), "/Bureau/Applications?handler=Approve");
        var results = (await Html.ParseAsync(done)).QuerySelector("[data-testid=bulk-results]")!;
        results.TextContent.Should().Contain("1 / 2 件通过").And.Contain("该申请刚被他人处理过");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM subsidy_applications a JOIN persons p ON p.id = a.person_id WHERE p.name LIKE '批量%' AND a.status = 4")).Should().Be(2);
    }

    [Fact]
    public async Task Scoping_AnotherCountyAndAnotherCommunity_SeeNothing()
    {
        using var community = await portal.SignInAsync("community1");
        var (_, id) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, "申请庚", contractYears: 3);

        using var county2 = await portal.SignInAsync("county2");
        (await county2.GetAsync($"/Applications/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, queue) = await county2.GetPageAsync("/Bureau/Applications");
        queue.MainText().Should().NotContain("申请庚");
        using var community2 = await portal.SignInAsync("community2");
        (await community2.GetAsync($"/Applications/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, list) = await community2.GetPageAsync("/Station/Applications?mine=false");
        list.MainText().Should().NotContain("申请庚");
        using var seeker = await portal.SignInAsync("seeker1");
        (await seeker.GetAsync($"/Applications/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await community.GetAsync("/Bureau/Applications")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await community2.GetAsync($"/Station/Applications/Edit?personId={Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ApplicationPage_InEnglish()
    {
        using var community = await portal.SignInAsync("community1");
        var (_, id) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, "申请辛", contractYears: 3);
        using var street = await portal.SignInAsync("street1");
        var (_, page) = await street.GetPageAsync($"/Applications/{id}?culture=en-US");
        page.QuerySelector("[data-testid=check]")!.TextContent.Should().Contain("Check at submission").And.Contain("Eligible").And.Contain("at least 3 years");
        page.QuerySelector("[data-testid=act]")!.TextContent.Should().Contain("Street office reviews");
    }

    private Task<long> CountAsync(string name) =>
        TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM subsidy_applications a JOIN persons p ON p.id = a.person_id WHERE p.name = '{name}'");
}
