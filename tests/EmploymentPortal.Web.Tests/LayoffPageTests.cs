using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>Mass layoff reports, the county's early-warning list and the monitoring points, through the pages.</summary>
public sealed class LayoffPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static int _codes;

    private static string PlannedOn => TestClock.Today.AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string LastMonth => TestClock.Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Employer_FilesItsOwn_FlagComputed_RejectedFormKeepsWhatWasTyped_CannotFileForAnother()
    {
        var own = await EmployerAsync("employer1", Community1, "裁员自有单位");
        var other = await EmployerAsync(null, Community1, "裁员他人单位");
        using var employer = await portal.SignInAsync("employer1");

        var (_, form) = await employer.GetPageAsync("/Layoffs/File");
        var options = form.QuerySelectorAll("#Input_EmployerId option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        options.Should().Contain(own.ToString()).And.NotContain(other.ToString());
        form.QuerySelector("[data-testid=threshold]")!.TextContent.Should().Contain("100 人以上").And.Contain("10 %");

        // Nothing typed: one clear message per field.
        var empty = await employer.SubmitFormAsync("/Layoffs/File", new Dictionary<string, string> { ["Input.EmployerId"] = own.ToString() });
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(empty)).Errors().Should().Contain(["请输入计划裁减人数", "请输入现有职工总数", "请输入计划裁减日期"]);

        // More cut than staff: refused, and what was typed stays.
        var over = await employer.SubmitFormAsync("/Layoffs/File", Fields(own, 1200, 1000));
        over.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var overPage = await Html.ParseAsync(over);
        overPage.Errors().Should().Contain("计划裁减人数不能超过现有职工总数");
        overPage.QuerySelector<IHtmlInputElement>("#Input_ReductionCount")!.Value.Should().Be("1200");
        overPage.QuerySelector<IHtmlTextAreaElement>("#Input_Reason")!.Value.Should().Be("订单大幅减少");

        (await employer.SubmitFormAsync("/Layoffs/File", Fields(own, 120, 1000))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, list) = await employer.GetPageAsync("/Layoffs");
        var card = list.QuerySelector("[data-testid=layoffs] li")!;
        card.TextContent.Should().Contain("裁员自有单位").And.Contain("12 %");
        card.QuerySelector("[data-testid=reportable]").Should().NotBeNull("120 people is over 100");

        // Another employer's id is refused as if it were not there, and nothing is stored for it.
        var forOther = await employer.SubmitFormAsync("/Layoffs/File", Fields(other, 150, 1000));
        forOther.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(forOther)).Errors().Should().Contain("请选择用人单位");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM layoff_reports WHERE employer_id = '{other}'")).Should().Be(0);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM audit_events WHERE action = 'LayoffFiled' AND after::jsonb ->> 'employerId' = '{own}'")).Should().Be(1);
    }

    [Fact]
    public async Task CountyList_OnlyReportableOfItsArea_Acknowledged_AfterConfirmation_OtherCountySeesNothing()
    {
        var small = await EmployerAsync(null, Community2, "预警小幅单位");
        var large = await EmployerAsync(null, Community2, "预警大幅单位");
        var elsewhere = await EmployerAsync(null, District2Community, "预警外区单位");
        using var street = await portal.SignInAsync("street1");
        (await street.SubmitFormAsync("/Layoffs/File", Fields(small, 99, 1000))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await street.SubmitFormAsync("/Layoffs/File", Fields(large, 150, 3000))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await street.SubmitFormAsync("/Layoffs/File", Fields(elsewhere, 500, 1000))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "street staff file only for their area");
        using var county2 = await portal.SignInAsync("county2");
        (await county2.SubmitFormAsync("/Layoffs/File", Fields(elsewhere, 500, 1000))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var county = await portal.SignInAsync("county1");
        var (_, warnings) = await county.GetPageAsync("/Bureau/Layoffs?Sort=Largest");
        var text = warnings.QuerySelector("[data-testid=warnings]")!.TextContent;
        text.Should().Contain("预警大幅单位").And.NotContain("预警小幅单位").And.NotContain("预警外区单位");
        var id = warnings.QuerySelectorAll("[data-testid=warnings] li").Single(li => li.TextContent.Contains("预警大幅单位", StringComparison.Ordinal)).GetAttribute("data-id")!;

        // Acknowledging asks first and needs a note.
        var (_, detail) = await county.GetPageAsync($"/Bureau/Layoffs/{id}");
        detail.QuerySelector("[data-testid=share]")!.TextContent.Should().Be("5 %");
        detail.QuerySelector("[data-testid=confirm-acknowledge]").Should().BeNull();
        var (_, confirm) = await county.GetPageAsync($"/Bureau/Layoffs/{id}?Acknowledge=true");
        confirm.QuerySelector("[data-testid=confirm-acknowledge]").Should().NotBeNull();
        var noNote = await county.ClickAsync($"/Bureau/Layoffs/{id}?Acknowledge=true", "[data-testid=acknowledge]", new Dictionary<string, string> { ["Note"] = " " });
        noNote.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(noNote)).Errors().Should().Contain("请填写确认意见");
        (await county.ClickAsync($"/Bureau/Layoffs/{id}?Acknowledge=true", "[data-testid=acknowledge]", new Dictionary<string, string> { ["Note"] = "已安排专人跟踪" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, done) = await county.GetPageAsync($"/Bureau/Layoffs/{id}");
        done.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("区县已确认收悉");
        done.QuerySelector("[data-testid=acknowledgement]")!.TextContent.Should().Contain("已安排专人跟踪");
        done.QuerySelector("[data-testid=start-acknowledge]").Should().BeNull();
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM audit_events WHERE action = 'LayoffAcknowledged' AND entity_id = '{id}'")).Should().Be(1);

        // Another county: not in its list, 404 on the detail. A city official reads but does not acknowledge.
        var (_, other) = await county2.GetPageAsync("/Bureau/Layoffs");
        other.MainText().Should().Contain("预警外区单位").And.NotContain("预警大幅单位");
        (await county2.GetAsync($"/Bureau/Layoffs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var city = await portal.SignInAsync("city1");
        var (_, cityList) = await city.GetPageAsync("/Bureau/Layoffs");
        cityList.MainText().Should().Contain("预警外区单位").And.Contain("预警大幅单位");
    }

    [Theory]
    [InlineData("/Layoffs")]
    [InlineData("/Layoffs/File")]
    [InlineData("/Bureau/Layoffs")]
    [InlineData("/Bureau/Monitoring")]
    [InlineData("/Station/Monitoring")]
    public async Task LayoffPages_JobSeeker_Forbidden(string page)
    {
        using var seeker = await portal.SignInAsync("seeker1");
        (await seeker.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Monitoring_CountyDesignatesAgainstTheGuide_StationFilesOncePerMonth_MissingListed()
    {
        using var county = await portal.SignInAsync("county1");
        var offices = await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM org_units WHERE kind = 3 AND region_code LIKE '{District1[..6]}%'");
        var guide = (offices + 2) / 3;
        var (_, before) = await county.GetPageAsync("/Bureau/Monitoring");
        before.QuerySelector("[data-testid=guide-count]")!.TextContent.Should().Be($"已设立 0 个监测点，指导数 {guide} 个（本区县 {offices} 个劳动保障事务所的三分之一）");
        before.QuerySelector("[data-testid=no-points]").Should().NotBeNull();

        var community1 = await RegionAsync(portal.ConnectionString, Community1);
        var community2 = await RegionAsync(portal.ConnectionString, Community2);
        foreach (var region in new[] { community1, community2 })
        {
            (await county.SubmitFormAsync("/Bureau/Monitoring", new Dictionary<string, string> { ["RegionId"] = region.ToString(CultureInfo.InvariantCulture) })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var again = await county.SubmitFormAsync("/Bureau/Monitoring", new Dictionary<string, string> { ["RegionId"] = community1.ToString(CultureInfo.InvariantCulture) });
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(again)).Errors().Should().Contain("该街道或社区已是监测点");
        using var county2 = await portal.SignInAsync("county2");
        var outside = await county2.SubmitFormAsync("/Bureau/Monitoring", new Dictionary<string, string> { ["RegionId"] = (await RegionAsync(portal.ConnectionString, Street1)).ToString(CultureInfo.InvariantCulture) });
        (await Html.ParseAsync(outside)).Errors().Should().Contain("请选择本区县的街道或社区");
        var (_, after) = await county.GetPageAsync("/Bureau/Monitoring");
        after.QuerySelector("[data-testid=points]")!.TextContent.Should().Contain("向阳社区").And.Contain("和平社区");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'MonitoringPointDesignated'")).Should().Be(2);

        // community1 sees its own point only and files last month's figures; a double submit inserts once.
        using var station = await portal.SignInAsync("community1");
        var (_, month) = await station.GetPageAsync($"/Station/Monitoring?Month={LastMonth}");
        var points = month.QuerySelectorAll("[data-testid=points] li");
        points.Should().ContainSingle().Which.TextContent.Should().Contain("向阳社区");
        var point = points[0].GetAttribute("data-id")!;
        var formUrl = $"/Station/Monitoring?Month={LastMonth}&Point={point}";
        var (_, open) = await station.GetPageAsync(formUrl);
        var form = open.QuerySelector<IHtmlFormElement>("[data-testid=filing-form] form")!;
        var figures = new Dictionary<string, string> { ["EmployedCount"] = "850", ["NewlyUnemployed"] = "12", ["Note"] = "两家企业减员" };
        var results = await Task.WhenAll(station.PostFormAsync(form, formUrl, figures), station.PostFormAsync(form, formUrl, figures));
        results.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM monitoring_filings WHERE point_id = '{point}'")).Should().Be(1);
        (await station.PostFormAsync(form, formUrl, figures)).StatusCode.Should().Be(HttpStatusCode.Redirect, "the same figures again are answered as filed");
        var late = await station.PostFormAsync(form, formUrl, new Dictionary<string, string>(figures) { ["EmployedCount"] = "900" });
        late.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(late)).Errors().Should().Contain("该监测点本月数据已报送");

        // A month that has not begun is refused with the figures kept.
        var next = TestClock.Today.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var future = await station.PostFormAsync(form, formUrl, new Dictionary<string, string>(figures) { ["Month"] = next });
        future.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(future)).Errors().Should().Contain("不能填报尚未开始的月份");

        // The county's missing list for the month: 和平社区 has not filed, 向阳社区 has.
        var (_, missing) = await county.GetPageAsync($"/Bureau/Monitoring/Missing?Month={LastMonth}");
        missing.QuerySelector("[data-testid=missing]")!.TextContent.Should().Contain("和平社区").And.NotContain("向阳社区");
        missing.QuerySelector("[data-testid=filed]")!.TextContent.Should().Contain("向阳社区").And.Contain("850");
        missing.QuerySelector("[data-testid=summary]")!.TextContent.Should().Contain("2 个监测点中已报 1 个");
        var (_, otherCounty) = await county2.GetPageAsync($"/Bureau/Monitoring/Missing?Month={LastMonth}");
        otherCounty.QuerySelector("[data-testid=no-points]").Should().NotBeNull("the other county has no points of its own");
    }

    [Fact]
    public async Task LayoffAndMonitoringPages_InEnglish()
    {
        var own = await EmployerAsync(null, Community1, "English layoff employer");
        using var staff = await portal.SignInAsync("community1");
        var rejected = await staff.SubmitFormAsync("/Layoffs/File?culture=en-US", new Dictionary<string, string> { ["Input.EmployerId"] = own.ToString(), ["Input.ReductionCount"] = "5", ["Input.WorkforceCount"] = "4" });
        rejected.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(rejected);
        page.QuerySelector("h1")!.TextContent.Should().Be("File a layoff report");
        page.Errors().Should().Contain("Enter the planned date");

        using var county = await portal.SignInAsync("county1");
        var (_, monitoring) = await county.GetPageAsync("/Bureau/Monitoring?culture=en-US");
        monitoring.QuerySelector("h1")!.TextContent.Should().Be("Unemployment monitoring points");
        var (_, warnings) = await county.GetPageAsync("/Bureau/Layoffs?culture=en-US");
        warnings.QuerySelector("[data-testid=threshold]")!.TextContent.Should().Contain("100 people or more");
    }

    private static Dictionary<string, string> Fields(Guid employer, int reduction, int workforce) => new()
    {
        ["Input.EmployerId"] = employer.ToString(),
        ["Input.ReductionCount"] = reduction.ToString(CultureInfo.InvariantCulture),
        ["Input.WorkforceCount"] = workforce.ToString(CultureInfo.InvariantCulture),
        ["Input.PlannedOn"] = PlannedOn,
        ["Input.Reason"] = "订单大幅减少",
        ["Input.ContactName"] = "王经理",
        ["Input.ContactPhone"] = "13800000000",
    };

    /// <summary>A verified employer in the region, linked to the account when one is named.</summary>
    private async Task<Guid> EmployerAsync(string? account, string regionCode, string name)
    {
        var accountId = account is null ? (Guid?)null : await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = @code", account);
        var region = await RegionAsync(portal.ConnectionString, regionCode);
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var first17 = "91370700L" + (Interlocked.Increment(ref _codes) + 200000 + Random.Shared.Next(0, 700000)).ToString("000000000", CultureInfo.InvariantCulture)[..8];
        var employer = Employer.Create(CreditCodeFor(first17), name, "制造", EmployerSize.Large, region, regionCode, "联系人", "13700000000", accountId, TestClock.Start);
        employer.Verify(true, null, "street1", TestClock.Start);
        db.Employers.Add(employer);
        await db.SaveChangesAsync();
        return employer.Id;
    }

    private static CreditCode CreditCodeFor(string first17)
    {
        foreach (var c in "0123456789ABCDEFGHJKLMNPQRTUWXY")
        {
            if (CreditCode.TryParse(first17 + c, out var code))
            {
                return code;
            }
        }

        throw new InvalidOperationException("No check character fits.");
    }
}
