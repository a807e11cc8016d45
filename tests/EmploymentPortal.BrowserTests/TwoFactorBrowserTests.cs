using System.Globalization;
using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.TestCommon;
using Microsoft.Playwright;

namespace EmploymentPortal.BrowserTests;

/// <summary>
/// Every staff role enrols a second factor in the browser (issue 15 acceptance): an admin creates
/// the account; its first sign-in asks for the user's own password, then the reminder leads to the
/// enrolment, where the test reads the key shown under the QR code and computes the code as an
/// authenticator app would; the next sign-in needs a code.
/// </summary>
public sealed class TwoFactorBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Initial = "correct horse battery";
    private const string Chosen = "my own long sentence";

    [Theory]
    [InlineData("CommunityStaff", DemoIds.Community1, "**/Station")]
    [InlineData("StreetStaff", DemoIds.Street1, "**/Station")]
    [InlineData("CountyOfficial", DemoIds.District1, "**/Bureau")]
    [InlineData("CityOfficial", DemoIds.City, "**/Bureau")]
    [InlineData("SystemAdmin", DemoIds.City, "**/Admin")]
    [InlineData("SecurityAdmin", DemoIds.City, "**/Admin/Security")]
    [InlineData("AuditAdmin", DemoIds.City, "**/Admin/Audit")]
    public async Task StaffRole_EnrolsAuthenticator_ThenSignsInWithACode(string role, string unitRegion, string home)
    {
        var userName = "mfa" + role.ToLowerInvariant();
        await CreateAsync(userName, role, unitRegion);

        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Initial);
        await page.ClickAsync("[data-testid=login-submit]");

        // The admin-set password first.
        await page.WaitForURLAsync("**/Identity/Account/Manage/ChangePassword*");
        await page.FillAsync("#Input_CurrentPassword", Initial);
        await page.FillAsync("#Input_NewPassword", Chosen);
        await page.FillAsync("#Input_ConfirmPassword", Chosen);
        await page.ClickAsync("[data-testid=change-password-submit]");

        // The reminder (inside the grace period), then the enrolment.
        await page.Locator("[data-testid=mfa-reminder]").WaitForAsync();
        await page.ClickAsync("[data-testid=mfa-reminder] a[href$='EnableAuthenticator']");
        await page.Locator("[data-testid=mfa-qr]").WaitForAsync();
        (await page.Locator("[data-testid=mfa-qr]").GetAttributeAsync("src")).Should().StartWith("data:image/png;base64,");
        var naturalWidth = await page.Locator("[data-testid=mfa-qr]").EvaluateAsync<int>("img => img.naturalWidth");
        naturalWidth.Should().BeGreaterThan(0, "the QR code image loads under the CSP");
        var key = (await page.Locator("[data-testid=mfa-key]").InnerTextAsync()).Trim();
        await page.FillAsync("#Input_Code", Totp.CodeAt(key, fixture.Clock.GetUtcNow()));
        await page.ClickAsync("[data-testid=mfa-enrol-submit]");
        await page.Locator("[data-testid=mfa-enabled]").WaitForAsync();
        (await page.Locator("[data-testid=recovery-codes] li").CountAsync()).Should().Be(OwnAccountSecurity.RecoveryCodeCount);
        await BrowserPages.ShotAsync(page, "mfa-enrolled-" + role.ToLowerInvariant());

        // The next sign-in needs the password and a new code (the enrolment's code was used).
        fixture.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        await using var later = await fixture.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var again = await later.NewPageAsync();
        await again.GotoAsync("/Identity/Account/Login");
        await again.FillAsync("#Input_UserName", userName);
        await again.FillAsync("#Input_Password", Chosen);
        await again.ClickAsync("[data-testid=login-submit]");
        await again.WaitForURLAsync("**/Identity/Account/LoginWith2fa*");
        await again.FillAsync("#Input_Code", Totp.CodeAt(key, fixture.Clock.GetUtcNow()));
        await again.ClickAsync("[data-testid=mfa-submit]");
        await again.WaitForURLAsync(home);
        (await again.Locator("[data-testid=user-bar]").InnerTextAsync()).Should().Contain("两步验证测试");
    }

    /// <summary>The account, created by the demo admin through the admin pages (over HTTP, with the harness's second step).</summary>
    private async Task CreateAsync(string userName, string role, string unitRegion)
    {
        var unit = await DemoIds.UnitAsync(fixture.ConnectionString, unitRegion);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var admin = new PortalClient(new HttpClient(handler) { BaseAddress = fixture.BaseAddress }) { SecondFactor = fixture.SecondFactor };
        (await admin.SignInAsync("admin", Core.Seeding.DemoCity.Password)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        var created = await admin.SubmitFormAsync("/Admin/Accounts/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "两步验证测试",
            ["Input.Role"] = role,
            ["Input.OrgUnitId"] = unit.ToString(CultureInfo.InvariantCulture),
            ["Input.Password"] = Initial,
        });
        created.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
    }
}
