using Microsoft.Playwright;

using static EmploymentPortal.BrowserTests.BrowserPages;

namespace EmploymentPortal.BrowserTests;

public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CityOfficial_DashboardDrawsTheTrendChartFromItsTable_AndDrillsDown()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A year of registrations in the demo city's communities, some ended by re-employment, so that
        // the figures, the shares and the trend have something to show (the demo seed has no registry).
        await EmploymentPortal.TestCommon.TestSql.ExecuteAsync(fixture.ConnectionString, """
            INSERT INTO persons (id, region_id, region_code, name, id_number_cipher, id_number_hash, id_number_masked, id_number_last_four, birth_date, sex,
                                 address, hukou, education, labor_capacity, wants_work, employment_status, priority_groups, created_at, updated_at)
            SELECT ('00000000-0000-0000-0001-' || lpad(g::text, 12, '0'))::uuid, r.id, r.code, '演示' || g, '\x00'::bytea, decode(md5('dashboard' || g), 'hex'),
                   '370702********0000', '0000', date '1966-01-01' + (g * 211 % 12000), 1 + g % 2, '演示地址', 1, 1 + g % 6, 1, true, 1, 0, @now, @now
            FROM generate_series(1, 90) g
            JOIN LATERAL (SELECT id, code FROM regions WHERE level = 5 ORDER BY code OFFSET g % (SELECT count(*) FROM regions WHERE level = 5) LIMIT 1) r ON true;
            INSERT INTO unemployment_registrations (id, person_id, region_code, registered_on, ended_on, end_reason)
            SELECT ('00000000-0000-0000-0002-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-0000-0001-' || lpad(g::text, 12, '0'))::uuid, p.region_code,
                   @today - (g * 4 + 20), CASE WHEN g % 3 = 0 THEN LEAST(@today, @today - (g * 4 + 20) + (30 + g % 60)) END, CASE WHEN g % 3 = 0 THEN 1 END
            FROM generate_series(1, 90) g JOIN persons p ON p.id = ('00000000-0000-0000-0001-' || lpad(g::text, 12, '0'))::uuid;
            """);
        var page = await SignInAsync(context, "city1", "**/Bureau");
        // Errors in the console (a script refused by the content security policy) and failed loads
        // of the page's own resources; the browser's own favicon request is none of the page's.
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync("/Bureau/Dashboard");
        await page.Locator("table[data-testid=trend][data-chart-drawn=true]").WaitForAsync();
        (await page.Locator(".chart canvas").CountAsync()).Should().Be(1, "one chart, drawn by js/charts.js from the trend table");
        (await page.Locator("[data-testid=trend] tbody tr").CountAsync()).Should().Be(12, "the table stays beside the chart");
        problems.Should().BeEmpty("the scripts are served from the portal itself, within its content security policy");
        await ShotAsync(page, "dashboard");

        await page.ClickAsync("table[data-testid=dashboard] tbody tr[data-region='370702000000'] a");
        await page.WaitForURLAsync("**/Bureau/Dashboard?region=370702000000*");
        (await page.Locator("[data-testid=dashboard-region]").InnerTextAsync()).Should().Contain("潍城区");
    }
}
