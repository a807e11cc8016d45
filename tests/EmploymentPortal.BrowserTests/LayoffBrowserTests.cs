using System.Globalization;
using EmploymentPortal.TestCommon;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

/// <summary>Layoff reports and monitoring on a 390-pixel phone: filed by street staff, listed for the county.</summary>
public sealed class LayoffBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StreetStaffFile_CountySeesTheWarning_MonitoringPagesFit_OnAPhone()
    {
        await using (var context = await PhoneAsync(fixture))
        {
            var page = await SignInAsync(context, "street1", "**/Station");
            await page.GotoAsync("/Layoffs/File");
            await FitsAsync(page);
            var employer = await page.Locator("#Input_EmployerId option:not([value=''])").First.GetAttributeAsync("value");
            await page.SelectOptionAsync("#Input_EmployerId", employer!);
            await page.FillAsync("#Input_ReductionCount", "120");
            await page.FillAsync("#Input_WorkforceCount", "800");
            await page.FillAsync("#Input_PlannedOn", TestClock.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.FillAsync("#Input_Reason", "订单减少，生产线停产");
            await page.FillAsync("#Input_ContactName", "王经理");
            await page.FillAsync("#Input_ContactPhone", "05368888888");
            await page.ClickAsync("[data-testid=submit-layoff]");
            await page.WaitForURLAsync(url => !url.Contains("/Layoffs/File", StringComparison.Ordinal));
            await FitsAsync(page);
            await page.GotoAsync("/Station/Monitoring");
            await FitsAsync(page);
        }

        await using (var context = await PhoneAsync(fixture))
        {
            var page = await SignInAsync(context, "county1", "**/Bureau");
            await page.GotoAsync("/Bureau/Layoffs");
            (await page.Locator("main").InnerTextAsync()).Should().Contain("120");
            await FitsAsync(page);
            await ShotAsync(page, "layoffs-phone", fullPage: false);
            foreach (var path in new[] { "/Bureau/Monitoring", "/Bureau/Monitoring/Missing", "/Bureau/Dashboard", "/Bureau/MonthlyReport", "/Bureau/Targets" })
            {
                await page.GotoAsync(path);
                await FitsAsync(page);
            }
        }
    }
}
