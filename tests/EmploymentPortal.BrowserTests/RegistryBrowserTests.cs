using Microsoft.Playwright;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

public sealed class RegistryBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CommunityStaff_RegistersAPerson_AndFindsThemInTheLedger()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await SignInAsync(context, "community1", "**/Station");

        await page.GotoAsync("/Station/Persons/Register");
        await page.FillAsync("#IdNumber", "370702197603150021");
        await page.FillAsync("#Input_Name", "刘桂兰");
        await page.FillAsync("#Input_Address", "向阳路 12 号");
        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Station/Persons/[0-9a-f-]{36}$"));
        (await page.Locator("[data-testid=identity]").InnerTextAsync()).Should().Contain("1976-03-15").And.Contain("女");
        await ShotAsync(page, "person");

        await page.GotoAsync("/Station/Persons");
        (await page.Locator("[data-testid=ledger]").InnerTextAsync()).Should().Contain("刘桂兰").And.Contain("370702********0021");
        await ShotAsync(page, "ledger");

        await page.GotoAsync("/Station/Persons/Register");
        await page.FillAsync("#IdNumber", "370702197603150022");
        await page.FillAsync("#Input_Name", "错号");
        await page.ClickAsync("[data-testid=register-submit]");
        (await page.Locator("#IdNumber-error").InnerTextAsync()).Should().Contain("校验位");
        (await page.InputValueAsync("#Input_Name")).Should().Be("错号");
        await ShotAsync(page, "register-error");
    }

    [Fact]
    public async Task CommunityStaff_OnAPhone_CreatesAHouseholdAndSeesItsDerivedStatus()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var page = await SignInAsync(context, "community1", "**/Station");

        await page.GotoAsync("/Station/Persons/Register");
        await page.FillAsync("#IdNumber", "370702197011110018");
        await page.FillAsync("#Input_Name", "马建华");
        await page.FillAsync("#Input_Address", "向阳路 20 号");
        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Station/Persons/[0-9a-f-]{36}$"));
        await page.ClickAsync("[data-testid=create-household]");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Station/Households/[0-9a-f-]{36}$"));
        (await page.Locator("[data-testid=zero-status]").InnerTextAsync()).Should().Be("已认定");
        await ShotAsync(page, "household-phone");

        await page.GotoAsync("/Station/Persons/Import");
        await ShotAsync(page, "import-phone");
    }
}
