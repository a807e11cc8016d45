using System.Text.RegularExpressions;
using Microsoft.Playwright;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

/// <summary>The job seeker's front door on a 390-pixel phone (issue 16, item 1): home to a posting, a search with its results first, the seeker's landing.</summary>
public sealed class SeekerBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Visitor_OnAPhone_ReachesAPostingFromHomeInOneTap_AndASearchShowsResultsFirst()
    {
        await using var phone = await PhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/");
        await ShotAsync(page, "home-phone");
        await NoSidewaysScrollAsync(page);
        await page.ClickAsync("[data-testid=newest] a >> nth=0");
        await page.WaitForURLAsync(new Regex("/Jobs/[0-9a-f-]{36}$"));
        (await page.Locator("[data-testid=contact]").IsVisibleAsync()).Should().BeTrue();
        await NoSidewaysScrollAsync(page);

        await page.GotoAsync("/");
        await page.FillAsync("#home-q", "保安");
        await page.ClickAsync("[data-testid=home-search]");
        await page.WaitForURLAsync(new Regex("/Jobs\\?q="));
        (await page.Locator("[data-testid=search-form]").IsVisibleAsync()).Should().BeFalse("the form is folded into its summary after a search");
        (await page.Locator("[data-testid=search-summary]").InnerTextAsync()).Should().Contain("保安").And.Contain("修改");
        var first = await page.Locator("[data-testid=hits] li >> nth=0").BoundingBoxAsync();
        first!.Y.Should().BeLessThan(844 - 40, "the first result is in the first screen");
        await ShotAsync(page, "jobs-searched-phone");
        await NoSidewaysScrollAsync(page);
        await page.ClickAsync("[data-testid=hits] h2 a >> nth=0");
        await page.ClickAsync("[data-testid=back]");
        await page.WaitForURLAsync(new Regex("/Jobs\\?q=%E4%BF%9D%E5%AE%89$"));
    }

    [Fact]
    public async Task Seeker_OnAPhone_LandsOnTheirJobs_AndApplies()
    {
        await using var phone = await PhoneAsync();
        var page = await SignInAsync(phone, "seeker1", "**/Seeker");
        await ShotAsync(page, "seeker-home-phone");
        await NoSidewaysScrollAsync(page);
        await page.ClickAsync("main li a[href^='/Seeker/Postings/'] >> nth=0");
        await page.WaitForURLAsync(new Regex("/Seeker/Postings/[0-9a-f-]{36}$"));
        await NoSidewaysScrollAsync(page);
        await page.ClickAsync("[data-testid=apply]");
        await page.WaitForLoadStateAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("已投递求职申请");
        await page.GotoAsync("/Seeker/Applications");
        (await page.Locator("[data-testid=application-status] >> nth=0").InnerTextAsync()).Should().Contain("已投递");
        await ShotAsync(page, "seeker-applications-phone");
        await NoSidewaysScrollAsync(page);
    }

    private Task<IBrowserContext> PhoneAsync() => fixture.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = fixture.BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 844 },
        IsMobile = true,
    });

    private static async Task NoSidewaysScrollAsync(IPage page) =>
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(PhoneWidth, page.Url + " fits a phone without sideways scrolling");
}
