using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>The 4050 check on a person's page: the registry's facts through the eligibility rules, explained in both languages.</summary>
public sealed class EligibilityPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task PersonPage_ManOneMonthShortOf50_NotEligibleWithTheReason()
    {
        using var staff = await portal.SignInAsync("community1");
        var today = TestClock.Today;
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(today.AddYears(-50).AddMonths(1), Sex.Male), "差一月");
        await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = today.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, "form[action*=OpenRegistration]");

        var (_, page) = await staff.GetPageAsync(url);
        var check = page.QuerySelector("[data-testid=hardship-check]")!.TextContent;
        check.Should().Contain("不符合").And.Contain("男性，申请日年龄 49 岁 11 个月，不满 50 周岁").And.Contain("申请日处于失业登记状态");

        var (_, english) = await staff.GetPageAsync(url + "?culture=en-US");
        english.QuerySelector("[data-testid=hardship-check]")!.TextContent.Should().Contain("Man, aged 49 years 11 months on the application date, under 50");
    }

    [Fact]
    public async Task PersonPage_Woman45RegisteredUnemployed_Eligible_NotRegistered_NotEligible()
    {
        using var staff = await portal.SignInAsync("community1");
        var today = TestClock.Today;
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(today.AddYears(-45), Sex.Female), "四十五岁");

        var (_, before) = await staff.GetPageAsync(url);
        before.QuerySelector("[data-testid=hardship-check] .tag")!.TextContent.Should().Be("不符合", "she is not registered unemployed yet");
        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, "form[action*=OpenRegistration]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, after) = await staff.GetPageAsync(url);
        after.QuerySelector("[data-testid=hardship-check] .tag")!.TextContent.Should().Be("符合");
        after.QuerySelector("[data-testid=hardship-check]")!.TextContent.Should().Contain("女性，申请日年龄 45 岁 0 个月，已满 40 周岁");
    }
}
