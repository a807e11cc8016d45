using System.Globalization;
using System.Net;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The ledger's counts (issue 16, item 8: "a capped or estimated count is fine where the page says
/// so"): a name search stops counting <see cref="LedgerQuery.SearchCountCap"/> rows past the page and
/// says how to narrow it; a narrower search and the unfiltered list are counted exactly and say
/// nothing. Its own database: the persons made here would move other classes' counts.
/// </summary>
public sealed class LedgerCountTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Surname = "仇测";
    private const int Made = LedgerQuery.SearchCountCap + 30;

    [Fact]
    public async Task NameSearch_PastTheCap_ShowsNPlusAndAsksForMore_NarrowerAndUnfiltered_AreExact()
    {
        using var staff = await portal.SignInAsync("community1");
        var first = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1980, 3, 4), Sex.Male), Surname + "0");
        (await MakePersonsAsync(Guid.Parse(first.Split('/')[^1]))).Should().Be(Made);

        var (response, wide) = await staff.GetPageAsync("/Station/Persons?q=" + Uri.EscapeDataString(Surname));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var cap = LedgerQuery.SearchCountCap.ToString("N0", CultureInfo.InvariantCulture);
        wide.QuerySelector(".pager")!.TextContent.Should().Contain(cap + "+", "past the cap the total is a lower bound, shown as N+");
        var hint = wide.QuerySelector("[data-testid=count-capped]")!.TextContent;
        hint.Should().Contain(cap).And.Contain("请输入完整姓名").And.Contain("身份证号后四位");

        // 仇测1, 仇测10–19, 仇测100–199 and 仇测1000–1030: 1 + 10 + 100 + 31 names, counted exactly.
        var (_, narrow) = await staff.GetPageAsync("/Station/Persons?q=" + Uri.EscapeDataString(Surname + "1"));
        narrow.QuerySelector("[data-testid=count-capped]").Should().BeNull();
        narrow.QuerySelector(".pager")!.TextContent.Should().Contain("142").And.NotContain("+");

        var all = await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM persons WHERE region_code = '{Community1}' AND cancelled_at IS NULL");
        all.Should().BeLessThan(LedgerQuery.CountCap, "the unfiltered list stays under the general cap");
        var (_, unfiltered) = await staff.GetPageAsync("/Station/Persons");
        unfiltered.QuerySelector("[data-testid=count-capped]").Should().BeNull();
        unfiltered.QuerySelector(".pager")!.TextContent.Should().Contain(all.ToString(CultureInfo.InvariantCulture)).And.NotContain("+");

        var (_, englishPage) = await staff.GetPageAsync("/Station/Persons?culture=en-US&q=" + Uri.EscapeDataString(Surname));
        englishPage.QuerySelector("[data-testid=count-capped]")!.TextContent.Should().Contain("Type the whole name");
    }

    /// <summary>Copies of <paramref name="person"/> named 仇测1…仇测1030, each with its own blind index.</summary>
    private Task<int> MakePersonsAsync(Guid person) => TestSql.ExecuteAsync(portal.ConnectionString, $"""
        INSERT INTO persons
        SELECT (jsonb_populate_record(NULL::persons, to_jsonb(p) || jsonb_build_object(
                  'id', gen_random_uuid(),
                  'name', '{Surname}' || n,
                  'id_number_hash', '\x' || md5('ledger-count-' || n) || md5('hash-' || n)))).*
        FROM (SELECT * FROM persons WHERE id = '{person}') p,
             generate_series(1, {Made}) n;
        """);
}
