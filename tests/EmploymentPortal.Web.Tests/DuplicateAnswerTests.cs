using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>A portal that allows two answers "registered in another area" per user per day.</summary>
public sealed class TwoDuplicateAnswersFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Portal:Security:DuplicateAnswersPerDay"] = "2" };
}

/// <summary>
/// Issue 15, finding 8: registration and import no longer tell which unit holds a number; each
/// answer "registered in another area" is audited with the masked number and counted against a
/// daily allowance per user (here 2), beyond which registration and import are refused clearly.
/// The all-or-nothing dry run names no holder.
/// </summary>
public sealed class DuplicateAnswerTests(TwoDuplicateAnswersFixture portal) : IClassFixture<TwoDuplicateAnswersFixture>
{
    private const string Answer = "已在其他地区登记，可申请转入";
    private const string Exhausted = "今日的跨地区查重答复次数已用完";

    [Fact]
    public async Task ElsewhereAnswers_ImportAndRegistration_AuditedAndLimitedPerUserPerDay()
    {
        using var holder = await portal.SignInAsync("community1");
        var ids = Enumerable.Range(0, 4).Select(i => TestIds.Make(new DateOnly(1960 + i, 5, 5), Sex.Male)).ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await holder.RegisterPersonUrlAsync(portal.ConnectionString, id, "持有者" + i);
        }

        using var other = await portal.SignInAsync("community2");
        var fresh = TestIds.Make(new DateOnly(1988, 8, 8), Sex.Female, "370705");

        // 1. The all-or-nothing dry run: the row says only "registered in another area", no unit.
        var dryRun = await Upload(other, ImportBoundsTests.DataRow(2, ids[0], "甲", Community2) + ImportBoundsTests.DataRow(3, fresh, "乙", Community2));
        dryRun.StatusCode.Should().Be(HttpStatusCode.OK, "the import's task page reports the row");
        var dryPage = await Html.ParseAsync(dryRun);
        var errors = dryPage.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(tr => tr.TextContent).ToList();
        errors.Should().ContainSingle().Which.Should().StartWith("2").And.Contain(Answer);
        dryPage.MainText().Should().NotContain("向阳社区", "the holding unit is not named");

        // 2. Registration: the second answer of the day.
        var second = await other.RegisterPersonAsync(portal.ConnectionString, ids[1], "丙");
        (await Html.ParseAsync(second)).Errors().Should().ContainSingle().Which.Should().Be(Answer);

        // 3. Beyond the allowance: refused, and the refusal is audited too.
        var third = await other.RegisterPersonAsync(portal.ConnectionString, ids[2], "丁");
        third.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(third)).Errors().Should().ContainSingle().Which.Should().Contain(Exhausted);
        var refusedImport = await Upload(other, ImportBoundsTests.DataRow(2, ids[3], "戊", Community2));
        refusedImport.StatusCode.Should().Be(HttpStatusCode.OK, "the import's task page reports the refusal");
        (await Html.ParseAsync(refusedImport)).QuerySelector("#file-error")!.TextContent.Should().Contain(Exhausted);

        (await Count("SELECT count(*) FROM audit_events WHERE action = 'person.duplicate-elsewhere' AND actor_name = 'community2'")).Should().Be(2);
        (await Count($"SELECT count(*) FROM audit_events WHERE action = 'person.duplicate-elsewhere' AND entity_id = '{ids[0][..6]}********{ids[0][14..]}'")).Should().Be(1);
        (await Count("SELECT count(*) FROM audit_events WHERE action = 'person.duplicate-elsewhere-refused' AND actor_name = 'community2'")).Should().Be(2);
        (await Count("SELECT count(*) FROM audit_events WHERE action LIKE 'person.duplicate-elsewhere%' AND (before::text LIKE '%" + ids[0] + "%' OR after::text LIKE '%" + ids[0] + "%')")).Should().Be(0, "the full number is never audited");
    }

    private static async Task<HttpResponseMessage> Upload(PortalClient staff, string rows) =>
        await staff.FollowTaskAsync(await staff.UploadAsync("/Station/Persons/Import", "file", "dup.xlsx", ImportBoundsTests.Xlsx(ImportBoundsTests.Sheet(rows)), new Dictionary<string, string> { ["Mode"] = "AllOrNothing" }));

    private Task<long> Count(string sql) => TestSql.ScalarAsync<long>(portal.ConnectionString, sql);
}
