using Microsoft.Playwright;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

/// <summary>
/// An idle sign-out loses nothing typed (issue 15, finding 6): a warning two minutes before it
/// with "keep me signed in", and a draft of the form, kept in the tab, that comes back after
/// signing in again, without the ID number.
/// </summary>
public sealed class SessionBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task RegistrationForm_SessionExpires_SignInAgain_FieldsRestoredExceptIdNumber()
    {
        await using var context = await PhoneAsync(fixture);
        var page = await SignInAsync(context, "community1", "**/Station");

        await page.GotoAsync("/Station/Persons/Register");
        await page.FillAsync("#IdNumber", "370702197603150072");
        await page.FillAsync("#Input_Name", "草稿人");
        await page.FillAsync("#Input_Address", "向阳路 99 号");
        (await page.EvaluateAsync<string>("JSON.stringify(sessionStorage)")).Should().Contain("草稿人").And.NotContain("370702197603150072");

        // A 16-minute home visit: the server's idle timeout passes.
        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        await page.GotoAsync("/Station/Persons/Register");
        await page.WaitForURLAsync("**/Identity/Account/Login**");
        await page.FillAsync("#Input_UserName", "community1");
        await page.FillAsync("#Input_Password", "Demo!2345678");
        await page.ClickAsync("[data-testid=login-submit]");
        await SecondStepAsync(context, page, "community1");
        await page.WaitForURLAsync("**/Station/Persons/Register");

        (await page.InputValueAsync("#Input_Name")).Should().Be("草稿人");
        (await page.InputValueAsync("#Input_Address")).Should().Be("向阳路 99 号");
        (await page.InputValueAsync("#IdNumber")).Should().BeEmpty("an ID number is never kept in a draft");
        (await page.Locator("[data-testid=draft-restored]").InnerTextAsync()).Should().Contain("已恢复");
        await ShotAsync(page, "draft-restored-phone");

        // A successful submit clears the draft.
        await page.FillAsync("#IdNumber", "370702197603150072");
        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Station/Persons/[0-9a-f-]{36}$"));
        await page.GotoAsync("/Station/Persons/Register");
        (await page.InputValueAsync("#Input_Name")).Should().BeEmpty();
        (await page.Locator("[data-testid=draft-restored]").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task IdleWarning_TwoMinutesBefore_KeepMeSignedIn_ThenIdleSignOutSaysWhy()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await SignInAsync(context, "community2", "**/Station");
        await page.Clock.InstallAsync();
        await page.GotoAsync("/Station");

        await page.Clock.RunForAsync((long)TimeSpan.FromMinutes(12.5).TotalMilliseconds);
        (await page.Locator("[data-testid=session-warning]").IsVisibleAsync()).Should().BeFalse();
        await page.Clock.RunForAsync((long)TimeSpan.FromMinutes(1).TotalMilliseconds);
        await page.Locator("[data-testid=session-warning]").WaitForAsync();
        (await page.Locator("[data-testid=session-warning]").InnerTextAsync()).Should().Contain("保持登录");
        await ShotAsync(page, "idle-warning", fullPage: false);

        await page.ClickAsync("[data-testid=session-keep]");
        await page.Locator("[data-testid=session-warning]").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // No answer this time: at the idle timeout the page goes to the sign-in page, which says why.
        await page.Clock.RunForAsync((long)TimeSpan.FromMinutes(15.5).TotalMilliseconds);
        await page.WaitForURLAsync("**/Identity/Account/Login?reason=idle**");
        (await page.Locator("[data-testid=signed-out-reason]").InnerTextAsync()).Should().Contain("您已因长时间未操作而退出");
    }
}
