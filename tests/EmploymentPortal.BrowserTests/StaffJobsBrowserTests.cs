using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Playwright;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

/// <summary>The staff and employer job pages of issue 5 on a 390-pixel phone: nothing scrolls sideways, the buttons are on screen.</summary>
public sealed class StaffJobsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    private static readonly string Today = TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task CommunityStaff_OnAPhone_MatchesRefersAndPushes_NoPageScrollsSideways()
    {
        await using var phone = await PhoneAsync(fixture);
        var page = await SignInAsync(phone, "community1", "**/Station");

        // An unemployed person of 向阳社区 in a priority group (the monthly push lists them), registered as unemployed (matching a posting finds them).
        await page.GotoAsync("/Station/Persons/Register");
        await page.FillAsync("#IdNumber", TestIds.Make(new DateOnly(1980, 9, 9), Sex.Female));
        await page.FillAsync("#Input_Name", "王秀英");
        await page.FillAsync("#Input_Address", "向阳路 8 号");
        await page.SelectOptionAsync("#Input_EmploymentStatus", nameof(EmploymentStatus.Unemployed));
        await page.CheckAsync("input[name='Input.Groups'][value=PoorLabourer]");
        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForURLAsync(new Regex("/Station/Persons/[0-9a-f-]{36}$"));
        var person = new Uri(page.Url).AbsolutePath;
        await page.FillAsync("#Registration_RegisteredOn", Today);
        await page.ClickAsync("form[action*=OpenRegistration] button");
        await page.WaitForLoadStateAsync();
        (await page.Locator("[data-testid=unemployment]").InnerTextAsync()).Should().NotContain("办理失业登记");

        // Matching: the demo posting 小区保安员 of 向阳社区 comes with its reasons; refer the person to it.
        await page.ClickAsync("[data-testid=match-postings]");
        await page.WaitForURLAsync(new Regex("/Station/Matching/Person/[0-9a-f-]{36}$"));
        var match = page.Locator("[data-testid=matches] > li", new PageLocatorOptions { HasText = "小区保安员" });
        (await match.Locator("[data-testid=reasons]").InnerTextAsync()).Should().Contain("同一社区");
        await OnScreenAsync(match.Locator("[data-testid=refer]"));
        await OnScreenAsync(match.Locator("[data-testid=push]"));
        await FitsAsync(page);
        await ShotAsync(page, "matching-phone", fullPage: false);
        await match.Locator("[data-testid=refer]").ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator("main [role=status]").InnerTextAsync()).Should().Contain("已推荐");

        // Referrals: the list, then the referral, where the interview is recorded.
        await page.GotoAsync("/Station/Referrals");
        var referral = page.Locator("[data-testid=referrals] > li", new PageLocatorOptions { HasText = "王秀英" });
        (await referral.InnerTextAsync()).Should().Contain("小区保安员").And.Contain("已推荐");
        await FitsAsync(page);
        await referral.Locator("a[href*='/Station/Referrals/']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Station/Referrals/[0-9a-f-]{36}$"));
        await page.SelectOptionAsync("#Input_Outcome", "Interview");
        await page.FillAsync("#Input_On", Today);
        await OnScreenAsync(page.Locator("[data-testid=record]"));
        await page.ClickAsync("[data-testid=record]");
        await page.WaitForLoadStateAsync();
        (await page.Locator("[data-testid=outcome]").InnerTextAsync()).Should().Contain("已面试");
        await OnScreenAsync(page.Locator("[data-testid=record]"));
        await FitsAsync(page);
        await ShotAsync(page, "referral-phone");

        // The monthly push lists the person; sending a posting from the matching page takes them off the list.
        await page.GotoAsync("/Station/Pushes");
        var due = page.Locator("[data-testid=due] > li", new PageLocatorOptions { HasText = "王秀英" });
        (await due.InnerTextAsync()).Should().Contain("建档立卡贫困劳动力");
        await OnScreenAsync(due.Locator("[data-testid=send]"));
        await FitsAsync(page);
        await ShotAsync(page, "pushes-phone");
        await due.Locator("[data-testid=send]").ClickAsync();
        await page.WaitForURLAsync("**/Station/Matching/Person/*");
        await page.Locator("[data-testid=matches] > li", new PageLocatorOptions { HasText = "小区保安员" }).Locator("[data-testid=push]").ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator("main [role=status]").InnerTextAsync()).Should().Contain("已推送");
        await page.GotoAsync("/Station/Pushes");
        (await page.Locator("[data-testid=due]").InnerTextAsync()).Should().NotContain("王秀英");

        // The person's referrals, the people who fit the posting, and the other staff job pages fit too.
        await page.GotoAsync(person);
        await page.ClickAsync("[data-testid=referrals]");
        await page.WaitForURLAsync("**/Station/Referrals?personId=*");
        (await page.Locator("[data-testid=referrals]").InnerTextAsync()).Should().Contain("小区保安员");
        await page.GotoAsync("/Postings");
        await page.Locator("[data-testid=postings] > li", new PageLocatorOptions { HasText = "小区保安员" }).Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Postings/[0-9a-f-]{36}$"));
        await page.ClickAsync("[data-testid=match-persons]");
        await page.WaitForURLAsync(new Regex("/Station/Matching/Posting/[0-9a-f-]{36}$"));
        (await page.Locator("[data-testid=matches]").InnerTextAsync()).Should().Contain("王秀英");
        await FitsAsync(page);
        foreach (var url in new[] { "/Station/Referrals/Links", "/Station/JobFairs", "/Station/JobFairs/Edit", "/Employers", "/Postings" })
        {
            await page.GotoAsync(url);
            await FitsAsync(page);
        }
    }

    [Fact]
    public async Task EmployerAndStreet_OnAPhone_JobPagesFitWithoutSidewaysScrolling()
    {
        await using var employerPhone = await PhoneAsync(fixture);
        var employer = await SignInAsync(employerPhone, "employer1", "**/Employer");
        await FitsAsync(employer);
        await employer.GotoAsync("/Employer/Applicants");
        var posting = employer.Locator("[data-testid=postings] > li a").First;
        await OnScreenAsync(posting);
        await FitsAsync(employer);
        await posting.ClickAsync();
        await employer.WaitForURLAsync(new Regex("/Employer/Applicants/[0-9a-f-]{36}$"));
        await FitsAsync(employer);
        await employer.GotoAsync("/Postings");
        await OnScreenAsync(employer.Locator("[data-testid=postings] > li").First);
        await FitsAsync(employer);
        await employer.GotoAsync("/Employer");
        await employer.ClickAsync("[data-testid=new-posting]");
        await employer.WaitForURLAsync("**/Postings/Edit?employerId=*");
        await OnScreenAsync(employer.Locator("[data-testid=save-posting]"));
        await FitsAsync(employer);

        await using var streetPhone = await PhoneAsync(fixture);
        var street = await SignInAsync(streetPhone, "street1", "**/Station");
        await street.GotoAsync("/Employers");
        await FitsAsync(street);
        await street.ClickAsync("[data-testid=employers] > li a");
        await street.WaitForURLAsync(new Regex("/Employers/[0-9a-f-]{36}$"));
        await OnScreenAsync(street.Locator("[data-testid=new-posting]"));
        await FitsAsync(street);
        await street.GotoAsync("/Station/JobFairs/Edit");
        await OnScreenAsync(street.Locator("[data-testid=save-fair]"));
        await FitsAsync(street);
    }

    /// <summary>The element is shown and lies within the width of the screen (not cut off at the right).</summary>
    private static async Task OnScreenAsync(ILocator locator)
    {
        (await locator.IsVisibleAsync()).Should().BeTrue();
        var box = await locator.BoundingBoxAsync();
        box.Should().NotBeNull();
        box!.X.Should().BeGreaterThanOrEqualTo(0);
        (box.X + box.Width).Should().BeLessThanOrEqualTo(PhoneWidth);
    }
}
