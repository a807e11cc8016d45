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
        await page.ClickAsync("[data-testid=identity] summary"); // the details fold below the summary and the action bar
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

        foreach (var (idNumber, name) in new[] { ("370702197212120028", "李秀英"), ("370702197011110018", "马建华") })
        {
            await RegisterPersonAsync(page, idNumber, name, "向阳路 20 号");
        }

        // The household as a whole: the head, the spouse by ID number, a check page, then the confirmation.
        await page.ClickAsync("[data-testid=create-household]");
        await page.FillAsync("#Members_0__IdNumber", "370702197212120028");
        await page.SelectOptionAsync("#Members_0__Relationship", "Spouse");
        await FitsAsync(page);
        await page.ClickAsync("[data-testid=check]");
        (await page.Locator("[data-testid=preview-status]").InnerTextAsync()).Should().Be("经核算为零就业家庭（待认定）");
        (await page.Locator("[data-testid=preview-members]").InnerTextAsync()).Should().Contain("李秀英").And.Contain("配偶");
        await FitsAsync(page);
        await ShotAsync(page, "household-check-phone");
        await page.ClickAsync("[data-testid=confirm]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Station/Households/[0-9a-f-]{36}$"));
        (await page.Locator("[data-testid=zero-status]").InnerTextAsync()).Should().Be("经核算为零就业家庭（待认定）");
        (await page.Locator("[data-testid=members] tbody tr").CountAsync()).Should().Be(2);
        await FitsAsync(page);
        await ShotAsync(page, "household-phone");

        await page.GotoAsync("/Station/Persons/Import");
        await ShotAsync(page, "import-phone");
    }
}
