using Microsoft.Playwright;

namespace EmploymentPortal.BrowserTests;

public sealed class SignInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The WCAG relative-luminance contrast of the focused element's outline against the background behind it.</summary>
    private const string FocusContrast = """
        () => {
          const lum = c => c.match(/[0-9.]+/g).slice(0, 3).map(Number).map(v => v / 255)
            .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const behind = el => {
            for (let e = el; e; e = e.parentElement) {
              const c = getComputedStyle(e).backgroundColor;
              if (c !== 'transparent' && !c.startsWith('rgba(0, 0, 0, 0)')) return c;
            }
            return 'rgb(255, 255, 255)';
          };
          const el = document.activeElement, s = getComputedStyle(el);
          const [a, b] = [lum(s.outlineColor), lum(behind(el.parentElement))].sort((x, y) => y - x);
          return { tag: el.tagName + '#' + el.id, style: s.outlineStyle, ratio: (a + 0.05) / (b + 0.05) };
        }
        """;

    [Fact]
    public async Task SignInPage_FocusStartsInTheUserName_AndTheFocusRingStandsOut()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");

        var field = await page.EvaluateAsync<FocusRing>(FocusContrast);
        field.Tag.Should().Be("INPUT#Input_UserName", "the user name has the focus when the page opens");
        field.Style.Should().Be("solid");
        field.Ratio.Should().BeGreaterThanOrEqualTo(3, "a focus indicator needs 3:1 against what is next to it (WCAG 1.4.11)");

        await page.FocusAsync("header a");
        var link = await page.EvaluateAsync<FocusRing>(FocusContrast);
        link.Ratio.Should().BeGreaterThanOrEqualTo(3, $"the focus ring of {link.Tag} in the red header");
    }

    private sealed class FocusRing
    {
        public string Tag { get; set; } = string.Empty;

        public string Style { get; set; } = string.Empty;

        public double Ratio { get; set; }
    }

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
        (await page.EvaluateAsync<string?>("document.activeElement?.dataset.testid")).Should().Be("error-summary", "the summary has the focus when the page loads");
        (await page.InputValueAsync("#Input_UserName")).Should().Be("street1");
    }
}
