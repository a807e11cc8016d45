using System.Globalization;
using System.Net;
using EmploymentPortal.Core.Reports;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// A hand-computed registry in a test county 370799 (two streets, a community each, one person
/// registered directly at a street), read through /Bureau/Dashboard as the city official at two
/// dates; the figures are worked out in the comments of <see cref="ReportFixture"/>.
/// </summary>
public sealed class DashboardTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string County = "370799000000";
    private const string StreetA = "370799001000";
    private const string CommunityA = "370799001001";
    private const string StreetB = "370799002000";
    private const string CommunityB = "370799002001";

    // Columns: registered, new-month, new-year, reemployed-month, reemployed-year, long-term, low-education, age4050, identified, assisting, eliminated, stable.
    [Theory]
    [InlineData("2024-06-15", County, StreetA, new[] { 2, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0 })]
    [InlineData("2024-06-15", County, StreetB, new[] { 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0 })]
    [InlineData("2024-06-15", County, "total", new[] { 3, 1, 2, 0, 0, 1, 2, 2, 1, 0, 0, 0, 0, 0 })]
    [InlineData("2024-06-15", StreetA, CommunityA, new[] { 2, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0 })]
    [InlineData("2025-03-10", County, StreetA, new[] { 2, 1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0 })]
    [InlineData("2025-03-10", County, StreetB, new[] { 2, 0, 0, 0, 0, 1, 2, 2, 0, 0, 0, 0, 0, 0 })]
    [InlineData("2025-03-10", County, "total", new[] { 4, 1, 1, 0, 1, 2, 3, 3, 0, 0, 1, 0, 0, 0 })]
    [InlineData("2025-03-10", StreetA, CommunityA, new[] { 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0 })]
    [InlineData("2025-03-10", StreetA, StreetA, new[] { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("2025-03-10", StreetB, CommunityB, new[] { 2, 0, 0, 0, 0, 1, 2, 2, 0, 0, 0, 0, 0, 0 })]
    [InlineData("2024-12-31", County, "total", new[] { 4, 1, 3, 0, 0, 1, 3, 3, 0, 1, 0, 0, 0, 0 })]
    public async Task Dashboard_HandComputedRegistry_EveryFigureOnTheDate(string on, string region, string row, int[] expected)
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        using var city = await portal.SignInAsync("city1");

        var rows = await RowsAsync(city, $"/Bureau/Dashboard?region={region}&on={on}");

        rows[row].Should().Equal(expected);
    }

    [Fact]
    public async Task Dashboard_Shares_PercentWithOneDecimal_AndStreetRowNamedDirect()
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        using var city = await portal.SignInAsync("city1");

        var (_, page) = await city.GetPageAsync($"/Bureau/Dashboard?region={County}&on=2025-03-10");
        var total = page.QuerySelector("tr[data-region=total]")!;
        total.QuerySelector("[data-field=long-term]")!.GetAttribute("data-share").Should().Be("50.0%");
        total.QuerySelector("[data-field=low-education]")!.GetAttribute("data-share").Should().Be("75.0%");
        total.QuerySelector("[data-field=age4050]")!.GetAttribute("data-share").Should().Be("75.0%");
        page.QuerySelector($"tr[data-region='{StreetA}'] a")!.GetAttribute("href").Should().Be($"?region={StreetA}&on=2025-03-10");

        var (_, street) = await city.GetPageAsync($"/Bureau/Dashboard?region={StreetA}&on=2025-03-10");
        street.QuerySelector($"tr[data-region='{StreetA}'] th")!.TextContent.Trim().Should().Be("测试甲街道直接登记");
        street.QuerySelector($"tr[data-region='{CommunityA}'] a")!.GetAttribute("href").Should().Be($"?region={CommunityA}&on=2025-03-10");
        var (_, community) = await city.GetPageAsync($"/Bureau/Dashboard?region={CommunityA}&on=2025-03-10");
        community.QuerySelectorAll("[data-testid=dashboard] tbody tr").Select(r => r.GetAttribute("data-region")).Should().Equal([CommunityA], "a community is the last level: one row");
        community.QuerySelector("[data-testid=dashboard] tbody tr a").Should().BeNull();
        (await RowsAsync(city, $"/Bureau/Dashboard?region={StreetA}&on=2024-06-15")).Keys.Should().BeEquivalentTo([CommunityA, "total"], "nobody was registered at the street itself yet");
        street.QuerySelector("[data-testid=dashboard-up]")!.GetAttribute("href").Should().StartWith($"?region={County}");
    }

    [Fact]
    public async Task Dashboard_DemoCity_ChildrenAddUpToTheirRowInTheParent_DownToCommunities()
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        using var city = await portal.SignInAsync("city1");
        var on = TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parent = await RowsAsync(city, $"/Bureau/Dashboard?on={on}");
        parent.Keys.Should().Contain("370702000000").And.Contain(County);
        parent["total"][0].Should().BeGreaterThan(0, "the demo city has registered unemployed");
        await CheckAsync(city, "370700000000", parent, on, depth: 0);
    }

    private static async Task CheckAsync(PortalClient client, string region, Dictionary<string, int[]> rows, string on, int depth)
    {
        Sum(rows).Should().Equal(rows["total"], $"the rows of {region} add up to its total");
        if (depth == 3)
        {
            return;
        }

        foreach (var child in rows.Keys.Where(k => k != "total" && k != region.PadRight(12, '0')).Take(depth == 0 ? 3 : 2))
        {
            var childRows = await RowsAsync(client, $"/Bureau/Dashboard?region={child}&on={on}");
            childRows["total"].Should().Equal(rows[child], $"{child}'s page totals its row in {region}");
            await CheckAsync(client, child, childRows, on, depth + 1);
        }
    }

    [Fact]
    public async Task Dashboard_EnglishPage_FormatsAndLabels()
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        using var city = await portal.SignInAsync("city1");

        var (response, page) = await city.GetPageAsync($"/Bureau/Dashboard?region={County}&on=2025-03-10&culture=en-US");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.Should().Be("Registered unemployment dashboard");
        page.QuerySelector("table[data-testid=dashboard] thead")!.TextContent.Should().Contain("Registered unemployed").And.Contain("Women 40+, men 50+ (share)");
        page.QuerySelector("tr[data-region=total] th")!.TextContent.Should().Be("Total");
        page.QuerySelector("div.table-wrap > table[data-testid=dashboard]").Should().NotBeNull("the table scrolls inside its container on a phone");
    }

    [Theory]
    [InlineData("county1", "/Bureau/Dashboard", HttpStatusCode.OK)]
    [InlineData("county1", "/Bureau/Dashboard?region=370702001000", HttpStatusCode.OK)]
    [InlineData("county2", "/Bureau/Dashboard?region=370702000000", HttpStatusCode.NotFound)]
    [InlineData("county1", "/Bureau/Dashboard?region=370700000000", HttpStatusCode.NotFound)]
    [InlineData("street1", "/Station/Dashboard", HttpStatusCode.OK)]
    [InlineData("street1", "/Station/Dashboard?region=370702001001", HttpStatusCode.OK)]
    [InlineData("street1", "/Station/Dashboard?region=370702002000", HttpStatusCode.NotFound)]
    [InlineData("street1", "/Station/Dashboard?region=37070200100x", HttpStatusCode.BadRequest)]
    [InlineData("community1", "/Station/Dashboard", HttpStatusCode.Forbidden)]
    [InlineData("street1", "/Bureau/Dashboard", HttpStatusCode.Forbidden)]
    [InlineData("seeker1", "/Bureau/Dashboard", HttpStatusCode.Forbidden)]
    [InlineData("seeker1", "/Station/Dashboard", HttpStatusCode.Forbidden)]
    public async Task Dashboard_Scoping_PerRole(string user, string url, HttpStatusCode expected)
    {
        using var client = await portal.SignInAsync(user);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task Dashboard_StreetStaff_SeeTheirStreet_LinkedFromTheirHome()
    {
        using var street = await portal.SignInAsync("street1");

        var (_, home) = await street.GetPageAsync("/Station");
        home.QuerySelector("[data-testid=dashboard-link]")!.GetAttribute("href").Should().Be("/Station/Dashboard");
        var (_, page) = await street.GetPageAsync("/Station/Dashboard");
        page.QuerySelector("[data-testid=dashboard-region]")!.TextContent.Should().Contain("城关街道").And.Contain("370702001000");
        page.QuerySelector("[data-testid=dashboard-up]").Should().BeNull("the county is outside a street's area");
        page.QuerySelectorAll("[data-testid=dashboard] tbody tr").Select(r => r.GetAttribute("data-region")).Should().Contain("370702001001").And.OnlyContain(c => c!.StartsWith("370702001", StringComparison.Ordinal));

        using var county = await portal.SignInAsync("county1");
        var (_, bureau) = await county.GetPageAsync("/Bureau");
        bureau.QuerySelector("[data-testid=dashboard-link]")!.GetAttribute("href").Should().Be("/Bureau/Dashboard");
        using var anonymous = portal.Anonymous();
        (await anonymous.GetAsync("/Bureau/Dashboard")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    internal static async Task<Dictionary<string, int[]>> RowsAsync(PortalClient client, string url)
    {
        var (response, page) = await client.GetPageAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return page.QuerySelectorAll("table[data-testid=dashboard] tr[data-region]").ToDictionary(
            r => r.GetAttribute("data-region")!,
            r => r.QuerySelectorAll("td[data-field]").Select(c => int.Parse(c.GetAttribute("data-value")!, CultureInfo.InvariantCulture)).ToArray());
    }

    private static int[] Sum(Dictionary<string, int[]> rows) =>
        rows.Where(r => r.Key != "total").Select(r => r.Value).Aggregate(new int[14], (a, b) => a.Zip(b, (x, y) => x + y).ToArray());
}

/// <summary>Registering and ending registrations (and a changed education) moves the dashboard at once; a rebuild gives the same numbers.</summary>
public sealed class DashboardIncrementalTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Triggers_RegisterEndAndEducation_DashboardFollows_RebuildAgrees()
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        using var city = await portal.SignInAsync("city1");
        const string url = "/Bureau/Dashboard?region=370799001000&on=2025-03-10";
        var before = await DashboardTests.RowsAsync(city, url);
        before["370799001000"].Should().Equal(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        // P4 (at the street) re-employed on 5 March; P2 registers again on 3 March in community A; P1's education corrected to bachelor.
        await TestSql.ExecuteAsync(portal.ConnectionString, """
            UPDATE unemployment_registrations SET ended_on = '2025-03-05', end_reason = 1 WHERE id = '00000000-0000-0000-0000-0000000000b4';
            INSERT INTO unemployment_registrations (id, person_id, region_code, registered_on) VALUES ('00000000-0000-0000-0000-0000000000b6', '00000000-0000-0000-0000-0000000000a2', '370799001001', '2025-03-03');
            UPDATE persons SET education = 6 WHERE id = '00000000-0000-0000-0000-0000000000a1';
            """);

        var after = await DashboardTests.RowsAsync(city, url);
        after["370799001000"].Should().Equal(0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        after["370799001001"].Should().Equal(2, 1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0);
        (await DashboardTests.RowsAsync(city, "/Bureau/Dashboard?region=370799001000&on=2024-06-15"))["370799001001"]
            .Should().Equal([2, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0], "education is the ledger's current entry for every date");

        await using (var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope())
        {
            var summary = await scope.ServiceProvider.GetRequiredService<Reports>().RebuildAsync(CancellationToken.None);
            summary.RegistrationDays.Should().BeGreaterThan(0);
        }

        (await DashboardTests.RowsAsync(city, url)).Should().BeEquivalentTo(after);
        var county = await DashboardTests.RowsAsync(city, "/Bureau/Dashboard?region=370799000000&on=2025-03-10");
        county["370799001000"].Should().Equal(after["total"]);
    }
}

/// <summary>Placements through referrals, target progress and the monthly trend on the dashboard.</summary>
public sealed class DashboardTargetTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Placements_TargetProgress_AndTheTwelveMonthTrend()
    {
        var today = TestClock.Today;
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1985, 4, 4), Domain.Persons.Sex.Female), "介绍成功者");
        var person = url.Split('/').Last();
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO referrals (id, person_id, posting_id, region_code, referred_on, outcome, outcome_on, by_name, created_at)
            SELECT '{Guid.CreateVersion7()}', '{person}', id, '370702001001', '{today:yyyy-MM-dd}', 3, '{today:yyyy-MM-dd}', 'community1', @now FROM postings LIMIT 1;
            """);

        using var city = await portal.SignInAsync("city1");
        (await city.SubmitFormAsync($"/Bureau/Targets?Year={today.Year}", new Dictionary<string, string>
        {
            ["Values[370700000000:ReEmployed]"] = "8000",
            ["Values[370702000000:ReferralPlacements]"] = "4",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var county = await portal.SignInAsync("county1");
        var (_, page) = await county.GetPageAsync("/Bureau/Dashboard");
        var street = page.QuerySelector("tr[data-region='370702001000']")!;
        street.QuerySelector("td[data-field=placed-year]")!.GetAttribute("data-value").Should().Be("1");
        street.QuerySelector("td[data-field=placed-month]")!.GetAttribute("data-value").Should().Be("1");
        var target = page.QuerySelector("[data-testid=targets] tr[data-indicator=ReferralPlacements]")!;
        target.TextContent.Should().Contain("潍城区").And.Contain("25.0%", "1 of 4");
        target.QuerySelector("td[data-field=actual]")!.TextContent.Should().Be("1");
        page.QuerySelector("[data-testid=targets]")!.TextContent.Should().NotContain("8,000", "the city's target is above the county");

        var (_, cityPage) = await city.GetPageAsync("/Bureau/Dashboard");
        cityPage.QuerySelector("[data-testid=targets] tr[data-indicator=ReEmployed] td[data-field=target]")!.TextContent.Should().Be("8,000");
        var trend = cityPage.QuerySelectorAll("[data-testid=trend] tbody tr");
        trend.Should().HaveCount(12);
        trend[^1].QuerySelector("th")!.TextContent.Should().StartWith($"{today:yyyy-MM}");
        today.Day.Should().BeLessThan(DateTime.DaysInMonth(today.Year, today.Month), "the test day is inside its month");
        trend[^1].GetAttribute("data-partial").Should().Be("true", "the month in progress is drawn as partial (hollow point, dashed segment), not as a drop");
        trend[^1].QuerySelector("[data-testid=partial-month]")!.TextContent.Should().Be($"（本月截至{today.Day}日）");
        trend[^2].GetAttribute("data-partial").Should().Be("false", "a past month is complete");
        cityPage.QuerySelector("[data-testid=trend]")!.GetAttribute("data-chart").Should().Be("line", "js/charts.js draws the chart from this table");
        cityPage.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).Should().Contain(s => s!.StartsWith("/lib/chart.js/chart.umd.min.js", StringComparison.Ordinal));

        using var street1 = await portal.SignInAsync("street1");
        var (_, streetPage) = await street1.GetPageAsync("/Station/Dashboard");
        streetPage.QuerySelector("[data-testid=no-targets]").Should().NotBeNull("no target is set for the street or its communities");
    }
}

/// <summary>The dashboard's tables exported as .xlsx: the page's rows and figures, scoped and audited.</summary>
public sealed class DashboardExportTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Export_TheSameRowsAsThePage_Audited_Scoped()
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        using var city = await portal.SignInAsync("city1");
        var response = await city.GetAsync("/Bureau/Dashboard?handler=Export&region=370799000000&on=2025-03-10");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "登记失业统计").Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["地区"]?.ToString()).Should().Equal("测试甲街道", "测试乙街道", "合计");
        rows.Select(r => Convert.ToInt32(r["登记失业人员"], CultureInfo.InvariantCulture)).Should().Equal(2, 2, 4);
        rows.Select(r => Convert.ToInt32(r["本年实现再就业"], CultureInfo.InvariantCulture)).Should().Equal(1, 0, 1);
        Convert.ToDouble(rows[2]["失业一年以上占比"], CultureInfo.InvariantCulture).Should().BeApproximately(0.5, 1e-9, "2 of the 4 on the date");
        stream.Position = 0;
        MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "月度趋势").Should().HaveCount(12);
        stream.Position = 0;
        MiniExcelLibs.MiniExcel.GetSheetNames(stream).Should().Equal("登记失业统计", "业务办理情况", "按补贴项目", "年度目标", "月度趋势");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'DashboardExported' AND entity_id = '370799000000'")).Should().Be(1);

        using var county = await portal.SignInAsync("county1");
        (await county.GetAsync("/Bureau/Dashboard?handler=Export&region=370799000000&on=2025-03-10")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another county's figures");
        var (_, page) = await county.GetPageAsync("/Bureau/Dashboard");
        page.QuerySelector("[data-testid=dashboard-export]")!.GetAttribute("href").Should().Contain("handler=Export").And.Contain("region=370702000000");
    }
}

/// <summary>The monthly report form 月报 over the hand-computed registry, on the page and in .xlsx.</summary>
public sealed class MonthlyReportTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task February2025_HandComputed_PageAndExport()
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        using var city = await portal.SignInAsync("city1");
        const string url = "/Bureau/MonthlyReport?region=370799000000&month=2025-02";
        var (response, page) = await city.GetPageAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        string Cell(string line, string field) => page.QuerySelector($"[data-testid=monthly-report] tr[data-line='{line}'] td[data-field={field}]")!.TextContent;

        // On 28 February 2025: R1, R3, R7 open (R2 ended on the 20th, employed; R4 opens in March).
        page.QuerySelector("[data-testid=monthly-report] caption")!.TextContent.Should().Contain("测试区 2025 年 2 月").And.Contain("2025-02-28");
        Cell("1", "end").Should().Be("3");
        Cell("1.1", "end").Should().Be("2", "R1 since May 2024, R3 since 5 January 2025");
        Cell("1.2", "end").Should().Be("66.7%");
        Cell("1.4", "end").Should().Be("100.0%", "P1 and P5 junior high, P3 primary");
        Cell("1.5", "end").Should().Be("3");
        Cell("2", "month").Should().Be("0");
        Cell("3", "month").Should().Be("1");
        Cell("3", "year").Should().Be("1");
        Cell("3", "end").Should().Be("—");
        Cell("5.2", "end").Should().Be("1", "household H eliminated on 15 January");

        var export = await city.GetAsync(url + "&handler=Export");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        // The form's table starts on row 5, under the title, the area and month and the form's lines; the signature line follows its 16 lines.
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "就业失业统计月报", startCell: "A5").Cast<IDictionary<string, object>>().ToList();
        rows.Should().HaveCount(17);
        rows[^1]["序号"].Should().Be("单位负责人：");
        rows[0]["指标"].Should().Be("期末登记失业人员");
        Convert.ToInt32(rows[0]["期末数"], CultureInfo.InvariantCulture).Should().Be(3);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'MonthlyReportExported'")).Should().Be(1);

        (await city.GetAsync("/Bureau/MonthlyReport?month=2099-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a month not begun");
        (await city.GetAsync("/Bureau/MonthlyReport?month=2025-13")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var county = await portal.SignInAsync("county1");
        (await county.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another county");
        (await county.GetAsync("/Bureau/MonthlyReport")).StatusCode.Should().Be(HttpStatusCode.OK, "the last full month by default");
        using var street = await portal.SignInAsync("street1");
        (await street.GetAsync("/Station/MonthlyReport")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var community = await portal.SignInAsync("community1");
        (await community.GetAsync("/Station/MonthlyReport")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var (_, english) = await city.GetPageAsync(url + "&culture=en-US");
        english.QuerySelector("[data-testid=monthly-report] thead")!.TextContent.Should().Contain("Year to date");
    }
}

/// <summary>The services' work on the dashboard: certifications, postings, approvals and payments in the year, per row and per scheme.</summary>
public sealed class DashboardActivityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task ApprovedAndPaid_PerRowAndScheme_CertificationsAndPostingsCounted()
    {
        var paid = await portal.ApprovedJobDevelopmentAsync("统计甲申请");
        await portal.ApprovedJobDevelopmentAsync("统计乙申请");
        var amount = await TestSql.ScalarAsync<decimal>(portal.ConnectionString, $"SELECT amount FROM subsidy_applications WHERE id = '{paid}'");
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO payments (id, application_id, region_code, scheme_code, amount, paid_on, reference, recorded_by_name, recorded_at)
            SELECT '{Guid.CreateVersion7()}', id, region_code, scheme_code, amount, @today, 'PAY-1', 'county1', @now FROM subsidy_applications WHERE id = '{paid}';
            INSERT INTO hardship_certifications (id, person_id, region_code, category, application_date, check_decision, "check", requested_by_name, requested_at, status, decided_at)
            SELECT '{Guid.CreateVersion7()}', person_id, region_code, 'Hardship4050', @today, 1, '[]', 'community1', @now, 2, @now FROM subsidy_applications WHERE id = '{paid}';
            """);
        var postings = await TestSql.ScalarAsync<long>(portal.ConnectionString,
            "SELECT count(*) FROM postings WHERE region_code LIKE '370702001%' AND published_at >= date_trunc('year', @now)");
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            UPDATE postings SET status = {(short)Domain.Jobs.PostingStatus.Filled}, ended_on = @today
            WHERE id = (SELECT id FROM postings WHERE region_code LIKE '370702001%' AND status = 3 ORDER BY id LIMIT 1);
            INSERT INTO referrals (id, person_id, posting_id, region_code, referred_on, outcome, by_name, created_at)
            SELECT '{Guid.CreateVersion7()}', a.person_id, (SELECT id FROM postings LIMIT 1), a.region_code, @today, 1, 'community1', @now FROM subsidy_applications a WHERE a.id = '{paid}';
            """);

        using var county = await portal.SignInAsync("county1");
        var (_, page) = await county.GetPageAsync("/Bureau/Dashboard");
        string Cell(string region, string field) => page.QuerySelector($"[data-testid=activity] tr[data-region='{region}'] td[data-field={field}]")!.TextContent;
        Cell("370702001000", "approved").Should().Be("2", "both applications of community 1 were approved by the county this year");
        Cell("370702001000", "paid").Should().Be("1");
        Cell("370702001000", "paid-amount").Should().Be(amount.ToString("N2", CultureInfo.GetCultureInfo("zh-CN")));
        Cell("370702001000", "certified").Should().Be("1");
        Cell("370702001000", "posted").Should().Be(postings.ToString(CultureInfo.InvariantCulture));
        Cell("370702001000", "filled").Should().Be("1");
        Cell("370702001000", "referred").Should().Be("1");
        Cell("total", "approved").Should().Be("2");
        var scheme = page.QuerySelector("[data-testid=schemes] tr[data-scheme=CommunityJobDevelopment]")!;
        scheme.QuerySelector("td[data-field=approved-amount]")!.TextContent.Should().Be((amount * 2).ToString("N2", CultureInfo.GetCultureInfo("zh-CN")));
        scheme.QuerySelector("td[data-field=paid]")!.TextContent.Should().Be("1");

        // A year ago nothing of this had happened; another county sees none of it.
        var (_, lastYear) = await county.GetPageAsync($"/Bureau/Dashboard?on={TestClock.Today.AddYears(-1):yyyy-MM-dd}");
        lastYear.QuerySelector("[data-testid=activity] tr[data-region=total] td[data-field=approved]")!.TextContent.Should().Be("0");
        using var other = await portal.SignInAsync("county2");
        var (_, elsewhere) = await other.GetPageAsync("/Bureau/Dashboard");
        elsewhere.QuerySelector("[data-testid=activity] tr[data-region=total] td[data-field=approved]")!.TextContent.Should().Be("0");
    }
}

/// <summary>
/// Postings published and filled come from <c>report_posting_days</c> (migration PostingActivityRollup):
/// its triggers keep it equal to a count over the postings through an insert, a publication, a
/// fill, a move to another community and a delete, and a rebuild gives the same rows.
/// </summary>
public sealed class PostingRollupTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>The postings counted directly, as the rollup should hold them (days with nothing are left out).</summary>
    private const string Recount = """
        SELECT string_agg(format('%s %s %s %s', region_code, day, published, filled), '; ' ORDER BY region_code, day) FROM (
          SELECT region_code, day, sum(published) AS published, sum(filled) AS filled FROM (
            SELECT region_code, published_on AS day, 1 AS published, 0 AS filled FROM postings WHERE published_on IS NOT NULL
            UNION ALL SELECT region_code, ended_on, 0, 1 FROM postings WHERE status = 5 AND ended_on IS NOT NULL) e
          GROUP BY 1, 2) c
        """;

    private const string Rollup = """
        SELECT string_agg(format('%s %s %s %s', region_code, day, published, filled), '; ' ORDER BY region_code, day)
        FROM report_posting_days WHERE published <> 0 OR filled <> 0
        """;

    [Fact]
    public async Task Triggers_KeepTheRollupEqualToACount_AndTheDashboardCountsByPublicationDay()
    {
        await AgreeAsync("the demo postings as migrated and seeded");
        var id = Guid.CreateVersion7();
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO postings (id, employer_id, title, description, search_text, occupation_code, region_id, region_code, pay_min, pay_max, headcount, type,
                                  contact_name, contact_phone, valid_from, valid_to, status, created_at, created_by_name)
            SELECT '{id}', employer_id, '统计岗位', description, search_text, occupation_code, region_id, region_code, pay_min, pay_max, headcount, type,
                   contact_name, contact_phone, valid_from, valid_to, 2, created_at, created_by_name FROM postings ORDER BY id LIMIT 1;
            """);
        await AgreeAsync("a posting pending review");
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE postings SET status = 3, published_at = @now, published_on = @today WHERE id = '{id}'");
        await AgreeAsync("published today");
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE postings SET status = 5, ended_on = @today WHERE id = '{id}'");
        await AgreeAsync("filled today");
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE postings SET region_code = '{DemoIds.Community2}', region_id = (SELECT id FROM regions WHERE code = '{DemoIds.Community2}') WHERE id = '{id}'");
        await AgreeAsync("moved to community 2");

        var inCommunity2 = await TestSql.ScalarAsync<long>(portal.ConnectionString,
            $"SELECT count(*) FROM postings WHERE region_code = '{DemoIds.Community2}' AND published_on >= date_trunc('year', @today::timestamp)::date AND published_on <= @today");
        inCommunity2.Should().BeGreaterThan(0);
        using var county = await portal.SignInAsync("county1");
        var (_, page) = await county.GetPageAsync($"/Bureau/Dashboard?region={DemoIds.Street1}");
        page.QuerySelector($"[data-testid=activity] tr[data-region='{DemoIds.Community2}'] td[data-field=posted]")!.TextContent
            .Should().Be(inCommunity2.ToString(CultureInfo.InvariantCulture));
        page.QuerySelector($"[data-testid=activity] tr[data-region='{DemoIds.Community2}'] td[data-field=filled]")!.TextContent.Should().Be("1");

        await TestSql.ExecuteAsync(portal.ConnectionString, $"DELETE FROM postings WHERE id = '{id}'");
        await AgreeAsync("deleted");
        var before = await TestSql.ScalarAsync<string>(portal.ConnectionString, Rollup);
        await using (var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope())
        {
            await scope.ServiceProvider.GetRequiredService<Reports>().RebuildAsync(CancellationToken.None);
        }

        (await TestSql.ScalarAsync<string>(portal.ConnectionString, Rollup)).Should().Be(before, "a rebuild gives what the triggers kept");
    }

    private async Task AgreeAsync(string after)
    {
        var expected = await TestSql.ScalarAsync<string>(portal.ConnectionString, Recount);
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, Rollup)).Should().Be(expected, after);
    }
}
