using System.Globalization;
using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The workbench's to-do counts (issue 16, item 2a): each count moves by the rows made for it (and
/// not by the near misses next to them), and its link lists exactly as many rows, those included.
/// </summary>
public sealed class WorkbenchTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Items = ["todo-due-visit", "todo-households", "todo-returned", "todo-transfers", "todo-long-term-soon", "todo-push"];

    [Fact]
    public async Task EachCount_MovesWithItsRows_AndLinksToExactlyThoseRows()
    {
        using var staff = await portal.SignInAsync("community1");
        var before = await CountsAsync(staff);
        var today = TestClock.Today;

        // Long-term within 30 days: registered 12 months minus 10 days ago (long-term 002 §一: 12 months);
        // near misses: long-term already, and long-term in 31 days. The first is in a priority group: the push is due.
        await PersonAsync(staff, "将长期甲", new DateOnly(1980, 1, 1), today.AddMonths(-12).AddDays(10), PriorityGroups.PoorLabourer);
        await PersonAsync(staff, "已长期乙", new DateOnly(1981, 1, 1), today.AddMonths(-12), PriorityGroups.None);
        await PersonAsync(staff, "尚早丙", new DateOnly(1982, 1, 1), today.AddMonths(-12).AddDays(31), PriorityGroups.None);

        // Due a home visit: certified hardship, no home visit this month; near miss: visited this month.
        var due = await PersonAsync(staff, "待家访丁", new DateOnly(1972, 2, 2), null, PriorityGroups.None);
        await CertifyAsync(due);
        var visited = await PersonAsync(staff, "已家访戊", new DateOnly(1973, 3, 3), null, PriorityGroups.None);
        await CertifyAsync(visited);
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO follow_ups (id, person_id, region_code, kind, occurred_on, staff_name, notes, recorded_at)
            VALUES ('{Guid.CreateVersion7()}', '{visited}', '{Community1}', {(int)FollowUpKind.HomeVisit}, '{new DateOnly(today.Year, today.Month, 1):yyyy-MM-dd}', 'test', '', @now);
            """);

        // An identified zero-employment household (no assistance plan yet) and an assisted one.
        var head = await PersonAsync(staff, "零就业己", new DateOnly(1975, 5, 5), null, PriorityGroups.None);
        var assistedHead = await PersonAsync(staff, "帮扶中庚", new DateOnly(1976, 6, 6), null, PriorityGroups.None);
        var (identified, assisted) = (Guid.NewGuid(), Guid.NewGuid());
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO households (id, region_id, region_code, address, hukou, has_business_income, status, status_since)
            SELECT '{identified}', region_id, region_code, '向阳路 16 号', 1, false, 1, @today FROM persons WHERE id = '{head}';
            INSERT INTO households (id, region_id, region_code, address, hukou, has_business_income, status, status_since, assistance_plan)
            SELECT '{assisted}', region_id, region_code, '向阳路 18 号', 1, false, 2, @today, '一对一帮扶' FROM persons WHERE id = '{assistedHead}';
            UPDATE persons SET household_id = '{identified}', relationship = 1 WHERE id = '{head}';
            UPDATE persons SET household_id = '{assisted}', relationship = 1 WHERE id = '{assistedHead}';
            """);

        // A returned application.
        var (_, application) = await staff.SubmitJobDevelopmentAsync(portal.ConnectionString, "退回辛", contractYears: 3);
        using (var street = await portal.SignInAsync("street1"))
        {
            (await street.ClickAsync($"/Applications/{application}", "[data-testid=return]", new Dictionary<string, string> { ["Reason"] = "请补充劳动合同" }))
                .StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        // A transfer out of community1 that community2 asked for: waiting for community1.
        var movingId = TestIds.Make(new DateOnly(1989, 9, 9), Sex.Female);
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, movingId, "转出壬");
        using (var receiver = await portal.SignInAsync("community2"))
        {
            (await receiver.SubmitFormAsync("/Station/Transfers/Request", new Dictionary<string, string>
            {
                ["Input.IdNumber"] = movingId,
                ["Input.RegionId"] = (await RegionAsync(portal.ConnectionString, Community2)).ToString(CultureInfo.InvariantCulture),
                ["Input.Reason"] = "已搬家",
            })).StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await CountsAsync(receiver))?["todo-transfers"].Should().Be(0, "the holding unit decides, not the one that asked");
        }

        var after = await CountsAsync(staff);
        after.Should().NotBeNull();
        var expected = new Dictionary<string, int>
        {
            ["todo-due-visit"] = 1,
            ["todo-households"] = 1,
            ["todo-returned"] = 1,
            ["todo-transfers"] = 1,
            ["todo-long-term-soon"] = 1,
            ["todo-push"] = 1,
        };
        foreach (var item in Items)
        {
            after![item].Should().Be((before?[item] ?? 0) + expected[item], item);
        }

        var (_, home) = await staff.GetPageAsync("/Station");
        var lists = new Dictionary<string, (string Rows, string[] Listed, string[] NotListed)>
        {
            ["todo-due-visit"] = ("[data-testid=ledger] tbody tr", ["待家访丁"], ["已家访戊"]),
            ["todo-households"] = ("[data-testid=households] tbody tr", ["零就业己"], ["帮扶中庚"]),
            ["todo-returned"] = ("[data-testid=applications] tbody tr", ["退回辛"], []),
            ["todo-transfers"] = ("[data-testid=transfers] tbody tr", ["转出壬"], []),
            ["todo-long-term-soon"] = ("[data-testid=ledger] tbody tr", ["将长期甲"], ["已长期乙", "尚早丙"]),
            ["todo-push"] = ("[data-testid=due] > li", ["将长期甲"], ["已长期乙"]),
        };
        foreach (var (item, (rows, listed, notListed)) in lists)
        {
            var link = home.QuerySelector($"[data-testid={item}]")!.GetAttribute("href")!;
            var (response, list) = await staff.GetPageAsync(link);
            response.StatusCode.Should().Be(HttpStatusCode.OK, link);
            after![item].Should().BeLessThanOrEqualTo(20, "the list's first page holds every row here");
            list.QuerySelectorAll(rows).Should().HaveCount(after[item], link);
            var text = list.MainText();
            foreach (var name in listed)
            {
                text.Should().Contain(name, link);
            }

            foreach (var name in notListed)
            {
                text.Should().NotContain(name, link);
            }
        }
    }

    [Fact]
    public async Task NothingDue_SaysSo()
    {
        // community2's area: the demo data holds no person, household, application or transfer there,
        // and this class makes none that community2 must act on (it only asks for a transfer).
        using var staff = await portal.SignInAsync("community2");
        var (_, page) = await staff.GetPageAsync("/Station");
        page.QuerySelector("[data-testid=todo] [data-testid=todo-empty]")!.TextContent.Should().Be("今天没有待办事项。");
        page.QuerySelector("[data-testid=todo-due-visit]").Should().BeNull();
        var (_, english) = await staff.GetPageAsync("/Station?culture=en-US");
        english.QuerySelector("[data-testid=todo-empty]")!.TextContent.Should().Be("Nothing is due today.");
    }

    /// <summary>The six counts of the caller's workbench; null when it shows the empty state.</summary>
    private static async Task<Dictionary<string, int>?> CountsAsync(PortalClient client)
    {
        var (response, page) = await client.GetPageAsync("/Station");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=todo]").Should().NotBeNull();
        if (page.QuerySelector("[data-testid=todo-empty]") is not null)
        {
            return null;
        }

        return Items.ToDictionary(i => i, i => int.Parse(page.QuerySelector($"[data-testid={i}] .todo-count")!.GetAttribute("data-count")!, CultureInfo.InvariantCulture));
    }

    private async Task<Guid> PersonAsync(PortalClient staff, string name, DateOnly born, DateOnly? unemployedSince, PriorityGroups groups)
    {
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(born, Sex.Male), name);
        var id = Guid.Parse(url.Split('/').Last());
        var since = unemployedSince is { } on ? $"'{on:yyyy-MM-dd}'" : "NULL";
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            UPDATE persons SET unemployed_since = {since}, priority_groups = {(int)groups},
                employment_status = {(unemployedSince is null ? (int)EmploymentStatus.Employed : (int)EmploymentStatus.Unemployed)}
            WHERE id = '{id}'
            """);
        return id;
    }

    private Task<int> CertifyAsync(Guid person) => TestSql.ExecuteAsync(portal.ConnectionString, $"""
        INSERT INTO hardship_certifications (id, person_id, region_code, category, application_date, check_decision, "check", requested_by_name, requested_at, status, valid_from)
        VALUES ('{Guid.CreateVersion7()}', '{person}', '{Community1}', 'Hardship4050', '2026-01-01', 1, '[]', 'test', @now, 2, '2026-01-01');
        """);
}
