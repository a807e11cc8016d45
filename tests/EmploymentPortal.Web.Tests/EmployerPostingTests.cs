using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>Employers and postings through the pages: registration, verification, review, isolation, expiry.</summary>
public sealed class EmployerPostingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "Employer!2345678";
    private static readonly DateOnly Today = TestClock.Today;

    [Fact]
    public async Task Employer_Registers_IsVerified_PostsAJob_ReviewedAndPublished_ThenFilled()
    {
        using var employer = await SignedUpEmployerAsync("13900001001", "保安公司甲");
        var community = await CommunityIdAsync("370702001001");

        // A wrong check character is refused next to the field, with everything typed kept.
        var wrong = await employer.SubmitFormAsync("/Employer", EmployerFields("91370702MA3C4A0B11", "潍城安保服务有限公司", community));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var wrongPage = await Html.ParseAsync(wrong);
        wrongPage.Errors().Should().Contain("统一社会信用代码不正确（18 位，末位校验码不符）");
        wrongPage.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value.Should().Be("潍城安保服务有限公司");

        (await employer.SubmitFormAsync("/Employer", EmployerFields("91370702MA3C4A0B10", "潍城安保服务有限公司", community))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, home) = await employer.GetPageAsync("/Employer");
        home.QuerySelector("[data-testid=employer-status]")!.TextContent.Should().Be("待核实");

        var posting = await DraftAsync(employer, home.QuerySelector("[data-testid=new-posting]")!.GetAttribute("href")!, "小区保安");
        (await employer.ClickAsync(posting, "[data-testid=submit-posting]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // Not published before the employer is verified.
        using var street = await portal.SignInAsync("street1");
        var early = await street.ClickAsync(posting, "[data-testid=publish-posting]", new Dictionary<string, string>());
        early.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(early)).Errors().Should().Contain("用人单位尚未核实，岗位不能发布");

        var (_, employers) = await street.GetPageAsync("/Employers?Status=Pending");
        var link = employers.QuerySelectorAll("[data-testid=employers] a").Single(a => a.TextContent == "潍城安保服务有限公司").GetAttribute("href")!;
        (await street.ClickAsync(link, "[data-testid=verify-employer]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await street.ClickAsync(posting, "[data-testid=publish-posting]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, published) = await employer.GetPageAsync(posting);
        published.QuerySelector("[data-testid=posting-status]")!.TextContent.Should().Be("已发布");
        (await employer.ClickAsync(posting, "[data-testid=filled-posting]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, filled) = await employer.GetPageAsync(posting);
        filled.QuerySelector("[data-testid=posting-status]")!.TextContent.Should().Be("已招满");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action IN ('EmployerRegistered', 'EmployerVerified', 'PostingCreated', 'PostingSubmitted', 'PostingPublished', 'PostingFilled') AND entity_id IN (SELECT id::text FROM employers WHERE name = '潍城安保服务有限公司' UNION SELECT p.id::text FROM postings p JOIN employers e ON e.id = p.employer_id WHERE e.name = '潍城安保服务有限公司')")).Should().Be(6);
    }

    [Fact]
    public async Task Review_ReturnedWithANote_EmployerCorrectsAndResubmits()
    {
        var (employer, newPosting) = await VerifiedEmployerAsync("13900001002", "91370702MA3C4A0B23", "家政公司乙");
        using var _ = employer;
        var posting = await DraftAsync(employer, newPosting, "家政服务员");
        await employer.ClickAsync(posting, "[data-testid=submit-posting]", new Dictionary<string, string>());

        using var street = await portal.SignInAsync("street1");
        var noNote = await street.ClickAsync(posting, "[data-testid=return-posting]", new Dictionary<string, string>());
        (await Html.ParseAsync(noNote)).Errors().Should().Contain("退回时请说明原因");
        (await street.ClickAsync(posting, "[data-testid=return-posting]", new Dictionary<string, string> { ["Note"] = "请写明工作时间" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, returned) = await employer.GetPageAsync(posting);
        returned.QuerySelector("[data-testid=review-note]")!.TextContent.Should().Contain("请写明工作时间");
        returned.QuerySelector("[data-testid=posting-status]")!.TextContent.Should().Be("草稿");
        (await employer.SubmitFormAsync($"/Postings/Edit/{posting.Split('/')[^1]}", new Dictionary<string, string> { ["Input.Description"] = "每天 8:00–17:00，做饭、保洁" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await employer.ClickAsync(posting, "[data-testid=submit-posting]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, pending) = await street.GetPageAsync("/Postings?Status=PendingReview");
        pending.QuerySelector("[data-testid=postings]")!.TextContent.Should().Contain("家政服务员");
    }

    [Fact]
    public async Task Employers_SeeOnlyTheirOwnPostings_AndStaffOnlyTheirArea()
    {
        var (first, newPosting) = await VerifiedEmployerAsync("13900001003", "91370702MA3C4A0B49", "电工公司丙");
        using var _ = first;
        var posting = await DraftAsync(first, newPosting, "维修电工");
        var employerId = newPosting.Split('=')[^1];

        using var second = await SignedUpEmployerAsync("13900001004", "另一家单位");
        (await second.GetAsync(posting)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await second.GetAsync($"/Postings/Edit?employerId={employerId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, list) = await second.GetPageAsync("/Postings");
        list.MainText().Should().NotContain("维修电工");
        (await second.GetAsync("/Employers")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var county2 = await portal.SignInAsync("county2");
        (await county2.GetAsync($"/Employers/{employerId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await county2.GetAsync(posting)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var seeker = await portal.SignInAsync("seeker1");
        (await seeker.GetAsync("/Postings")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_EnterAnEmployerOfTheirArea_CommunityStaffDoNotVerify()
    {
        using var community = await portal.SignInAsync("community1");
        var outside = await community.SubmitFormAsync("/Employers", EmployerFields("91370705MA3C4A0B3H", "奎文餐饮", await CommunityIdAsync("370705001001")), "main form[method=post]");
        outside.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(outside)).Errors().Should().Contain("请选择所在社区（代录时须在您的辖区内）");

        var entered = await community.SubmitFormAsync("/Employers", EmployerFields("91350100M000100Y43", "向阳社区便民超市", await CommunityIdAsync("370702001001")), "main form[method=post]");
        entered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, page) = await community.GetPageAsync(entered.Headers.Location!.OriginalString);
        page.QuerySelector("[data-testid=verify]").Should().BeNull("community staff enter employers, street and county staff verify them");
        page.QuerySelector("[data-testid=employer]")!.TextContent.Should().Contain("工作人员代录");

        // Staff post for it, within their area only.
        var newPosting = page.QuerySelector("[data-testid=new-posting]")!.GetAttribute("href")!;
        var elsewhere = await community.SubmitFormAsync(newPosting, new Dictionary<string, string>
        {
            ["Input.Title"] = "理货员",
            ["Input.Description"] = "超市理货",
            ["Input.OccupationCode"] = "4-01",
            ["Input.RegionId"] = (await CommunityIdAsync("370705001001")).ToString(CultureInfo.InvariantCulture),
            ["Input.PayMin"] = "2500",
            ["Input.PayMax"] = "3000",
            ["Input.Type"] = "PartTime",
            ["Input.ContactName"] = "李店长",
            ["Input.ContactPhone"] = "13800000001",
        });
        elsewhere.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var form = await Html.ParseAsync(elsewhere);
        form.Errors().Should().Contain("请选择工作地点（工作人员代发时须在您的辖区内）");
        form.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value.Should().Be("理货员");
        (await DraftAsync(community, newPosting, "理货员")).Should().StartWith("/Postings/");
    }

    [Fact]
    public async Task PublishedPosting_PastItsEndDate_ExpiresByTheDailyJob()
    {
        var (employer, newPosting) = await VerifiedEmployerAsync("13900001005", "91110108551385082Q", "季节工丁");
        using var _ = employer;
        var posting = await DraftAsync(employer, newPosting, "采摘季节工");
        await employer.ClickAsync(posting, "[data-testid=submit-posting]", new Dictionary<string, string>());
        using var street = await portal.SignInAsync("street1");
        await street.ClickAsync(posting, "[data-testid=publish-posting]", new Dictionary<string, string>());

        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE postings SET valid_from = valid_from - 60, valid_to = @today - 1 WHERE id = '{posting.Split('/')[^1]}'");
        (await PostingExpiryService.RunOnceAsync(portal.Factory.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);

        var (_, page) = await employer.GetPageAsync(posting);
        page.QuerySelector("[data-testid=posting-status]")!.TextContent.Should().Be("已过期");
    }

    [Fact]
    public async Task EmployerHome_InEnglish()
    {
        using var employer = await SignedUpEmployerAsync("13900001006", "English Co");
        var (_, page) = await employer.GetPageAsync("/Employer?culture=en-US");
        page.MainText().Should().Contain("Unified social credit code").And.Contain("Register the employer");
    }

    [Fact]
    public async Task Employer_SavesTwoFormsOfTheSamePosting_TheSecondIsRefusedWithItsValuesKept_TheFirstStands()
    {
        using var employer = await portal.SignInAsync("employer1");
        var (_, home) = await employer.GetPageAsync("/Employer");
        var posting = await DraftAsync(employer, home.QuerySelector("[data-testid=new-posting]")!.GetAttribute("href")!, "并发编辑保洁员");
        var edit = $"/Postings/Edit/{posting.Split('/')[^1]}";

        // Two tabs open the edit form of the same draft, each with its own hidden fields.
        var (_, firstTab) = await employer.GetPageAsync(edit);
        var (_, secondTab) = await employer.GetPageAsync(edit);
        var first = await employer.PostFormAsync(firstTab.QuerySelector<IHtmlFormElement>("form:has([data-testid=save-posting])")!, edit,
            new Dictionary<string, string> { ["Input.Title"] = "第一次修改的保洁员", ["Input.PayMax"] = "5200" });
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var second = await employer.PostFormAsync(secondTab.QuerySelector<IHtmlFormElement>("form:has([data-testid=save-posting])")!, edit,
            new Dictionary<string, string> { ["Input.Title"] = "第二次修改的保洁员", ["Input.Headcount"] = "3" });

        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refused = await Html.ParseAsync(second);
        refused.Errors().Should().Contain("该岗位刚被他人处理过，请查看最新状态");
        refused.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value.Should().Be("第二次修改的保洁员", "what was typed is kept");
        refused.QuerySelector<IHtmlInputElement>("#Input_Headcount")!.Value.Should().Be("3");
        var id = posting.Split('/')[^1];
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT title || ' ' || pay_max || ' ' || headcount FROM postings WHERE id = @code::uuid", id))
            .Should().Be("第一次修改的保洁员 5200 1", "the first save is what is stored");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'PostingUpdated' AND entity_id = @code", id)).Should().Be(1);

        // Saving the refused page again is still refused: the employer reopens the form to see the first edit.
        var again = await employer.PostFormAsync(refused.QuerySelector<IHtmlFormElement>("form:has([data-testid=save-posting])")!, edit, new Dictionary<string, string>());
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var (_, reopened) = await employer.GetPageAsync(edit);
        reopened.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value.Should().Be("第一次修改的保洁员");
    }

    [Fact]
    public async Task Employer_DoubleClicksSave_TheEditIsSavedOnce_WithoutAnError()
    {
        using var employer = await portal.SignInAsync("employer1");
        var (_, home) = await employer.GetPageAsync("/Employer");
        var posting = await DraftAsync(employer, home.QuerySelector("[data-testid=new-posting]")!.GetAttribute("href")!, "双击保存仓管员");
        var edit = $"/Postings/Edit/{posting.Split('/')[^1]}";
        var (_, form) = await employer.GetPageAsync(edit);
        var fields = new Dictionary<string, string> { ["Input.Title"] = "双击保存后的仓管员" };

        var firstClick = await employer.PostFormAsync(form.QuerySelector<IHtmlFormElement>("form:has([data-testid=save-posting])")!, edit, fields);
        var secondClick = await employer.PostFormAsync(form.QuerySelector<IHtmlFormElement>("form:has([data-testid=save-posting])")!, edit, fields);

        firstClick.StatusCode.Should().Be(HttpStatusCode.Redirect);
        secondClick.StatusCode.Should().Be(HttpStatusCode.Redirect, "the same change is already saved");
        var id = posting.Split('/')[^1];
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT title FROM postings WHERE id = @code::uuid", id)).Should().Be("双击保存后的仓管员");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'PostingUpdated' AND entity_id = @code", id)).Should().Be(1);
    }

    [Fact]
    public async Task Reviewer_PublishesFromAPageReadBeforeThePostingChanged_IsRefused_ThenPublishesWhatIsShown()
    {
        using var employer = await portal.SignInAsync("employer1");
        var (_, home) = await employer.GetPageAsync("/Employer");
        var posting = await DraftAsync(employer, home.QuerySelector("[data-testid=new-posting]")!.GetAttribute("href")!, "审核中改动的厨师");
        (await employer.ClickAsync(posting, "[data-testid=submit-posting]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var street = await portal.SignInAsync("street1");
        var (_, stale) = await street.GetPageAsync(posting);

        // Meanwhile a colleague returns it, and the employer changes the description and submits again.
        using var colleague = await portal.SignInAsync("street1b");
        (await colleague.ClickAsync(posting, "[data-testid=return-posting]", new Dictionary<string, string> { ["Note"] = "请写明工作时间" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await employer.SubmitFormAsync($"/Postings/Edit/{posting.Split('/')[^1]}", new Dictionary<string, string> { ["Input.Description"] = "每天 10:00–19:00，中式烹调" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await employer.ClickAsync(posting, "[data-testid=submit-posting]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var publish = await street.PostFormAsync(stale.QuerySelector<IHtmlFormElement>("[data-testid=actions]")!, posting, new Dictionary<string, string>(), posting + "?handler=Publish");

        publish.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refused = await Html.ParseAsync(publish);
        refused.Errors().Should().Contain("该岗位刚被他人处理过，请查看最新状态");
        refused.QuerySelector("[data-testid=posting-status]")!.TextContent.Should().Be("待审核");
        refused.MainText().Should().Contain("每天 10:00–19:00，中式烹调", "the page now shows the posting as it is");
        var published = await street.PostFormAsync(refused.QuerySelector<IHtmlFormElement>("[data-testid=actions]")!, posting, new Dictionary<string, string>(), posting + "?handler=Publish");
        published.StatusCode.Should().Be(HttpStatusCode.Redirect, "what the reviewer now sees may be published");
    }

    private static Dictionary<string, string> EmployerFields(string code, string name, int regionId) => new()
    {
        ["Input.CreditCode"] = code,
        ["Input.Name"] = name,
        ["Input.Industry"] = "保安服务",
        ["Input.Size"] = "Small",
        ["Input.RegionId"] = regionId.ToString(CultureInfo.InvariantCulture),
        ["Input.ContactName"] = "王经理",
        ["Input.ContactPhone"] = "13800000000",
    };

    private async Task<int> CommunityIdAsync(string code) =>
        await TestSql.ScalarAsync<int>(portal.ConnectionString, "SELECT id FROM regions WHERE code = @code", code);

    private async Task<PortalClient> SignedUpEmployerAsync(string login, string name)
    {
        var client = portal.Anonymous();
        (await client.SignUpAsync(portal.Factory, "Employer", login, name, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.SignInAsync(login, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>A signed-up employer whose employer street1 has verified; returns the client and its "new posting" link.</summary>
    private async Task<(PortalClient Client, string NewPosting)> VerifiedEmployerAsync(string login, string code, string name)
    {
        var employer = await SignedUpEmployerAsync(login, name);
        (await employer.SubmitFormAsync("/Employer", EmployerFields(code, name, await CommunityIdAsync("370702001001")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, home) = await employer.GetPageAsync("/Employer");
        var newPosting = home.QuerySelector("[data-testid=new-posting]")!.GetAttribute("href")!;
        using var street = await portal.SignInAsync("street1");
        (await street.ClickAsync($"/Employers/{newPosting.Split('=')[^1]}", "[data-testid=verify-employer]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (employer, newPosting);
    }

    private async Task<string> DraftAsync(PortalClient employer, string newPosting, string title)
    {
        var saved = await employer.SubmitFormAsync(newPosting, new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "工作认真负责",
            ["Input.OccupationCode"] = "3-02",
            ["Input.RegionId"] = (await CommunityIdAsync("370702001001")).ToString(CultureInfo.InvariantCulture),
            ["Input.PayMin"] = "3000",
            ["Input.PayMax"] = "4500",
            ["Input.Type"] = "FullTime",
            ["Input.ContactName"] = "王经理",
            ["Input.ContactPhone"] = "13800000000",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        return saved.Headers.Location!.OriginalString;
    }
}
