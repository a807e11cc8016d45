using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

public sealed class AuditBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CommunityStaff_OnAPhone_ReadsAPersonsHistoryAsLines()
    {
        await using var context = await PhoneAsync(fixture);
        var page = await SignInAsync(context, "community1", "**/Station");

        await page.GotoAsync("/Station/Persons/Register");
        await page.FillAsync("#IdNumber", TestIds.Make(new DateOnly(1978, 8, 18), Sex.Female));
        await page.FillAsync("#Input_Name", "王淑芬");
        await page.FillAsync("#Input_Address", "向阳路 30 号 2 单元 501 室");
        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Station/Persons/[0-9a-f-]{36}$"));
        var person = new Uri(page.Url).AbsolutePath;

        await page.FillAsync("#FollowUp_OccurredOn", TestClock.TodayText);
        await page.FillAsync("#FollowUp_Notes", "上门走访，了解求职意向");
        await page.ClickAsync("form[action*=FollowUp] button[type=submit]");
        await page.Locator("[data-testid=timeline]", new() { HasText = "入户走访" }).WaitForAsync();

        await page.GotoAsync(person + "/Edit");
        await page.SelectOptionAsync("#Input_EmploymentStatus", "Employed");
        await page.FillAsync("#Input_Address", "胜利街 21 号");
        await page.ClickAsync("[data-testid=edit-submit]");
        await page.WaitForURLAsync("**" + person);

        await page.GotoAsync(person + "/History");
        var first = page.Locator("[data-testid=audit-event]").First;
        (await first.InnerTextAsync()).Should().Contain("修改信息").And.Contain("就业状态：失业 → 就业").And.Contain("居住地址：向阳路 30 号 2 单元 501 室 → 胜利街 21 号");
        (await page.Locator("[data-testid=history]").InnerTextAsync()).Should().Contain("方式：入户走访").And.NotContain("{");
        await FitsAsync(page);
        await ShotAsync(page, "person-history-phone");
    }
}
