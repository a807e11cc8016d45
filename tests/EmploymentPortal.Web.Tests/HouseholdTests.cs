using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Infrastructure.Audit;
using EmploymentPortal.Infrastructure.Households;
using EmploymentPortal.Infrastructure.Persistence;
using EmploymentPortal.Infrastructure.Policies;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>Households through the pages: derivation on every member change, the plan, the daily job, scoping.</summary>
public sealed class HouseholdTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Household_ThroughPages_StatusFollowsTheMembers()
    {
        using var staff = await portal.SignInAsync("community1");
        var head = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1978, 5, 5), Sex.Male), "户主甲");
        var spouseId = TestIds.Make(new DateOnly(1980, 6, 6), Sex.Female);
        var spouse = await staff.RegisterPersonUrlAsync(portal.ConnectionString, spouseId, "配偶甲");

        var household = await CreateHouseholdAsync(staff, head);
        (await StatusAsync(staff, household)).Should().Be("已认定", "an urban household whose only member is unemployed");

        var added = await staff.SubmitFormAsync(household, new Dictionary<string, string> { ["Member.IdNumber"] = spouseId.ToLowerInvariant(), ["Member.Relationship"] = "Spouse" }, "form[action*=AddMember]");
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, page) = await staff.GetPageAsync(household);
        page.QuerySelectorAll("[data-testid=members] tbody tr").Should().HaveCount(2);

        var (_, withPlan) = await staff.GetPageAsync(household);
        var staffOption = withPlan.QuerySelector("#Assistance_StaffId option[value]:not([value=''])")!.GetAttribute("value")!;
        var assisted = await staff.SubmitFormAsync(household, new Dictionary<string, string> { ["Assistance.StaffId"] = staffOption, ["Assistance.Plan"] = "每周推荐岗位两次" }, "form[action*=Assist]");
        assisted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StatusAsync(staff, household)).Should().Be("帮扶中");

        await SetEmploymentAsync(staff, spouse, "Employed");
        (await StatusAsync(staff, household)).Should().Be("已消除", "a member in the labour force works");
        await SetEmploymentAsync(staff, spouse, "Unemployed");
        (await StatusAsync(staff, household)).Should().Be("已认定", "the job ended");

        var (_, final) = await staff.GetPageAsync(household);
        final.QuerySelectorAll("[data-testid=status-history] li").Should().HaveCount(4);
        var (_, history) = await staff.GetPageAsync(household + "/History");
        var actions = history.QuerySelector("[data-testid=history]")!.TextContent;
        actions.Should().Contain("建立家庭").And.Contain("添加家庭成员").And.Contain("零就业状态变化").And.Contain("开始一对一帮扶");
        var (_, spousePage) = await staff.GetPageAsync(spouse);
        spousePage.QuerySelector("[data-testid=household]")!.TextContent.Should().Contain("配偶");
        spousePage.QuerySelector("[data-testid=timeline]")!.TextContent.Should().Contain("家庭零就业状态：已消除");
    }

    [Fact]
    public async Task Household_SomeoneRegistersAsUnemployedOrEndsIt_Recomputed()
    {
        using var staff = await portal.SignInAsync("community1");
        var head = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1976, 1, 9), Sex.Male), "户主乙", employmentStatus: "Employed");
        var household = await CreateHouseholdAsync(staff, head);
        (await StatusAsync(staff, household)).Should().Be("非零就业家庭");

        (await staff.SubmitFormAsync(head, new Dictionary<string, string> { ["Registration.RegisteredOn"] = "2026-01-05" }, "form[action*=OpenRegistration]")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StatusAsync(staff, household)).Should().Be("已认定");
        (await staff.SubmitFormAsync(head, new Dictionary<string, string> { ["Registration.EndedOn"] = "2026-02-01", ["Registration.EndReason"] = "Employed" }, "form[action*=EndRegistration]")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StatusAsync(staff, household)).Should().Be("已消除");
    }

    [Fact]
    public async Task AddMember_AlreadyInAnotherHousehold_RefusedNextToTheFieldWithTheValueKept()
    {
        using var staff = await portal.SignInAsync("community1");
        var memberId = TestIds.Make(new DateOnly(1983, 3, 3), Sex.Female);
        var first = await CreateHouseholdAsync(staff, await staff.RegisterPersonUrlAsync(portal.ConnectionString, memberId, "成员丙"));
        var second = await CreateHouseholdAsync(staff, await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1984, 4, 4), Sex.Male), "户主丙"));

        var response = await staff.SubmitFormAsync(second, new Dictionary<string, string> { ["Member.IdNumber"] = memberId, ["Member.Relationship"] = "Spouse" }, "form[action*=AddMember]");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#Member_IdNumber-error")!.TextContent.Should().Be("该人员已属于另一个家庭，一个人只能属于一个家庭");
        page.QuerySelector("#Member_IdNumber")!.GetAttribute("value").Should().Be(memberId);
        first.Should().NotBe(second);
    }

    [Fact]
    public async Task AddMember_FromAnotherCommunity_Refused()
    {
        using var street = await portal.SignInAsync("street1");
        var otherId = TestIds.Make(new DateOnly(1985, 5, 5), Sex.Female);
        await street.RegisterPersonUrlAsync(portal.ConnectionString, otherId, "邻社区丁", Community2);
        var household = await CreateHouseholdAsync(street, await street.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1975, 5, 5), Sex.Male), "户主丁", Community1));

        var response = await street.SubmitFormAsync(household, new Dictionary<string, string> { ["Member.IdNumber"] = otherId, ["Member.Relationship"] = "Spouse" }, "form[action*=AddMember]");

        (await Html.ParseAsync(response)).Errors().Should().Contain("家庭成员须与户主登记在同一社区");
    }

    [Fact]
    public async Task RemoveMember_AsksFirst_ThenRemovesAndRecomputes()
    {
        using var staff = await portal.SignInAsync("community1");
        var head = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1972, 2, 2), Sex.Male), "户主戊");
        var childId = TestIds.Make(new DateOnly(1998, 8, 8), Sex.Male);
        var child = await staff.RegisterPersonUrlAsync(portal.ConnectionString, childId, "子女戊", employmentStatus: "Employed");
        var household = await CreateHouseholdAsync(staff, head);
        await staff.SubmitFormAsync(household, new Dictionary<string, string> { ["Member.IdNumber"] = childId, ["Member.Relationship"] = "Child" }, "form[action*=AddMember]");
        (await StatusAsync(staff, household)).Should().Be("已消除");

        var confirmUrl = household + "/Members/" + child.Split('/').Last() + "/Remove";
        var (_, confirm) = await staff.GetPageAsync(confirmUrl);
        confirm.MainText().Should().Contain("确定将 子女戊 移出本家庭吗");
        (await staff.SubmitFormAsync(confirmUrl, new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await StatusAsync(staff, household)).Should().Be("已认定");
        var (_, headOnly) = await staff.GetPageAsync(household);
        headOnly.QuerySelectorAll("[data-testid=members] tbody tr").Should().ContainSingle();
    }

    [Fact]
    public async Task Household_OtherCommunity_NotFoundAndAbsentFromTheList()
    {
        using var holder = await portal.SignInAsync("community1");
        var household = await CreateHouseholdAsync(holder, await holder.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1971, 7, 1), Sex.Male), "户主己"));
        using var other = await portal.SignInAsync("community2");
        using var street = await portal.SignInAsync("street1");

        (await other.GetAsync(household)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync(household + "/History")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, list) = await other.GetPageAsync("/Station/Households");
        list.MainText().Should().NotContain("户主己");
        var (_, streetList) = await street.GetPageAsync("/Station/Households?status=Identified&region=" + Community1);
        streetList.QuerySelector("[data-testid=households]")!.TextContent.Should().Contain("户主己");
        var (_, filteredOut) = await street.GetPageAsync("/Station/Households?status=Identified&region=" + Community2);
        filteredOut.MainText().Should().NotContain("户主己");
    }

    [Fact]
    public async Task Household_InEnglish_ShowsDerivedStatus()
    {
        using var staff = await portal.SignInAsync("community1");
        var household = await CreateHouseholdAsync(staff, await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1979, 9, 1), Sex.Female), "户主庚"));

        var (_, page) = await staff.GetPageAsync(household + "?culture=en-US");

        page.QuerySelector("[data-testid=zero-status]")!.TextContent.Should().Be("Identified");
        page.MainText().Should().Contain("The status is derived from the members' employment");
    }

    [Fact]
    public async Task DailyJob_MovesEliminatedToStableAfterTheMonthsAndFollowsAges()
    {
        using var staff = await portal.SignInAsync("community1");
        var today = TestClock.Today;
        var worker = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1977, 7, 7), Sex.Male), "户主辛");
        var working = await CreateHouseholdAsync(staff, worker);
        await SetEmploymentAsync(staff, worker, "Employed");
        (await StatusAsync(staff, working)).Should().Be("已消除");
        var teenager = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(today.AddYears(-16).AddDays(20), Sex.Female), "少年壬");
        var young = await CreateHouseholdAsync(staff, teenager);
        (await StatusAsync(staff, young)).Should().Be("非零就业家庭", "nobody is of working age yet");

        var summary = await RunJobAsync(TimeSpan.FromDays(31));
        summary.Changed.Should().BeGreaterThanOrEqualTo(1);
        (await StatusAsync(staff, young)).Should().Be("已认定", "she reached 16 and is unemployed");
        (await StatusAsync(staff, working)).Should().Be("已消除", "one month is not yet six");

        await RunJobAsync(TimeSpan.FromDays(190));
        (await StatusAsync(staff, working)).Should().Be("稳定就业");
        (await RunJobAsync(TimeSpan.FromDays(190))).Changed.Should().Be(0, "a second run on the same day changes nothing");
    }

    private async Task<Application.Households.RecomputeSummary> RunJobAsync(TimeSpan ahead)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var clock = TestClock.At(portal.Clock.GetUtcNow() + ahead);
        var job = new HouseholdStatusJob(db, new PolicyParameterStore(db), new AuditLog(db, scope.ServiceProvider.GetRequiredService<Application.Accounts.ICurrentActor>(), clock), clock);
        return await job.RecomputeAllAsync(CancellationToken.None);
    }

    private static async Task<string> CreateHouseholdAsync(PortalClient staff, string personUrl)
    {
        var response = await staff.SubmitFormAsync("/Station/Households/Create/" + personUrl.Split('/').Last(), new Dictionary<string, string>());
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<string> StatusAsync(PortalClient staff, string householdUrl)
    {
        var (_, page) = await staff.GetPageAsync(householdUrl);
        return page.QuerySelector("[data-testid=zero-status]")!.TextContent;
    }

    private static async Task SetEmploymentAsync(PortalClient staff, string personUrl, string status) =>
        (await staff.SubmitFormAsync(personUrl + "/Edit", new Dictionary<string, string> { ["Input.EmploymentStatus"] = status }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
}
