using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using MiniExcelLibs;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Cancelling (注销) a record registered in error and merging a duplicate, through the pages
/// (issue 13, finding 9; docs/policy-rules.md, "Cancelling and merging records").
/// </summary>
public sealed class PersonCorrectionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Cancel_ConfirmThenCancel_LeavesLedgerAndExport_HistorySaysSo_NumberRegistersAgain()
    {
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1979, 1, 1), Sex.Male);
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, id, "注销甲");

        var (preview, page) = await staff.GetPageAsync(url + "/Cancel");
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=effects]")!.TextContent.Should().Contain("将从台账、导出").And.Contain("同一身份证号码可以重新登记");
        var empty = await staff.SubmitFormAsync(url + "/Cancel", new Dictionary<string, string> { ["Reason"] = " " });
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(empty)).Errors().Should().Equal("请填写原因（最多 500 字）");

        var cancelled = await staff.SubmitFormAsync(url + "/Cancel", new Dictionary<string, string> { ["Reason"] = "身份证号码录入错误" });

        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        cancelled.Headers.Location!.OriginalString.Should().Be(url + "/History");
        var (_, history) = await staff.GetPageAsync(url + "/History");
        history.QuerySelector("[data-testid=cancelled]")!.TextContent.Should().Contain("注销甲").And.Contain("已于 " + TestClock.TodayText + " 注销").And.Contain("身份证号码录入错误");
        history.QuerySelector("[data-testid=history]")!.TextContent.Should().Contain("注销记录").And.Contain("登记入台账");
        var detail = await staff.GetAsync(url);
        detail.StatusCode.Should().Be(HttpStatusCode.Redirect, "a cancelled record is read through its history");
        (await staff.GetAsync(url + "/Edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await LedgerNamesAsync(staff, "注销甲")).Should().BeEmpty();
        (await ExportNamesAsync(staff)).Should().NotContain("注销甲");

        var again = await staff.RegisterPersonUrlAsync(portal.ConnectionString, id, "注销甲");
        again.Should().NotBe(url);
        (await LedgerNamesAsync(staff, "注销甲")).Should().ContainSingle();
        (await ScalarAsync($"SELECT count(*) FROM audit_events WHERE action = 'PersonCancelled' AND entity_id = '{url.Split('/').Last()}'")).Should().Be(1);
    }

    [Fact]
    public async Task Cancel_OutsideTheArea_NotFound_HistoryOnlyForTheArea()
    {
        using var staff = await portal.SignInAsync("community1");
        using var other = await portal.SignInAsync("community2");
        using var street = await portal.SignInAsync("street1");
        var live = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1979, 2, 2), Sex.Male), "注销乙");
        var gone = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1979, 3, 3), Sex.Male), "注销丙");
        (await staff.SubmitFormAsync(gone + "/Cancel", new Dictionary<string, string> { ["Reason"] = "误登记" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await other.GetAsync(live + "/Cancel")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync(live + "/Merge")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync(gone + "/History")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync(gone)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await street.GetAsync(gone + "/History")).StatusCode.Should().Be(HttpStatusCode.OK, "the street office is staff of the area");
        (await staff.GetAsync(gone + "/Cancel")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a record is cancelled once");
    }

    [Fact]
    public async Task Cancel_RecordWithAReferral_RefusedAndPointsToMerge()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1979, 4, 4), Sex.Male), "注销丁");
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO referrals (id, person_id, posting_id, region_code, referred_on, outcome, by_name, created_at)
            SELECT '{Guid.CreateVersion7()}', '{url.Split('/').Last()}', id, '{Community1}', @today, 1, 'community1', @now FROM postings LIMIT 1;
            """);

        var (_, page) = await staff.GetPageAsync(url + "/Cancel");
        page.QuerySelector("[data-testid=blocks]")!.TextContent.Should().Contain("不能注销").And.Contain("合并");
        page.QuerySelector("[data-testid=cancel-confirm]").Should().BeNull();
        var refused = await PostWithoutTheFormAsync(staff, url + "/Cancel", new Dictionary<string, string> { ["Reason"] = "误登记" });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(refused)).Errors().Should().ContainSingle().Which.Should().Contain("不能注销");
        (await LedgerNamesAsync(staff, "注销丁")).Should().ContainSingle();
    }

    [Fact]
    public async Task Cancel_MemberRegisteredInError_HouseholdRederived_HeadWithMembersRefused()
    {
        using var staff = await portal.SignInAsync("community1");
        var head = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1976, 5, 5), Sex.Male), "注销户主");
        var spouseId = TestIds.Make(new DateOnly(1978, 6, 6), Sex.Female);
        var spouse = await staff.RegisterPersonUrlAsync(portal.ConnectionString, spouseId, "注销配偶", employmentStatus: "Employed");
        var household = await staff.CreateHouseholdUrlAsync(head);
        (await staff.SubmitFormAsync(household, new Dictionary<string, string> { ["Member.IdNumber"] = spouseId, ["Member.Relationship"] = "Spouse" }, "form[action*=AddMember]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, headPreview) = await staff.GetPageAsync(head + "/Cancel");
        headPreview.QuerySelector("[data-testid=blocks]")!.TextContent.Should().Contain("此人是户主");
        var (_, spousePreview) = await staff.GetPageAsync(spouse + "/Cancel");
        spousePreview.QuerySelector("[data-testid=effects]")!.TextContent.Should().Contain("退出所在家庭");
        (await staff.SubmitFormAsync(spouse + "/Cancel", new Dictionary<string, string> { ["Reason"] = "不是本户成员，误登记" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, page) = await staff.GetPageAsync(household);
        page.QuerySelectorAll("[data-testid=members] tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain("注销户主");
        page.QuerySelector("[data-testid=zero-status]")!.TextContent.Should().Be("经核算为零就业家庭（待认定）", "without the employed spouse nobody of the household works");
    }

    [Fact]
    public async Task Merge_ChooseTheSameName_Confirm_RecordsMove_DuplicateCancelledWithALink()
    {
        using var staff = await portal.SignInAsync("community1");
        var survivor = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1983, 8, 8), Sex.Female), "合并甲");
        var duplicateId = TestIds.Make(new DateOnly(1983, 8, 18), Sex.Female);
        var duplicate = await staff.RegisterPersonUrlAsync(portal.ConnectionString, duplicateId, "合并甲");
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1983, 8, 28), Sex.Female), "合并乙");
        (await staff.SubmitFormAsync(duplicate, new Dictionary<string, string> { ["FollowUp.Kind"] = "HomeVisit", ["FollowUp.OccurredOn"] = TestClock.TodayText, ["FollowUp.Notes"] = "重复记录上的走访" }, "form[action*=FollowUp]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var household = await staff.CreateHouseholdUrlAsync(duplicate);
        var survivorGuid = survivor.Split('/').Last();
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO referrals (id, person_id, posting_id, region_code, referred_on, outcome, by_name, created_at)
            SELECT '{Guid.CreateVersion7()}', '{duplicate.Split('/').Last()}', id, '{Community1}', @today, 1, 'community1', @now FROM postings LIMIT 1;
            """);

        var (_, choose) = await staff.GetPageAsync(duplicate + "/Merge");
        var candidates = choose.QuerySelectorAll("[data-testid=candidates] > li").ToList();
        candidates.Should().ContainSingle("only records with the same name are offered").Which.TextContent.Should().Contain("合并甲");
        candidates[0].QuerySelector("[data-testid=choose]")!.GetAttribute("href").Should().Be("?into=" + survivorGuid);
        var confirm = $"{duplicate}/Merge?into={survivorGuid}";
        var (_, preview) = await staff.GetPageAsync(confirm);
        preview.QuerySelector("[data-testid=effects]")!.TextContent.Should().Contain("0 条失业登记、1 条跟踪记录、1 条其他业务记录").And.Contain("取代重复记录在家庭中的位置");
        preview.QuerySelector("[data-testid=duplicate]")!.TextContent.Should().Contain(duplicateId[..6] + "********" + duplicateId[14..]);
        (await staff.SubmitFormAsync(confirm, new Dictionary<string, string> { ["Reason"] = "" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var merged = await staff.SubmitFormAsync(confirm, new Dictionary<string, string> { ["Reason"] = "出生日期录入错误，以 1983-08-08 的记录为准" });

        merged.StatusCode.Should().Be(HttpStatusCode.Redirect);
        merged.Headers.Location!.OriginalString.Should().Be(survivor);
        var (_, kept) = await staff.GetPageAsync(survivor);
        kept.QuerySelector("[data-testid=timeline]")!.TextContent.Should().Contain("重复记录上的走访");
        kept.QuerySelector("[data-testid=household]")!.TextContent.Should().Contain("户主");
        var (_, householdPage) = await staff.GetPageAsync(household);
        householdPage.QuerySelectorAll("[data-testid=members] tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain("合并甲").And.Contain("户主");
        (await ScalarAsync($"SELECT count(*) FROM referrals WHERE person_id = '{survivorGuid}'")).Should().Be(1);
        var (_, history) = await staff.GetPageAsync(duplicate + "/History");
        history.QuerySelector("[data-testid=cancelled]")!.TextContent.Should().Contain("出生日期录入错误");
        history.QuerySelector("[data-testid=merged-into]")!.GetAttribute("href").Should().Be(survivor);
        (await LedgerNamesAsync(staff, "合并甲")).Should().ContainSingle();
        var (_, survivorHistory) = await staff.GetPageAsync(survivor + "/History");
        survivorHistory.QuerySelector("[data-testid=history]")!.TextContent.Should().Contain("合并重复记录");
    }

    [Fact]
    public async Task Merge_AnotherNameRefused_AnotherAreaNotFound()
    {
        using var staff = await portal.SignInAsync("community1");
        using var other = await portal.SignInAsync("community2");
        var duplicate = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1984, 9, 9), Sex.Male), "合并丙");
        var differentName = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1984, 9, 19), Sex.Male), "合并丁");
        var elsewhere = await other.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1984, 9, 29), Sex.Male), "合并丙", Community2);

        var (_, choose) = await staff.GetPageAsync(duplicate + "/Merge");
        choose.QuerySelector("[data-testid=no-candidates]").Should().NotBeNull("the record of the same name lies in another community");
        var (_, preview) = await staff.GetPageAsync($"{duplicate}/Merge?into={differentName.Split('/').Last()}");
        preview.QuerySelector("[data-testid=blocks]")!.TextContent.Should().Contain("姓名不同");
        var refused = await PostWithoutTheFormAsync(staff, $"{duplicate}/Merge?into={differentName.Split('/').Last()}", new Dictionary<string, string> { ["Reason"] = "同一人" });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await staff.GetAsync($"{duplicate}/Merge?into={elsewhere.Split('/').Last()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await LedgerNamesAsync(staff, "合并丙")).Should().ContainSingle("nothing was merged");
        (await LedgerNamesAsync(staff, "合并丁")).Should().ContainSingle();
    }

    // A refused action shows no form: post as a page with a stale form would (the antiforgery token of the layout's form).
    private static async Task<HttpResponseMessage> PostWithoutTheFormAsync(PortalClient staff, string url, IReadOnlyDictionary<string, string> fields)
    {
        var (_, page) = await staff.GetPageAsync(url);
        return await staff.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[method=post]")!, url, fields, url);
    }

    private static async Task<List<string>> LedgerNamesAsync(PortalClient staff, string name)
    {
        var (_, ledger) = await staff.GetPageAsync("/Station/Persons?q=" + Uri.EscapeDataString(name));
        return ledger.QuerySelectorAll("[data-testid=ledger] tbody tr").Select(r => r.TextContent).ToList();
    }

    private static async Task<List<string?>> ExportNamesAsync(PortalClient staff)
    {
        var response = await staff.GetAsync("/Station/Persons?handler=Export");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["姓名"]?.ToString()).ToList();
    }

    private Task<long> ScalarAsync(string sql) => TestSql.ScalarAsync<long>(portal.ConnectionString, sql);
}
