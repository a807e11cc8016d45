using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EmploymentPortal.BrowserTests;

/// <summary>Steps the browser tests share: signing in as a demo account, registering a resident, and a full-page screenshot.</summary>
internal static partial class BrowserPages
{
    /// <summary>
    /// Registers a resident on the register form as station staff do (ID number, name, address) and
    /// waits for their page; <paramref name="shot"/> names a screenshot of the filled form.
    /// </summary>
    public static async Task RegisterPersonAsync(IPage page, string idNumber, string name, string address, string? shot = null)
    {
        await page.GotoAsync("/Station/Persons/Register");
        await page.FillAsync("#IdNumber", idNumber);
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_Address", address);
        if (shot is not null)
        {
            await ShotAsync(page, shot);
        }

        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForURLAsync(PersonPage());
    }

    /// <summary>A person's page; its group is the person's id.</summary>
    [GeneratedRegex("/Station/Persons/([0-9a-f-]{36})$")]
    public static partial Regex PersonPage();

    public static async Task<IPage> SignInAsync(IBrowserContext context, string userName, string home)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", "Demo!2345678");
        await page.ClickAsync("[data-testid=login-submit]");

        await SecondStepAsync(context, page, userName);
        await page.WaitForURLAsync(home);
        return page;
    }

    /// <summary>
    /// After the password: demo staff have the seeded authenticator key, so the second step with the
    /// code of the portal's clock. Waits for the answer to the password first (the second step's page
    /// or the page after it), so the check never reads the sign-in page that is being left.
    /// </summary>
    public static async Task SecondStepAsync(IBrowserContext context, IPage page, string userName)
    {
        await page.WaitForURLAsync(url => !IsPasswordStep(url));
        if (!page.Url.Contains("/Identity/Account/LoginWith2fa", StringComparison.Ordinal))
        {
            return;
        }

        await page.Locator("[data-testid=mfa-submit]").WaitForAsync();
        var second = BrowserFixture.SecondFactorOf(context);
        await second.AllowCodeAgainAsync(userName);
        await page.FillAsync("#Input_Code", second.CodeNow());
        await page.ClickAsync("[data-testid=mfa-submit]");
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/Identity/Account/LoginWith2fa", StringComparison.Ordinal), new() { Timeout = 20_000 });
        }
        catch (TimeoutException e)
        {
            var errors = await page.Locator("[data-testid=error-summary]").AllInnerTextsAsync();
            throw new TimeoutException($"The second step for {userName} stayed on {page.Url}: {string.Join(" | ", errors)}", e);
        }
    }

    private static bool IsPasswordStep(string url)
    {
        var path = new Uri(url).AbsolutePath;
        return path.Equals("/Identity/Account/Login", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Saves a screenshot (the full page unless told otherwise: a long list shows its first screen) under the test output's screenshots folder.</summary>
    public static async Task ShotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    /// <summary>The width of the phone the pages must fit (iPhone 12 to 15).</summary>
    public const int PhoneWidth = 390;

    /// <summary>A browser context on a 390-pixel phone, in Chinese.</summary>
    public static Task<IBrowserContext> PhoneAsync(BrowserFixture fixture) => fixture.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = fixture.BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 844 },
        IsMobile = true,
        Locale = "zh-CN",
    });

    /// <summary>The page does not scroll horizontally: nothing is wider than the screen.</summary>
    public static async Task FitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        widths[1].Should().Be(PhoneWidth);
        widths[0].Should().BeLessThanOrEqualTo(widths[1], "{0} fits a phone without sideways scrolling", page.Url);
    }
}
