using System.Net;
using CsCheck;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Persons;
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
        (await staff.EndRegistrationAsync(head, "2026-02-01", "Employed")).StatusCode.Should().Be(HttpStatusCode.Redirect);
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
        (await StatusAsync(staff, household)).Should().Be("非零就业家庭", "a working son joined: no longer zero-employment, but nobody found work");

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

    /// <summary>
    /// Issue 13, finding 3: an unemployed head with an employed spouse is one family, not an
    /// eliminated zero-employment household, whether the head, the spouse or both at once are
    /// entered first (004 §三(一): elimination is a member finding work).
    /// </summary>
    [Fact]
    public async Task Household_SameFamilyHeadFirstSpouseFirstOrAtOnce_SameStatusWithoutAnElimination()
    {
        using var staff = await portal.SignInAsync("community1");
        async Task<(string UnemployedId, string UnemployedUrl, string EmployedId, string EmployedUrl)> FamilyAsync(string name)
        {
            var unemployedId = TestIds.Make(new DateOnly(1975, 3, 3), Sex.Male);
            var unemployed = await staff.RegisterPersonUrlAsync(portal.ConnectionString, unemployedId, name + "夫");
            var employedId = TestIds.Make(new DateOnly(1977, 4, 4), Sex.Female);
            var employed = await staff.RegisterPersonUrlAsync(portal.ConnectionString, employedId, name + "妻", employmentStatus: "Employed");
            return (unemployedId, unemployed, employedId, employed);
        }

        async Task AddSpouseAsync(string household, string idNumber) =>
            (await staff.SubmitFormAsync(household, new Dictionary<string, string> { ["Member.IdNumber"] = idNumber, ["Member.Relationship"] = "Spouse" }, "form[action*=AddMember]"))
                .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var a = await FamilyAsync("先户主");
        var headFirst = await CreateHouseholdAsync(staff, a.UnemployedUrl);
        (await StatusAsync(staff, headFirst)).Should().Be("已认定", "so far the household is its unemployed head");
        await AddSpouseAsync(headFirst, a.EmployedId);

        var b = await FamilyAsync("先配偶");
        var spouseFirst = await CreateHouseholdAsync(staff, b.EmployedUrl);
        await AddSpouseAsync(spouseFirst, b.UnemployedId);

        var c = await FamilyAsync("一次");
        var atOnce = await staff.CreateHouseholdUrlAsync(c.UnemployedUrl, (c.EmployedId, "Spouse"));

        foreach (var household in new[] { headFirst, spouseFirst, atOnce })
        {
            var (_, page) = await staff.GetPageAsync(household);
            page.QuerySelector("[data-testid=zero-status]")!.TextContent.Should().Be("非零就业家庭", household);
            page.QuerySelectorAll("[data-testid=members] tbody tr").Should().HaveCount(2);
            (page.QuerySelector("[data-testid=status-history]")?.TextContent ?? string.Empty).Should().NotContain("已消除");
        }

        var (_, history) = await staff.GetPageAsync(headFirst + "/History");
        history.QuerySelector("[data-testid=status-history]")!.TextContent.Should().Contain("已认定 → 非零就业家庭").And.Contain("成员加入");
        var membership = history.QuerySelectorAll("[data-testid=membership-history] li").Select(li => li.TextContent).ToList();
        membership.Should().HaveCount(2).And.Contain(t => t.Contains("先户主妻 加入家庭（配偶）")).And.Contain(t => t.Contains("先户主夫 加入家庭（户主）"));
        var (_, atOnceHistory) = await staff.GetPageAsync(atOnce + "/History");
        atOnceHistory.QuerySelector("[data-testid=status-history]").Should().BeNull("entered as a whole, the household was never zero-employment");
        atOnceHistory.QuerySelectorAll("[data-testid=membership-history] li").Should().HaveCount(2);
    }

    [Fact]
    public async Task Create_WithMembers_CheckPageShowsEveryoneAndTheStatus_ThenCreatesOnConfirmation()
    {
        using var staff = await portal.SignInAsync("community1");
        var head = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1970, 10, 10), Sex.Male), "整户甲");
        var spouseId = TestIds.Make(new DateOnly(1972, 11, 11), Sex.Female);
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, spouseId, "整户乙");
        var childId = TestIds.Make(new DateOnly(2003, 1, 12), Sex.Male);
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, childId, "整户丙", employmentStatus: "Student");
        var url = "/Station/Households/Create/" + head.Split('/').Last();

        var check = await staff.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Members[0].IdNumber"] = spouseId,
            ["Members[0].Relationship"] = "Spouse",
            ["Members[2].IdNumber"] = childId,
            ["Members[2].Relationship"] = "Child",
        });

        check.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(check);
        page.QuerySelector("[data-testid=preview-status]")!.TextContent.Should().Be("已认定", "both parents are unemployed, the student is not in the labour force");
        page.QuerySelectorAll("[data-testid=preview-members] tbody tr").Select(r => r.TextContent).Should().SatisfyRespectively(
            r => r.Should().Contain("整户甲").And.Contain("户主"),
            r => r.Should().Contain("整户乙").And.Contain("配偶"),
            r => r.Should().Contain("整户丙").And.Contain("子女").And.Contain("在校学生"));
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM persons WHERE name LIKE '整户%' AND household_id IS NOT NULL")).Should().Be(0, "nothing is saved before the confirmation");

        var created = await staff.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=confirm]")!.Closest("form")!, url, new Dictionary<string, string>());
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var household = created.Headers.Location!.OriginalString;
        var (_, detail) = await staff.GetPageAsync(household);
        detail.QuerySelectorAll("[data-testid=members] tbody tr").Should().HaveCount(3);
        detail.QuerySelector("[data-testid=status-history]")!.TextContent.Should().Contain("非零就业家庭 → 已认定").And.Contain("建立家庭");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM household_status_changes WHERE household_id = '{household.Split('/').Last()}'")).Should().Be(1, "the status is derived once, from the whole membership");
    }

    [Fact]
    public async Task Create_InvalidMemberRows_400WithASummaryLinkingEachRowAndTheValuesKept()
    {
        using var staff = await portal.SignInAsync("community1");
        var headId = TestIds.Make(new DateOnly(1969, 9, 19), Sex.Male);
        var head = await staff.RegisterPersonUrlAsync(portal.ConnectionString, headId, "错行甲");
        var spouseId = TestIds.Make(new DateOnly(1971, 7, 17), Sex.Female);
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, spouseId, "错行乙");
        var url = "/Station/Households/Create/" + head.Split('/').Last();

        var response = await staff.ClickAsync(url, "[data-testid=add-row]", new Dictionary<string, string> { ["Members[0].IdNumber"] = spouseId, ["Members[0].Relationship"] = "Spouse" });
        var fourRows = await Html.ParseAsync(response);
        fourRows.QuerySelectorAll("[data-testid=member-row]").Should().HaveCount(4);
        fourRows.QuerySelector("#Members_0__IdNumber")!.GetAttribute("value").Should().Be(spouseId, "another row keeps what was typed");

        response = await staff.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Address"] = string.Empty,
            ["Members[0].IdNumber"] = spouseId,
            ["Members[0].Relationship"] = string.Empty,
            ["Members[1].IdNumber"] = "110105198001011234",
            ["Members[1].Relationship"] = "Child",
            ["Members[2].IdNumber"] = headId,
            ["Members[2].Relationship"] = "Parent",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelectorAll("[data-testid=error-summary] a").Select(a => a.GetAttribute("href")).Should().BeEquivalentTo(
            "#Input_Address", "#Members_0__Relationship", "#Members_1__IdNumber", "#Members_2__IdNumber");
        page.QuerySelector("#Members_0__Relationship-error")!.TextContent.Should().Be("请选择与户主关系");
        page.QuerySelector("#Members_1__IdNumber-error")!.TextContent.Should().Be("身份证号码校验位不正确，请核对", "a member's number gets the same specific message as on the register page");
        page.QuerySelector("#Members_2__IdNumber-error")!.TextContent.Should().Be("该人员已填写过（户主不必再填）");
        page.QuerySelector("#Members_1__IdNumber")!.GetAttribute("value").Should().Be("110105198001011234");
        page.QuerySelector("#Members_2__Relationship option[selected]")!.GetAttribute("value").Should().Be("Parent");
        page.QuerySelector("form[novalidate]").Should().NotBeNull();
    }

    /// <summary>
    /// Property (CsCheck): the same family — members of random ages and employment — gets the same
    /// status through the pages whether entered head first, in another order, or all at once,
    /// and none of them is ever "eliminated" by being entered.
    /// </summary>
    [Fact]
    public async Task Household_ThroughPages_SameStatusWhateverOrderMembersAreEnteredIn()
    {
        using var staff = await portal.SignInAsync("community1");
        var member =
            from age in Gen.OneOf(15, 30, 45, 70)
            from days in Gen.Int[0, 300]
            from sex in Gen.Enum<Sex>()
            from status in Gen.OneOf("Unemployed", "Employed", "Student")
            select (Birth: TestClock.Today.AddYears(-age).AddDays(-days), Sex: sex, Status: status);
        var family =
            from members in member.Array[1, 3]
            from order in Gen.Shuffle(Enumerable.Range(0, members.Length).ToArray())
            select (Members: members, Order: order);

        await family.SampleAsync(async f =>
        {
            async Task<List<(string Url, string Id)>> RegisterAsync()
            {
                var persons = new List<(string Url, string Id)>();
                foreach (var m in f.Members)
                {
                    var id = TestIds.Make(m.Birth, m.Sex);
                    persons.Add((await staff.RegisterPersonUrlAsync(portal.ConnectionString, id, "顺序" + persons.Count, Community1, m.Status), id));
                }

                return persons;
            }

            var statuses = new List<string>();
            foreach (var order in new[] { Enumerable.Range(0, f.Members.Length).ToArray(), f.Order })
            {
                var persons = await RegisterAsync();
                var household = await CreateHouseholdAsync(staff, persons[order[0]].Url);
                foreach (var i in order.Skip(1))
                {
                    (await staff.SubmitFormAsync(household, new Dictionary<string, string> { ["Member.IdNumber"] = persons[i].Id, ["Member.Relationship"] = "Child" }, "form[action*=AddMember]"))
                        .StatusCode.Should().Be(HttpStatusCode.Redirect);
                }

                statuses.Add(await StatusAsync(staff, household));
                (await staff.GetPageAsync(household)).Document.QuerySelector("[data-testid=status-history]")?.TextContent.Should().NotContain("已消除");
            }

            var all = await RegisterAsync();
            statuses.Add(await StatusAsync(staff, await staff.CreateHouseholdUrlAsync(all[0].Url, all.Skip(1).Select(p => (p.Id, "Child")).ToArray())));
            statuses.Distinct().Should().ContainSingle().Which.Should().BeOneOf("已认定", "非零就业家庭");
        }, iter: 6, threads: 1);
    }

    private async Task<Core.Households.RecomputeSummary> RunJobAsync(TimeSpan ahead)
    {
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var clock = TestClock.At(portal.Clock.GetUtcNow() + ahead);
        var job = new HouseholdStatusJob(db, new PolicyParameterStore(db), new AuditLog(db, scope.ServiceProvider.GetRequiredService<Core.Accounts.ICurrentActor>(), clock), clock);
        return await job.RecomputeAllAsync(CancellationToken.None);
    }

    private static Task<string> CreateHouseholdAsync(PortalClient staff, string personUrl) => staff.CreateHouseholdUrlAsync(personUrl);

    private static async Task<string> StatusAsync(PortalClient staff, string householdUrl)
    {
        var (_, page) = await staff.GetPageAsync(householdUrl);
        return page.QuerySelector("[data-testid=zero-status]")!.TextContent;
    }

    private static async Task SetEmploymentAsync(PortalClient staff, string personUrl, string status) =>
        (await staff.SubmitFormAsync(personUrl + "/Edit", new Dictionary<string, string> { ["Input.EmploymentStatus"] = status }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
}
