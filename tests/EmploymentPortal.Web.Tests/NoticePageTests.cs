using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.Web.Tests.SubsidyPages;

namespace EmploymentPortal.Web.Tests;

/// <summary>Public notice, objections and payments through the pages.</summary>
public sealed class NoticePageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Published_ShowsMaskedToThePublic_ObjectionUpheld_IsWithheld_OthersPayableAndPaidOnce()
    {
        var paid = await portal.ApprovedJobDevelopmentAsync("公示张三");
        var objected = await portal.ApprovedJobDevelopmentAsync("公示李四");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("2026年第1批就业补贴公示", paid, objected);

        // The public sees masked names and numbers, never the full ones.
        using var anonymous = portal.Anonymous();
        var (_, list) = await anonymous.GetPageAsync("/Notices");
        list.QuerySelector("[data-testid=notices]")!.TextContent.Should().Contain("2026年第1批就业补贴公示");
        var (status, page) = await anonymous.GetPageAsync($"/Notices/{notice}");
        status.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = page.QuerySelector("[data-testid=rows]")!.TextContent;
        rows.Should().Contain("公**三").And.Contain("公**四").And.Contain("********").And.Contain("500");
        rows.Should().NotContain("公示张三");
        page.QuerySelector("[data-testid=period]")!.TextContent.Should().Contain("5 个工作日");

        // Anyone objects while it runs; an empty objection is refused with what was chosen kept.
        var empty = await anonymous.ClickAsync($"/Notices/{notice}", "[data-testid=lodge]", new Dictionary<string, string> { ["ApplicationId"] = objected, ["Text"] = " " });
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(empty)).Errors().Should().Contain("请写明异议内容");
        (await anonymous.ClickAsync($"/Notices/{notice}", "[data-testid=lodge]", new Dictionary<string, string> { ["ApplicationId"] = objected, ["Text"] = "此人已在外地就业" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, detail) = await county.GetPageAsync($"/Bureau/Notices/{notice}");
        detail.QuerySelector("[data-testid=objections]")!.TextContent.Should().Contain("公示李四").And.Contain("此人已在外地就业");
        (await county.ClickAsync($"/Bureau/Notices/{notice}", "[data-testid=uphold]", new Dictionary<string, string> { ["Resolution"] = "经核实属实" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The notice ends (moved into the past): the upheld one is withheld, the other payable.
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE notices SET starts_on = starts_on - 30, ends_on = ends_on - 30 WHERE id = '{notice}'");

        // Closing ended notices is a POST (and the hourly job), never a page's GET.
        (await county.ClickAsync("/Bureau/Notices", "[data-testid=close-ended]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, payments) = await county.GetPageAsync("/Bureau/Payments");
        var payable = payments.QuerySelector("[data-testid=payable]")!.TextContent;
        payable.Should().Contain("公示张三").And.NotContain("公示李四");
        var (_, withheld) = await county.GetPageAsync($"/Applications/{objected}");
        withheld.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("公示异议成立，不予支付");
        var (_, closed) = await anonymous.GetPageAsync($"/Notices/{notice}");
        closed.QuerySelector("[data-testid=object]").Should().BeNull("objections close with the notice");

        // Two officials record the payment at the same moment: one payment stands. Neither approved
        // the last step (county1 did; the approver may not pay).
        using var city = await portal.SignInAsync("city1");
        using var county1b = await portal.SignInAsync("county1b");
        var (_, first) = await county1b.GetPageAsync("/Bureau/Payments");
        var (_, second) = await city.GetPageAsync("/Bureau/Payments");
        var fields = new Dictionary<string, string> { ["Reference"] = "PAY-2026-0001" };
        var results = await Task.WhenAll(
            county1b.PostFormAsync(first.QuerySelector<IHtmlFormElement>($"[data-testid=pay-{paid}]")!, "/Bureau/Payments", fields, "/Bureau/Payments?handler=Pay"),
            city.PostFormAsync(second.QuerySelector<IHtmlFormElement>($"[data-testid=pay-{paid}]")!, "/Bureau/Payments", fields, "/Bureau/Payments?handler=Pay"));
        results.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(1);
        (await Html.ParseAsync(results.Single(r => r.StatusCode != HttpStatusCode.Redirect))).Errors().Should().Contain("该申请不是待支付状态（可能已支付）");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM payments WHERE application_id = '{paid}'")).Should().Be(1);

        var (_, totals) = await county.GetPageAsync("/Bureau/Payments");
        totals.QuerySelector("[data-testid=totals]")!.TextContent.Should().Contain("社区就业岗位开发补贴").And.Contain("向阳社区").And.Contain("500");
        var (_, paidPage) = await county.GetPageAsync($"/Applications/{paid}");
        paidPage.QuerySelector("[data-testid=payment]")!.TextContent.Should().Contain("PAY-2026-0001");
    }

    [Fact]
    public async Task NoticeLength_CountsWorkingDays_FromTheKeptCalendar()
    {
        var id = await portal.ApprovedJobDevelopmentAsync("日历甲");
        using var county = await portal.SignInAsync("county1");

        // The calendar is city-wide: city officials keep it, a county official is refused.
        (await county.GetAsync("/Bureau/Calendar")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var city = await portal.SignInAsync("city1");

        // Every day of the next two weeks a holiday except one: the notice must reach past them.
        var (_, calendar) = await city.GetPageAsync("/Bureau/Calendar");
        calendar.QuerySelector("[data-testid=days]").Should().BeNull();
        var noNote = await city.ClickAsync("/Bureau/Calendar", "[data-testid=set-day]", new Dictionary<string, string> { ["Date"] = Iso(Today), ["IsWorkingDay"] = "false", ["Note"] = string.Empty });
        noNote.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        for (var d = 0; d < 14; d++)
        {
            (await city.ClickAsync("/Bureau/Calendar", "[data-testid=set-day]", new Dictionary<string, string> { ["Date"] = Iso(Today.AddDays(d)), ["IsWorkingDay"] = d == 3 ? "true" : "false", ["Note"] = "测试假期" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var notice = await county.PublishNoticeAsync("日历公示", id);

        // Day 3 (a swapped working day) is the first working day, then four weekdays from day 14 on.
        var expectedEnd = Today.AddDays(13);
        for (var counted = 1; counted < 5;)
        {
            expectedEnd = expectedEnd.AddDays(1);
            if (expectedEnd.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        var (_, detail) = await county.GetPageAsync($"/Bureau/Notices/{notice}");
        detail.QuerySelector("[data-testid=period]")!.TextContent.Should().StartWith($"{Iso(Today.AddDays(3))} – {Iso(expectedEnd)}");

        // Removing a day asks first.
        var (_, confirm) = await city.GetPageAsync($"/Bureau/Calendar?Year={Today.AddDays(3).Year}&Remove={Iso(Today.AddDays(3))}");
        confirm.QuerySelector("[data-testid=confirm-remove]").Should().NotBeNull();
        (await city.ClickAsync($"/Bureau/Calendar?Year={Today.AddDays(3).Year}&Remove={Iso(Today.AddDays(3))}", "[data-testid=remove]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, after) = await city.GetPageAsync($"/Bureau/Calendar?Year={Today.AddDays(4).Year}");
        after.MainText().Should().Contain(Iso(Today.AddDays(4))).And.NotContain(Iso(Today.AddDays(3)) + " ");

        // Leave the calendar as the other tests of this class expect it.
        await TestSql.ExecuteAsync(portal.ConnectionString, "DELETE FROM calendar_days");
    }

    [Fact]
    public async Task Scoping_AnotherCounty_NeitherSeesNorPays()
    {
        var id = await portal.ApprovedJobDevelopmentAsync("公示王五");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("辖区公示", id);

        using var county2 = await portal.SignInAsync("county2");
        (await county2.GetAsync($"/Bureau/Notices/{notice}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, own) = await county2.GetPageAsync("/Bureau/Notices");
        own.MainText().Should().NotContain("辖区公示");
        using var community = await portal.SignInAsync("community1");
        (await community.GetAsync("/Bureau/Payments")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await community.GetAsync("/Bureau/Calendar")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NoticeAndQueue_InEnglish()
    {
        var id = await portal.ApprovedJobDevelopmentAsync("英文甲");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("Batch 7", id);

        using var anonymous = portal.Anonymous();
        var (_, page) = await anonymous.GetPageAsync($"/Notices/{notice}?culture=en-US");
        page.QuerySelector("[data-testid=period]")!.TextContent.Should().Contain("5 working days");
        page.QuerySelector("[data-testid=rows]")!.TextContent.Should().Contain("Community job-development subsidy").And.Contain("英*甲");
        page.QuerySelector("[data-testid=object]")!.TextContent.Should().Contain("Object to this notice");
        var (_, queue) = await county.GetPageAsync("/Bureau/Notices?culture=en-US");
        queue.QuerySelector("[data-testid=notices]")!.TextContent.Should().Contain("Batch 7").And.Contain("Running");
        var (_, payments) = await county.GetPageAsync("/Bureau/Payments?culture=en-US");
        payments.QuerySelector("[data-testid=payable]")!.TextContent.Should().Contain("Payable (notice ended, no upheld objection)");
    }

    [Fact]
    public async Task PublicNotice_ShowsWhatWasMaskedAtPublication_AfterTheNameIsCorrected()
    {
        var (person, id) = await portal.ApprovedJobDevelopmentWithPersonAsync("更正赵六");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("更正前公示", id);

        // The station corrects the name after publication; officials see the register as it is now.
        using var community = await portal.SignInAsync("community1");
        (await community.SubmitFormAsync(person + "/Edit", new Dictionary<string, string> { ["Input.Name"] = "改名钱七" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, official) = await county.GetPageAsync($"/Bureau/Notices/{notice}");
        official.MainText().Should().Contain("改名钱七").And.NotContain("更正赵六");

        // The public notice shows what was published: the name masked at publication.
        using var anonymous = portal.Anonymous();
        var (_, page) = await anonymous.GetPageAsync($"/Notices/{notice}");
        var rows = page.QuerySelector("[data-testid=rows]")!.TextContent;
        rows.Should().Contain("更**六").And.NotContain("改**七").And.NotContain("改名钱七");
        page.QuerySelector("select#ApplicationId")!.TextContent.Should().Contain("更**六").And.NotContain("改**七");
    }

    [Fact]
    public async Task NoticeEntries_HoldOnlyMaskedNamesAndIdNumbers()
    {
        // One, two, three and four characters, and a compound (minority) name with its middle dot.
        (string Name, string Masked)[] people = [("王", "*"), ("李娜", "李*"), ("公示孙", "公*孙"), ("欧阳娜娜", "欧**娜"), ("阿依古丽·买买提", "阿******提")];
        var published = new List<(string Application, string Name, string Masked, string IdNumber)>();
        foreach (var (name, masked) in people)
        {
            var idNumber = TestIds.Make(Today.AddYears(-45).AddDays(-3), Domain.Persons.Sex.Female);
            published.Add((await portal.ApprovedJobDevelopmentAsync(name, idNumber), name, masked, idNumber));
        }

        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("脱敏公示", published.Select(p => p.Application).ToArray());

        // The table has only the public columns: no person id, no name, no ID number or its hash.
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'notice_entries'"))
            .Should().Be("amount,applicant_name,application_id,masked_id_number,masked_name,notice_id,region_code,region_name,scheme_code");
        foreach (var (application, name, masked, idNumber) in published)
        {
            var row = await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT row_to_json(e)::text FROM notice_entries e WHERE application_id = @code::uuid", application);
            row.Should().NotContain(name).And.NotContain(idNumber).And.NotContain(idNumber[6..14], "the birth date is hidden");
            row.Should().Contain($"\"notice_id\":\"{notice}\"");
            (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT masked_name FROM notice_entries WHERE application_id = @code::uuid", application)).Should().Be(masked);
            (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT masked_id_number FROM notice_entries WHERE application_id = @code::uuid", application))
                .Should().Be(idNumber[..6] + "********" + idNumber[14..]);
        }

        // Nowhere in the table a full ID number, whoever published it.
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM notice_entries WHERE masked_id_number ~ '^[0-9]{17}[0-9X]$' OR masked_id_number !~ '[*]{8}'")).Should().Be(0);
        using var anonymous = portal.Anonymous();
        var (_, page) = await anonymous.GetPageAsync($"/Notices/{notice}");
        var rows = page.QuerySelector("[data-testid=rows]")!.TextContent;
        rows.Should().Contain("阿******提").And.Contain("欧**娜").And.NotContain("欧阳娜娜").And.NotContain("阿依古丽·买买提");
    }

    [Fact]
    public async Task NoticesPublishedBeforeTheReadModel_GetTheirEntriesAtStartUp_ByThePublishingRule()
    {
        var first = await portal.ApprovedJobDevelopmentAsync("补录周八");
        var second = await portal.ApprovedJobDevelopmentAsync("补录吴九");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("补录公示", first, second);
        const string Entries = "SELECT string_agg(row_to_json(e)::text, '|' ORDER BY application_id) FROM notice_entries e WHERE notice_id = @code::uuid";
        var atPublication = await TestSql.ScalarAsync<string>(portal.ConnectionString, Entries, notice);
        atPublication.Should().Contain("补**八").And.Contain("补**九");

        // As if published before notice_entries existed: the public page has nothing to show.
        (await TestSql.ExecuteAsync(portal.ConnectionString, $"DELETE FROM notice_entries WHERE notice_id = '{notice}'")).Should().Be(2);
        using var anonymous = portal.Anonymous();
        var (_, before) = await anonymous.GetPageAsync($"/Notices/{notice}");
        before.QuerySelector("[data-testid=rows]")!.TextContent.Should().NotContain("补**八", "the public page reads only the read model");

        // Migration at start-up back-fills them, the same as publishing wrote them.
        await using (var migrated = new PortalAppFactory(portal.ConnectionString, new Dictionary<string, string?> { ["Portal:MigrateOnStartup"] = "true" }))
        {
            _ = migrated.Services;
            migrated.Log.Should().Contain("Notice entries back-filled for 2 applications (0 without a person in the register) in 1 batches");
        }

        (await TestSql.ScalarAsync<string>(portal.ConnectionString, Entries, notice)).Should().Be(atPublication);
        var (_, after) = await anonymous.GetPageAsync($"/Notices/{notice}");
        after.QuerySelector("[data-testid=rows]")!.TextContent.Should().Contain("补**八").And.Contain("补**九");

        // Idempotent: a second run finds nothing to do.
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var again = await ActivatorUtilities.CreateInstance<NoticeEntryBackfill>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        again.Should().BeEquivalentTo(new { Filled = 0, Missing = 0, Batches = 0 });
    }

}
