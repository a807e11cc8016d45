using System.Net;
using EmploymentPortal.Core.Reports;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The dashboard follows a removal at once (issue 13, finding 10): after deleting persons and a
/// household with SQL, cancelling a record and merging a duplicate through the pages, every figure
/// is the hand-computed one and the one a full rebuild gives. Columns as in <see cref="DashboardTests"/>:
/// registered, new (month, year), re-employed (month, year), long-term, low education, 4050,
/// households identified, assisting, eliminated, stable, placed (month, year).
/// </summary>
public sealed class RollupRemovalTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string Today = TestClock.TodayText;

    [Fact]
    public async Task DeletePersonsAndHouseholdWithSql_DashboardDropsThemAtOnce_RebuildAgrees()
    {
        await ReportFixture.EnsureAsync(portal.ConnectionString);
        using var city = await portal.SignInAsync("city1");
        const string march = "/Bureau/Dashboard?region=370799000000&on=2025-03-10";
        const string june = "/Bureau/Dashboard?region=370799000000&on=2024-06-15";
        (await DashboardTests.RowsAsync(city, march))["total"].Should().Equal(4, 1, 1, 0, 1, 2, 3, 3, 0, 0, 1, 0, 0, 0);

        // P3 and P5 (street B, with R3, R5 and R7) and household H go; the registrations and status changes go with them.
        await TestSql.ExecuteAsync(portal.ConnectionString, """
            DELETE FROM persons WHERE id IN ('00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-0000000000a5');
            DELETE FROM households WHERE id = '00000000-0000-0000-0000-0000000000c1';
            """);

        // 2025-03-10: R1 (long-term, junior high, 4050), R4 new this month; R2 re-employed in February; no household.
        var marchRows = await DashboardTests.RowsAsync(city, march);
        marchRows["total"].Should().Equal(2, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
        marchRows["370799002000"].Should().OnlyContain(v => v == 0, "street B had only P3 and P5");
        // 2024-06-15: R1 (long-term, junior high, 4050) and R2, new in June; H no longer identified.
        var juneRows = await DashboardTests.RowsAsync(city, june);
        juneRows["total"].Should().Equal(2, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);

        await RebuildAsync();
        (await DashboardTests.RowsAsync(city, march)).Should().BeEquivalentTo(marchRows);
        (await DashboardTests.RowsAsync(city, june)).Should().BeEquivalentTo(juneRows);
    }

    [Fact]
    public async Task CancelThroughThePage_RegistrationAndHouseholdLeaveTheFigures_RebuildAgrees()
    {
        using var staff = await portal.SignInAsync("community1");
        using var city = await portal.SignInAsync("city1");
        var url = $"/Bureau/Dashboard?region={Street1}&on={Today}";
        var before = (await DashboardTests.RowsAsync(city, url))[Community1];

        // A woman of 46 with junior high school, registered unemployed on 1 June, alone in a household (identified).
        var person = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1980, 3, 15), Sex.Female), "统计注销者");
        await OpenRegistrationAsync(staff, person, "2026-06-01");
        await staff.CreateHouseholdUrlAsync(person);
        (await DashboardTests.RowsAsync(city, url))[Community1].Should().Equal(Add(before, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0));

        var cancelled = await staff.SubmitFormAsync(person + "/Cancel", new Dictionary<string, string> { ["Reason"] = "重复登记的测试记录" });

        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await DashboardTests.RowsAsync(city, url);
        after[Community1].Should().Equal(before, "the registration and the dissolved household leave every figure");
        await RebuildAsync();
        (await DashboardTests.RowsAsync(city, url)).Should().BeEquivalentTo(after);
    }

    [Fact]
    public async Task MergeThroughThePage_MovedRegistrationsStay_OverlappingOneLeaves_RebuildAgrees()
    {
        using var staff = await portal.SignInAsync("community2");
        using var city = await portal.SignInAsync("city1");
        var june = $"/Bureau/Dashboard?region={Street1}&on={Today}";
        var march = $"/Bureau/Dashboard?region={Street1}&on=2025-03-10";
        var beforeJune = (await DashboardTests.RowsAsync(city, june))[Community2];
        var beforeMarch = (await DashboardTests.RowsAsync(city, march))[Community2];

        // The same woman twice: the right record registered unemployed since 10 May 2026; the wrong
        // one (birth date mistyped) with a past spell in 2025 and the current spell again from 2 June.
        var survivor = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1981, 7, 7), Sex.Female), "统计合并者", Community2);
        await OpenRegistrationAsync(staff, survivor, "2026-05-10");
        var duplicate = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1981, 7, 17), Sex.Female), "统计合并者", Community2);
        await OpenRegistrationAsync(staff, duplicate, "2025-01-01");
        (await staff.EndRegistrationAsync(duplicate, "2025-06-30", "Other"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        await OpenRegistrationAsync(staff, duplicate, "2026-06-02");
        var both = (await DashboardTests.RowsAsync(city, june))[Community2];
        both.Should().Equal(Add(beforeJune, 2, 1, 2, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0));
        (await DashboardTests.RowsAsync(city, march))[Community2].Should().Equal(Add(beforeMarch, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0));

        var merged = await staff.SubmitFormAsync($"{duplicate}/Merge?into={survivor.Split('/').Last()}", new Dictionary<string, string> { ["Reason"] = "出生日期登记错误，以另一条记录为准" });

        merged.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var afterJune = await DashboardTests.RowsAsync(city, june);
        afterJune[Community2].Should().Equal(Add(beforeJune, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0), "the spell from 2 June overlaps the survivor's and leaves with the duplicate");
        var afterMarch = await DashboardTests.RowsAsync(city, march);
        afterMarch[Community2].Should().Equal(Add(beforeMarch, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0), "the 2025 spell moved to the survivor and still counts");
        await RebuildAsync();
        (await DashboardTests.RowsAsync(city, june)).Should().BeEquivalentTo(afterJune);
        (await DashboardTests.RowsAsync(city, march)).Should().BeEquivalentTo(afterMarch);
    }

    private static async Task OpenRegistrationAsync(PortalClient staff, string personUrl, string on) =>
        (await staff.SubmitFormAsync(personUrl, new Dictionary<string, string> { ["Registration.RegisteredOn"] = on }, "form[action*=OpenRegistration]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

    private static int[] Add(int[] row, params int[] delta) => row.Zip(delta, (a, b) => a + b).ToArray();

    private async Task RebuildAsync()
    {
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        await scope.ServiceProvider.GetRequiredService<Reports>().RebuildAsync(CancellationToken.None);
    }
}
