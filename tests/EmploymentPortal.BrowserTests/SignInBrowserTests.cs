using Microsoft.Playwright;

namespace EmploymentPortal.BrowserTests;

public sealed class SignInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task CommunityStaff_SignsIn_SeesStationHomeWithTheirCommunity(int width, int height, string name)
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Station");
        await page.WaitForURLAsync("**/Identity/Account/Login?ReturnUrl=*");
        await page.FillAsync("#Input_UserName", "community1");
        await page.FillAsync("#Input_Password", "Demo!2345678");
        await page.ClickAsync("[data-testid=login-submit]");
        await BrowserPages.SecondStepAsync(context, page, "community1");
        await page.WaitForURLAsync("**/Station");

        var unit = await page.Locator("[data-testid=my-unit]").InnerTextAsync();
        unit.Should().Contain("向阳社区").And.Contain("向阳社区劳动保障事务站");
        (await page.Locator("[data-testid=user-bar] .user-role").InnerTextAsync()).Should().Be("社区工作人员");
        (await page.TitleAsync()).Should().Contain("工作台");

        // Nothing overflows sideways on a phone.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        overflow.Should().BeFalse();

        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"station-{name}.png"), FullPage = true });
    }

    [Fact]
    public async Task WrongPassword_ShowsErrorSummaryLinkedToTheForm()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login?culture=en-US");
        await page.FillAsync("#Input_UserName", "street1");
        await page.FillAsync("#Input_Password", "not the password");
        await page.ClickAsync("[data-testid=login-submit]");

        var summary = page.Locator("[data-testid=error-summary]");
        (await summary.InnerTextAsync()).Should().Contain("The user name or password is wrong");
        (await page.InputValueAsync("#Input_UserName")).Should().Be("street1");
    }
}
