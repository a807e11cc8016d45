using System.Text.RegularExpressions;
using EmploymentPortal.TestCommon;
using Microsoft.Playwright;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

/// <summary>
/// Station and bureau pages on a 390×844 phone (docs/architecture.md, "Pages on a phone"): the header
/// folds into a menu, list rows are cards under folded filters, the person page starts with its
/// summary and action bar, and nothing scrolls sideways.
/// </summary>
public sealed partial class PhoneLayoutBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int PhoneHeight = 844;

    [Fact]
    public async Task Header_OnAPhone_FoldsIntoAMenuThatOpens()
    {
        await using var context = await PhoneAsync(fixture);
        var page = await SignInAsync(context, "community1", "**/Station");

        var header = await page.Locator(".site-header").BoundingBoxAsync();
        header!.Height.Should().BeLessThanOrEqualTo(PhoneHeight * 0.10f, "the folded header takes at most a tenth of the screen");
        (await page.Locator("#site-nav").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("[data-testid=user-bar]").IsVisibleAsync()).Should().BeFalse();
        await FitsAsync(page);

        await page.ClickAsync("[data-testid=menu-toggle]");
        (await page.GetAttributeAsync("[data-testid=menu-toggle]", "aria-expanded")).Should().Be("true");
        (await page.Locator("#site-nav a[href='/Station/Persons']").IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("[data-testid=user-bar] button[type=submit]").IsVisibleAsync()).Should().BeTrue("signing out stays reachable");
        (await page.Locator(".culture-switch button[value=en-US]").IsVisibleAsync()).Should().BeTrue("the language switch stays reachable");
        await FitsAsync(page);
        await ShotAsync(page, "menu-phone", fullPage: false);

        await page.ClickAsync("#site-nav a[href='/Station/Persons']");
        await page.WaitForURLAsync("**/Station/Persons");
        (await page.Locator("#site-nav").IsVisibleAsync()).Should().BeFalse("a new page starts with the menu folded");

        // Every page in the menu fits the phone.
        var links = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#site-nav a')].map(a => a.getAttribute('href'))");
        links.Should().Contain(["/Station/Households", "/Station/Applications"]);
        foreach (var link in links.Distinct())
        {
            await page.GotoAsync(link);
            await FitsAsync(page);
        }
    }

    [Fact]
    public async Task Ledger_OnAPhone_ShowsCardsUnderFoldedFilters_AndATableOnADesktop()
    {
        await using var context = await PhoneAsync(fixture);
        var page = await SignInAsync(context, "community1", "**/Station");
        await RegisterPersonAsync(page, "370702198001010026", "卡片甲", "向阳路 8 号");
        await RegisterPersonAsync(page, "37070219820202001X", "卡片乙", "向阳路 8 号");

        await page.GotoAsync("/Station/Persons");
        await FitsAsync(page);
        (await page.GetAttributeAsync("[data-testid=filters]", "open")).Should().BeNull("the filters are folded on a phone");
        (await page.Locator("[data-testid=filter-summary]").InnerTextAsync()).Should().Contain("筛选：不限").And.Contain("修改");
        var firstCard = await page.Locator("[data-testid=ledger] tbody tr").First.BoundingBoxAsync();
        (firstCard!.Y + firstCard.Height).Should().BeLessThanOrEqualTo(PhoneHeight, "the first person is on the first screen");
        (await HeightAsync(page.Locator("[data-testid=ledger] thead"))).Should().BeLessThanOrEqualTo(1, "cards label their own values");
        (await ShownLabelsAsync(page.Locator("[data-testid=ledger] tbody tr").First)).Should().Contain(["身份证号码", "所属社区"]);
        await ShotAsync(page, "ledger-phone", fullPage: false);

        // A filter chosen in the panel is named in its summary afterwards.
        await page.ClickAsync("[data-testid=filter-summary]");
        await page.SelectOptionAsync("#region", new SelectOptionValue { Index = 1 });
        var region = (await page.Locator("#region option:checked").InnerTextAsync()).Trim();
        await page.ClickAsync("form[role=search] > button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("region=", StringComparison.OrdinalIgnoreCase));
        (await page.Locator("[data-testid=filter-summary]").InnerTextAsync()).Should().Contain(region);
        await FitsAsync(page);

        await page.GotoAsync("/Station/Households");
        await FitsAsync(page);

        await using var desktop = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "zh-CN",
        });
        var wide = await SignInAsync(desktop, "community1", "**/Station");
        await wide.GotoAsync("/Station/Persons");
        (await wide.Locator("[data-testid=menu-toggle]").IsVisibleAsync()).Should().BeFalse("a desktop keeps the full header");
        (await wide.Locator("#site-nav").IsVisibleAsync()).Should().BeTrue();
        (await wide.GetAttributeAsync("[data-testid=filters]", "open")).Should().NotBeNull("the filters open on a wide screen");
        (await HeightAsync(wide.Locator("[data-testid=ledger] thead"))).Should().BeGreaterThan(20, "a desktop keeps the table");
        await ShotAsync(wide, "ledger");
    }

    [Fact]
    public async Task PersonPage_OnAPhone_StartsWithTheActionBar_AndACertificationIsApprovedOnAPhone()
    {
        await using var context = await PhoneAsync(fixture);
        var page = await SignInAsync(context, "community1", "**/Station");
        await RegisterPersonAsync(page, "37070219840303002X", "走访甲", "向阳路 8 号", shot: "register-phone");
        await FitsAsync(page);
        var bar = await page.Locator("[data-testid=action-bar]").BoundingBoxAsync();
        (bar!.Y + bar.Height).Should().BeLessThanOrEqualTo(PhoneHeight, "the everyday actions are on the first screen");
        (await page.Locator("[data-testid=action-bar]").InnerTextAsync()).Should().Contain("登记失业").And.Contain("记录走访").And.Contain("匹配岗位").And.Contain("申请补贴");
        (await page.Locator("[data-testid=person-summary]").InnerTextAsync()).Should().Contain("370702********002X").And.Contain("当前没有失业登记");
        (await page.Locator("[data-testid=timeline]").GetAttributeAsync("open")).Should().BeNull("the details fold");
        await ShotAsync(page, "person-phone");

        // 失业登记 from the action bar.
        await page.ClickAsync("[data-testid=action-register]");
        (await page.Locator("#Registration_RegisteredOn").IsVisibleAsync()).Should().BeTrue();
        await page.FillAsync("#Registration_RegisteredOn", TestClock.TodayText);
        await page.ClickAsync("[data-testid=unemployment] button[type=submit]");
        await page.Locator("[data-testid=action-end]").WaitForAsync();
        (await page.Locator("[data-testid=summary-registration]").InnerTextAsync()).Should().Contain(TestClock.TodayText);
        await FitsAsync(page);

        // 走访 from the action bar, then the record in the folded timeline.
        await page.ClickAsync("[data-testid=action-visit]");
        await page.FillAsync("#FollowUp_OccurredOn", TestClock.TodayText);
        await page.FillAsync("#FollowUp_Notes", "上门走访，了解求职意向");
        await page.ClickAsync("[data-testid=follow-up] button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=timeline]').textContent.includes('上门走访，了解求职意向')");
        await page.ClickAsync("[data-testid=timeline] summary");
        (await page.Locator("[data-testid=timeline]").InnerTextAsync()).Should().Contain("上门走访，了解求职意向");
        await FitsAsync(page);
        await ShotAsync(page, "visit-recorded-phone");

        // The 4050 request, in its folded section after the registration it depends on, then its confirmation page.
        await page.ClickAsync("[data-testid=hardship-check] summary");
        await page.ClickAsync("[data-testid=check-Hardship4050] [data-testid=request-certification]");
        await page.Locator("[data-testid=request-confirm]").WaitForAsync();
        await FitsAsync(page);
        await ShotAsync(page, "certification-request-phone");
        if (await page.Locator("#OverrideReason").CountAsync() > 0)
        {
            await page.FillAsync("#OverrideReason", "走访核实，符合条件");
        }

        await page.ClickAsync("[data-testid=request-confirm]");
        await page.WaitForURLAsync(new Regex("/Station/Persons/[0-9a-f-]{36}$"));
        await page.Locator("[data-testid=check-Hardship4050] [data-testid=certification]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await FitsAsync(page);

        // The county official approves it on a phone.
        await using var countyPhone = await PhoneAsync(fixture);
        var county = await SignInAsync(countyPhone, "county1", "**/Bureau");
        await FitsAsync(county);
        await county.GotoAsync("/Bureau/Certifications");
        await FitsAsync(county);
        await county.ClickAsync("[data-testid=certifications] a:has-text('走访甲')");
        await county.WaitForURLAsync(CertificationUrl());
        await FitsAsync(county);
        await county.ClickAsync("[data-testid=approve]");
        await county.Locator("[data-testid=confirm-approve]").WaitForAsync();
        await FitsAsync(county);
        await ShotAsync(county, "certification-approve-phone");
        await county.ClickAsync("[data-testid=confirm-approve]");
        await county.WaitForURLAsync("**/Bureau/Certifications");
        await FitsAsync(county);
        (await county.Locator("[data-testid=certifications] a:has-text('走访甲')").CountAsync()).Should().Be(0, "the approved request has left the queue");
        await county.GotoAsync("/Bureau/Applications");
        await FitsAsync(county);
    }

    [Fact]
    public async Task Household_OnAPhone_ListsItsMembersAsCards()
    {
        await using var context = await PhoneAsync(fixture);
        var page = await SignInAsync(context, "community1", "**/Station");
        await RegisterPersonAsync(page, "370702197505050043", "户卡配偶", "向阳路 8 号");
        await RegisterPersonAsync(page, "370702196807070037", "户卡户主", "向阳路 8 号");

        await page.ClickAsync("[data-testid=create-household]");
        await page.FillAsync("#Members_0__IdNumber", "370702197505050043");
        await page.SelectOptionAsync("#Members_0__Relationship", "Spouse");
        await page.ClickAsync("[data-testid=check]");
        await page.ClickAsync("[data-testid=confirm]");
        await page.WaitForURLAsync(new Regex("/Station/Households/[0-9a-f-]{36}$"));

        await FitsAsync(page);
        var cards = page.Locator("[data-testid=members] tbody tr");
        (await cards.CountAsync()).Should().Be(2);
        (await HeightAsync(page.Locator("[data-testid=members] thead"))).Should().BeLessThanOrEqualTo(1, "cards label their own values");
        (await ShownLabelsAsync(cards.First)).Should().Contain("与户主关系");
        var card = await cards.First.BoundingBoxAsync();
        (card!.X + card.Width).Should().BeLessThanOrEqualTo(PhoneWidth);
        await ShotAsync(page, "household-phone");

        await page.GotoAsync("/Station/Households");
        await FitsAsync(page);
        (await page.Locator("[data-testid=households] tbody tr").First.InnerTextAsync()).Should().Contain("户卡户主");
    }

    /// <summary>The rendered height (a visually hidden table head is one pixel or less).</summary>
    private static async Task<float> HeightAsync(ILocator element) => (await element.BoundingBoxAsync())?.Height ?? 0;

    /// <summary>The labels a card row shows before its values (CSS generated content, which innerText leaves out).</summary>
    private static Task<string[]> ShownLabelsAsync(ILocator row) => row.EvaluateAsync<string[]>(
        "tr => [...tr.querySelectorAll('td')].map(td => getComputedStyle(td, '::before').content).filter(c => c && c !== 'none' && c !== 'normal').map(c => JSON.parse(c))");

    [GeneratedRegex("/Bureau/Certifications/[0-9a-f-]{36}$")]
    private static partial Regex CertificationUrl();
}
