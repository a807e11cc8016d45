using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentPortal.TestCommon;
using Microsoft.Playwright;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

/// <summary>A subsidy application prepared on a phone, reviewed by the street and seen in the county's queue.</summary>
public sealed class SubsidyBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Today = TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task CommunityStaff_OnAPhone_PreparesAnApplication_StreetReviews_CountyQueueShowsIt()
    {
        await using var phone = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var page = await SignInAsync(phone, "community1", "**/Station");
        await page.GotoAsync("/Station/Persons/Register");
        await page.FillAsync("#IdNumber", "370702198104120025");
        await page.FillAsync("#Input_Name", "孙丽娟");
        await page.FillAsync("#Input_Address", "向阳路 30 号");
        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForURLAsync(new Regex("/Station/Persons/[0-9a-f-]{36}$"));
        await page.FillAsync("#Registration_RegisteredOn", Today);
        await page.ClickAsync("form[action*=OpenRegistration] button");
        await page.WaitForLoadStateAsync();
        (await page.Locator("[data-testid=unemployment]").InnerTextAsync()).Should().NotContain("办理失业登记", page.Url + await page.Locator("main").InnerTextAsync());

        await page.ClickAsync("[data-testid=new-application]");
        await page.ClickAsync("[data-testid=schemes] a:has-text('社区就业岗位开发补贴')");
        await page.FillAsync("#ApplicantName", "向阳社区便民服务部");
        await page.SelectOptionAsync("#Facts_NewCommunityServiceProject", "true");
        await page.FillAsync("#Facts_ContractStart", Today);
        await page.FillAsync("#Facts_ContractEnd", TestClock.Today.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#Facts_SocialInsurancePaidOnTime", "true");
        await page.ClickAsync("[data-testid=check-button]");
        (await page.Locator("[data-testid=check]").InnerTextAsync()).Should().Contain("符合").And.Contain("500");
        await ShotAsync(page, "application-form-phone");
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForURLAsync(new Regex("/Applications/[0-9a-f-]{36}$"));
        var link = new Uri(page.Url).AbsolutePath;
        (await page.Locator("[data-testid=status]").InnerTextAsync()).Should().Be("审批中");
        await ShotAsync(page, "application-phone");

        await using var desk = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var street = await SignInAsync(desk, "street1", "**/Station");
        await street.GotoAsync(link);
        // The approval posts and redirects to the same address, so wait for the POST's answer (its
        // transaction is committed by then), not for an address the page already has.
        var approved = street.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains(link, StringComparison.Ordinal));
        await street.ClickAsync("[data-testid=approve]");
        (await approved).Status.Should().Be(302);

        await using var bureau = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var county = await SignInAsync(bureau, "county1", "**/Bureau");
        await county.GotoAsync("/Bureau/Applications");
        (await county.Locator("[data-testid=applications]").InnerTextAsync()).Should().Contain("孙丽娟").And.Contain("区县人社局审批");
        await ShotAsync(county, "approval-queue");
    }

    [Fact]
    public async Task JobSeeker_OnAPhone_SearchesTheDemoPostings()
    {
        await using var phone = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/Jobs");
        (await page.Locator("[data-testid=search-form]").IsVisibleAsync()).Should().BeTrue();
        await ShotAsync(page, "jobs-phone");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        width.Should().BeLessThanOrEqualTo(390, "the search page fits a phone without sideways scrolling");
    }

    [Fact]
    public async Task Seeker_OnAPhone_OpensAPostingAndTheLinkPage()
    {
        await using var phone = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var page = await SignInAsync(phone, "seeker1", "**/Seeker");
        await page.GotoAsync("/Jobs");
        await page.ClickAsync("[data-testid=hits] a >> nth=0");
        await page.WaitForURLAsync(new Regex("/Jobs/[0-9a-f-]{36}$"));
        await ShotAsync(page, "job-phone");
        await page.ClickAsync("[data-testid=apply-link]");
        await page.WaitForURLAsync(new Regex("/Seeker/Postings/[0-9a-f-]{36}$"));
        (await page.Locator("[data-testid=apply]").IsVisibleAsync()).Should().BeTrue();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);
        await page.GotoAsync("/Seeker/Link");
        await ShotAsync(page, "seeker-link-phone");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);
    }
}
