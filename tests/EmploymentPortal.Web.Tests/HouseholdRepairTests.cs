using System.Globalization;
using System.Net;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The dashboard's zero-employment households by status (/Bureau/Dashboard, and the 月报 built on
/// it) count as eliminated only households where a member found work (004 §三(一)), for households
/// entered today and, after <c>-- repair-households</c>, for those recorded before issue 13. A class
/// of its own: the counts are of a database no other test writes households to.
/// </summary>
public sealed class HouseholdRepairTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Dashboard = "/Bureau/Dashboard?region=" + Street1;

    private static readonly string[] StatusFields = ["identified", "assisting", "eliminated", "stable"];

    [Fact]
    public async Task Dashboard_EliminatedHouseholds_OnlyWhereAMemberFoundWork_PastDataRepaired()
    {
        using var staff = await portal.SignInAsync("community1");
        using var county = await portal.SignInAsync("county1");

        // Through today's pages: the finding's family (unemployed head, employed spouse added
        // after), and a household whose spouse then finds work.
        var lateHead = await RegisterAsync(staff, "补录户主", "Unemployed");
        var lateSpouse = await RegisterAsync(staff, "补录配偶", "Employed");
        var late = await staff.CreateHouseholdUrlAsync(lateHead.Url);
        (await staff.SubmitFormAsync(late, new Dictionary<string, string> { ["Member.IdNumber"] = lateSpouse.IdNumber, ["Member.Relationship"] = "Spouse" }, "form[action*=AddMember]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var foundHead = await RegisterAsync(staff, "就业户主", "Unemployed");
        var foundSpouse = await RegisterAsync(staff, "就业配偶", "Unemployed");
        await staff.CreateHouseholdUrlAsync(foundHead.Url, (foundSpouse.IdNumber, "Spouse"));
        (await staff.SubmitFormAsync(foundSpouse.Url + "/Edit", new Dictionary<string, string> { ["Input.EmploymentStatus"] = "Employed" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await HouseholdsAsync(county)).Should().Equal([0, 0, 1, 0], "identified, assisting, eliminated, stable: only the household whose spouse found work");

        // Recorded before issue 13, as the old code wrote them (each transaction one batch, so one
        // xmin): a working spouse added to an identified household "eliminated" it; and a genuine
        // elimination, the spouse's employment status changed from unemployed to employed.
        var legacyHead = await RegisterAsync(staff, "旧户主", "Unemployed");
        var legacySpouse = await RegisterAsync(staff, "旧配偶", "Employed");
        var legacy = await LegacyHouseholdAsync(legacyHead.Id);
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            UPDATE persons SET household_id = '{legacy}', relationship = 2 WHERE id = '{legacySpouse.Id}';
            INSERT INTO household_status_changes (household_id, "from", "to", "on", cause) VALUES ('{legacy}', 1, 3, @today, 0);
            UPDATE households SET status = 3, status_since = @today WHERE id = '{legacy}';
            {Audit(legacy, "Household", "HouseholdMemberAdded", null, $$"""{"personId": "{{legacySpouse.Id}}", "relationship": "Spouse"}""")}
            {Audit(legacy, "Household", "HouseholdStatusChanged", """{"status": "Identified"}""", """{"status": "Eliminated", "outcome": "SomeoneWorks"}""")}
            """);
        var genuineHead = await RegisterAsync(staff, "旧就业户主", "Unemployed");
        var genuineSpouse = await RegisterAsync(staff, "旧就业配偶", "Unemployed");
        var genuine = await LegacyHouseholdAsync(genuineHead.Id);
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            UPDATE persons SET household_id = '{genuine}', relationship = 2 WHERE id = '{genuineSpouse.Id}';
            {Audit(genuine, "Household", "HouseholdMemberAdded", null, $$"""{"personId": "{{genuineSpouse.Id}}", "relationship": "Spouse"}""")}
            """);
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            UPDATE persons SET employment_status = 2 WHERE id = '{genuineSpouse.Id}';
            {Audit(genuineSpouse.Id, "Person", "PersonUpdated", """{"employmentStatus": "Unemployed"}""", """{"employmentStatus": "Employed"}""")}
            INSERT INTO household_status_changes (household_id, "from", "to", "on", cause) VALUES ('{genuine}', 1, 3, @today, 0);
            UPDATE households SET status = 3, status_since = @today WHERE id = '{genuine}';
            {Audit(genuine, "Household", "HouseholdStatusChanged", """{"status": "Identified"}""", """{"status": "Eliminated", "outcome": "SomeoneWorks"}""")}
            """);
        (await HouseholdsAsync(county)).Should().Equal([0, 0, 3, 0], "the rollups follow the old records until the repair");

        var summary = await RepairAsync();

        summary.Should().BeEquivalentTo(new { Examined = 2, Corrected = 1, Confirmed = 1 });
        (await HouseholdsAsync(county)).Should().Equal([0, 0, 2, 0], "the household eliminated by adding a working spouse is no longer counted");
        var (_, page) = await staff.GetPageAsync($"/Station/Households/{legacy}/History");
        page.QuerySelector("[data-testid=status-history]")!.TextContent.Should().Contain("经核算为零就业家庭（待认定） → 非零就业家庭").And.Contain("数据修正").And.NotContain("已消除");
        page.QuerySelectorAll("[data-testid=membership-history] li").Should().HaveCount(2, "membership events are back-filled from the audit trail");
        page.QuerySelector("[data-testid=history]")!.TextContent.Should().Contain("零就业状态修正");
        var (_, kept) = await staff.GetPageAsync($"/Station/Households/{genuine}");
        kept.QuerySelector("[data-testid=zero-status]")!.TextContent.Should().Be("已消除");
        kept.QuerySelector("[data-testid=status-history] li")!.TextContent.Should().Contain("经核算为零就业家庭（待认定） → 已消除").And.Contain("成员实现就业");

        (await RepairAsync()).Should().BeEquivalentTo(new { Examined = 0, Corrected = 0, Confirmed = 0 }, "a second run finds nothing to do");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM household_status_changes WHERE \"to\" = 3 AND cause <> 4"))
            .Should().Be(0, "every elimination now follows a member finding work");
        var month = TestClock.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (_, report) = await county.GetPageAsync($"/Bureau/MonthlyReport?region={Street1}&month={month}");
        report.QuerySelector("[data-testid=monthly-report] tr[data-line='5.2'] td[data-field=end]")!.TextContent.Should().Be("2", "the 月报 reads the same figures");
    }

    private async Task<(string Url, Guid Id, string IdNumber)> RegisterAsync(PortalClient staff, string name, string status)
    {
        var idNumber = TestIds.Make(new DateOnly(1978, 1, 1).AddDays(name.Length * 37 % 300), name.EndsWith("配偶", StringComparison.Ordinal) ? Sex.Female : Sex.Male);
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, idNumber, name, Community1, status);
        return (url, Guid.Parse(url.Split('/').Last()), idNumber);
    }

    // A household created with its unemployed head by the old code: identified, no cause recorded.
    private async Task<Guid> LegacyHouseholdAsync(Guid head)
    {
        var id = Guid.NewGuid();
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO households (id, region_id, region_code, address, hukou, has_business_income, status, status_since)
            SELECT '{id}', region_id, region_code, '向阳路 10 号', 1, false, 1, @today FROM persons WHERE id = '{head}';
            UPDATE persons SET household_id = '{id}', relationship = 1 WHERE id = '{head}';
            INSERT INTO household_status_changes (household_id, "from", "to", "on", cause) VALUES ('{id}', 0, 1, @today, 0);
            {Audit(id, "Household", "HouseholdCreated", null, """{"address": "向阳路 10 号"}""")}
            {Audit(id, "Household", "HouseholdMemberAdded", null, $$"""{"personId": "{{head}}", "relationship": "Head"}""")}
            {Audit(id, "Household", "HouseholdStatusChanged", """{"status": "None"}""", """{"status": "Identified", "outcome": "ZeroEmployment"}""")}
            """);
        return id;
    }

    private static string Audit(Guid entity, string type, string action, string? before, string? after) => $"""
        INSERT INTO audit_events (occurred_at, actor_name, action, entity_type, entity_id, region_code, before, after)
        VALUES (@now, 'community1', '{action}', '{type}', '{entity}', '{Community1}', {Json(before)}, {Json(after)});
        """;

    private static string Json(string? json) => json is null ? "NULL" : $"'{json}'::jsonb";

    private static async Task<int[]> HouseholdsAsync(PortalClient county)
    {
        var (response, page) = await county.GetPageAsync(Dashboard);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var row = page.QuerySelector($"table[data-testid=dashboard] tr[data-region='{Community1}']")!;
        return StatusFields.Select(f => int.Parse(row.QuerySelector($"td[data-field={f}]")!.GetAttribute("data-value")!, CultureInfo.InvariantCulture)).ToArray();
    }

    private async Task<HouseholdRepairSummary> RepairAsync()
    {
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        return await scope.ServiceProvider.GetRequiredService<HouseholdRepair>().RepairAsync(CancellationToken.None);
    }
}
