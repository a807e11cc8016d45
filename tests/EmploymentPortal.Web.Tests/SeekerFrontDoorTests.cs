using System.Globalization;
using System.Net;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Pages.Jobs;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The job seeker's front door (issue 16, item 1): 找工作 first on the home page and in the header,
/// the seeker's landing on matched jobs, the folded search form, back links that keep the search,
/// the full posting with contact, and the application's own status. Runs on the demo postings.
/// </summary>
public sealed class SeekerFrontDoorTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static int _ids;

    [Fact]
    public async Task Home_FindJobsFirst_ThenPoliciesAndSelfCheck_ThenSignIn_APostingOneTapAway()
    {
        using var visitor = portal.Anonymous();
        var (response, home) = await visitor.GetPageAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        home.QuerySelectorAll("header nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).Should().Equal(
            ("找工作", "/Jobs"), ("就业政策", "/Policies"), ("登录", "/Identity/Account/Login"));
        home.QuerySelectorAll("main section[data-testid]").Select(s => s.GetAttribute("data-testid")).Should().Equal("home-jobs", "home-policies", "home-account");
        home.QuerySelector("[data-testid=home-jobs] form[role=search]")!.GetAttribute("action").Should().Be("/Jobs");
        home.QuerySelector("[data-testid=home-policies] [data-testid=self-check-link]")!.GetAttribute("href").Should().Be("/Policies/Check");
        home.QuerySelector("[data-testid=seekers-card]")!.GetAttribute("href").Should().Be("/Jobs", "the 求职者 card leads to the job search");

        var newest = home.QuerySelectorAll("[data-testid=newest] a").Select(a => a.GetAttribute("href")!).ToList();
        newest.Should().HaveCount(5).And.OnlyContain(href => href.StartsWith("/Jobs/", StringComparison.Ordinal));
        var (posting, page) = await visitor.GetPageAsync(newest[0]);
        posting.StatusCode.Should().Be(HttpStatusCode.OK, "a posting is one tap from the home page");
        page.QuerySelector("[data-testid=contact]")!.TextContent.Should().Contain("张经理").And.Contain("05368888888");
    }

    [Fact]
    public async Task Seeker_WithoutWishes_LandsOnNewestPostings_AndWhereToSayWhatTheyWant()
    {
        await TestSql.ExecuteAsync(portal.ConnectionString, "DELETE FROM seeker_links WHERE account_id = (SELECT id FROM users WHERE user_name = 'seeker1')");
        using var seeker = await portal.SignInAsync("seeker1");

        var home = await seeker.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.Should().Be("/Seeker", "a signed-in seeker lands on the jobs for them");
        var (_, page) = await seeker.GetPageAsync("/Seeker");
        page.QuerySelector("[data-testid=no-wish] a")!.GetAttribute("href").Should().Be("/Seeker/Link");
        page.QuerySelectorAll("[data-testid=newest] li").Should().HaveCount(10);
        page.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")).Should().Equal("/Seeker", "/Jobs", "/Seeker/Applications", "/Seeker/Saved", "/Seeker/Link");
        page.QuerySelectorAll("[data-testid=seeker-links] a").Select(a => a.GetAttribute("href")).Should().Contain(["/Seeker/Applications", "/Seeker/Saved"]);
    }

    [Fact]
    public async Task Seeker_WhoWantsGuardWorkAndIsAnElectrician_SeesGuardJobsFirst_ThenElectricians_WithTheReasons()
    {
        await LinkSeekerAsync();
        using var seeker = await portal.SignInAsync("seeker1");

        var (response, page) = await seeker.GetPageAsync("/Seeker");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var matches = page.QuerySelectorAll("[data-testid=matches] > li");
        var titles = matches.Select(m => m.QuerySelector("h2")!.TextContent.Trim()).ToList();
        titles.Take(2).Should().BeEquivalentTo(["小区保安员", "商场保安"], "the wished job comes first");
        titles.Skip(2).Take(2).Should().BeEquivalentTo(["维修电工", "物业水电工"], "then the person's trade");
        titles.Should().NotContain("社区公益性岗位保洁员", "public-welfare posts are for hardship groups");
        matches[0].QuerySelector("[data-testid=reasons] li")!.TextContent.Should().Be("与求职意向“保安”一致");
        matches[2].QuerySelector("[data-testid=reasons] li")!.TextContent.Should().Be("技能相符：电工");
        matches[0].QuerySelector("a")!.GetAttribute("href").Should().StartWith("/Seeker/Postings/");
    }

    [Fact]
    public async Task JobSearch_OnceSearched_FoldsTheFormIntoASummary_AndThePostingsBackLinkKeepsTheSearch()
    {
        using var visitor = portal.Anonymous();
        var (_, fresh) = await visitor.GetPageAsync("/Jobs");
        fresh.QuerySelector("details[data-testid=search-fold]")!.HasAttribute("open").Should().BeTrue("nothing searched yet: the form is open");

        var (_, searched) = await visitor.GetPageAsync("/Jobs?q=保安&region=370702000000");
        var fold = searched.QuerySelector("details[data-testid=search-fold]")!;
        fold.HasAttribute("open").Should().BeFalse("after a search the results come first");
        fold.QuerySelector("summary")!.TextContent.Trim().Should().Be("保安 · 潍城区 · 修改");
        var hit = searched.QuerySelector("[data-testid=hits] h2 a")!.GetAttribute("href")!;
        hit.Should().Contain("returnUrl=");

        var (_, detail) = await visitor.GetPageAsync(hit);
        detail.QuerySelector("[data-testid=back]")!.GetAttribute("href").Should().Be("/Jobs?q=%E4%BF%9D%E5%AE%89&region=370702000000");
        detail.QuerySelector("[data-testid=sign-in-to-apply]")!.GetAttribute("href").Should().Contain(Uri.EscapeDataString("returnUrl="), "signing in to apply keeps the search too");

        var id = hit.Split('?')[0].Split('/').Last();
        var (_, elsewhere) = await visitor.GetPageAsync($"/Jobs/{id}?returnUrl={Uri.EscapeDataString("https://evil.example/Jobs?q=x")}");
        elsewhere.QuerySelector("[data-testid=back]")!.GetAttribute("href").Should().Be("/Jobs", "only a /Jobs address is a way back");
    }

    [Theory]
    [InlineData("/Jobs?q=%E4%BF%9D%E5%AE%89&pay=3000", "/Jobs?q=%E4%BF%9D%E5%AE%89&pay=3000")]
    [InlineData("/Jobs", "/Jobs")]
    [InlineData("/Jobs?q=x&next=https%3A%2F%2Fevil.example", "/Jobs?q=x")]
    [InlineData("https://evil.example/Jobs?q=x", null)]
    [InlineData("//evil.example/Jobs", null)]
    [InlineData("/Jobs/../Admin", null)]
    [InlineData("/jobs?q=x", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void BackUrl_IsOnlyEverTheSearchPageRebuiltFromItsParameters(string? returnUrl, string? expected) =>
        SearchParameters.BackUrl(returnUrl).Should().Be(expected);

    [Fact]
    public async Task Seeker_SeesTheFullPostingWithContactAndPlace_AndTheBackLinkKeepsTheSearch()
    {
        var posting = await DemoPostingAsync("商场保安");
        using var seeker = await portal.SignInAsync("seeker1");

        var (response, page) = await seeker.GetPageAsync($"/Seeker/Postings/{posting}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=contact]")!.TextContent.Should().Contain("张经理").And.Contain("05368888888");
        page.QuerySelector("[data-testid=contact] a")!.GetAttribute("href").Should().Be("tel:05368888888");
        page.QuerySelector("[data-testid=location]")!.TextContent.Should().StartWith("山东省 潍坊市");
        page.QuerySelector("[data-testid=back]")!.GetAttribute("href").Should().Be("/Seeker");

        var (_, publicPage) = await seeker.GetPageAsync($"/Jobs/{posting}?returnUrl={Uri.EscapeDataString("/Jobs?q=保安")}");
        var apply = publicPage.QuerySelector("[data-testid=apply-link]")!.GetAttribute("href")!;
        var (_, fromSearch) = await seeker.GetPageAsync(apply);
        fromSearch.QuerySelector("[data-testid=back]")!.GetAttribute("href").Should().Be("/Jobs?q=%E4%BF%9D%E5%AE%89");
        var saved = await seeker.ClickAsync(apply, "[data-testid=save]", new Dictionary<string, string>());
        saved.Headers.Location!.OriginalString.Should().Contain("returnUrl=", "saving keeps the way back to the search");
    }

    [Fact]
    public async Task MyApplications_ShowTheApplicationsStatus_AsStaffRecordedIt_NotThePostings()
    {
        var personId = await LinkSeekerAsync();
        var posting = await DemoPostingAsync("餐厅服务员");
        using var seeker = await portal.SignInAsync("seeker1");
        (await seeker.ClickAsync($"/Seeker/Postings/{posting}", "[data-testid=apply]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var row = await RowAsync(seeker, posting);
        row.QuerySelector("[data-testid=application-status]")!.TextContent.Should().Contain("已投递").And.NotContain("已发布");
        row.TextContent.Should().Contain("投递").And.Contain(TestClock.TodayText);

        // The station refers the seeker's person to the same posting and records an interview; then the posting fills.
        var on = TestClock.Today.AddDays(-1);
        await using (var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var referral = Referral.Create(personId, Community1, posting, PostingStatus.Published, on.AddDays(-1), null, "community1", TestClock.Start);
            referral.Record(ReferralOutcome.Interview, on, TestClock.Today);
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
        }

        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE postings SET status = {(int)PostingStatus.Filled} WHERE id = '{posting}'");
        row = await RowAsync(seeker, posting);
        row.QuerySelector("[data-testid=application-status]")!.TextContent.Should().Contain("已面试").And.Contain(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        row.QuerySelector("[data-testid=posting-status]")!.TextContent.Should().Be("岗位现状：已招满");
    }

    private static async Task<AngleSharp.Dom.IElement> RowAsync(PortalClient seeker, Guid posting)
    {
        var (_, page) = await seeker.GetPageAsync("/Seeker/Applications");
        return page.QuerySelector($"[data-testid=rows] li[data-id='{posting}']")!;
    }

    private async Task<Guid> DemoPostingAsync(string title) =>
        await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM postings WHERE title = @code LIMIT 1", title);

    /// <summary>
    /// seeker1 linked (confirmed) to a person of community 1 who wants 保安 in their own words and is
    /// an electrician; the same person on every call.
    /// </summary>
    private async Task<Guid> LinkSeekerAsync()
    {
        var account = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = @code", "seeker1");
        var linked = await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM seeker_links WHERE account_id = '{account}' AND status = {(int)SeekerLinkStatus.Confirmed}");
        if (linked > 0)
        {
            return await TestSql.ScalarAsync<Guid>(portal.ConnectionString, $"SELECT person_id FROM seeker_links WHERE account_id = '{account}' AND status = {(int)SeekerLinkStatus.Confirmed} LIMIT 1");
        }

        await TestSql.ExecuteAsync(portal.ConnectionString, $"DELETE FROM seeker_links WHERE account_id = '{account}'");
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1986, 3, 1).AddDays(Interlocked.Increment(ref _ids)), Sex.Male);
        var personId = Guid.Parse((await staff.RegisterPersonUrlAsync(portal.ConnectionString, id, "保安意向者")).Split('/').Last());
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE persons SET skills = '电工', wished_occupation = '保安' WHERE id = '{personId}'");
        var region = await RegionAsync(portal.ConnectionString, Community1);
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IIdNumberProtector>();
        var link = SeekerLink.Request(account, "保安意向者", protector.LookupHash(ResidentIdNumber.Parse(id, TestClock.Today)), id[..6] + "********" + id[14..], "13900000011", region, Community1, null, TestClock.Start);
        link.Confirm(personId, "community1", TestClock.Start);
        db.SeekerLinks.Add(link);
        await db.SaveChangesAsync();
        return personId;
    }
}
