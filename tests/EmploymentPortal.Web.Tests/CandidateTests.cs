using System.Globalization;
using System.Net;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>The county eligibility batch and the "may qualify" panel and lists: who is listed, replacement, scoping, both cultures.</summary>
public sealed class CandidateTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateOnly Today = TestClock.Today;

    [Fact]
    public async Task Batch_WomanOf45RegisteredUnemployed_ListedForHardship4050_ManOf45NotButBothForTheLoan()
    {
        using var staff = await portal.SignInAsync("community1");
        await RegisteredAsync(staff, "候选女甲", 45, Sex.Female);
        await RegisteredAsync(staff, "候选男甲", 45, Sex.Male);
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(Today.AddYears(-46), Sex.Female), "未登记女甲");

        var summary = await RunBatchAsync(TimeSpan.Zero);

        summary.Persons.Should().BeGreaterThanOrEqualTo(3);
        summary.Evaluations.Should().BeGreaterThanOrEqualTo(summary.Persons);
        var hardship = await ListAsync(staff, "Station", EligibilityRules.Hardship4050);
        hardship.Keys.Should().Contain("候选女甲").And.NotContain("候选男甲", "a man qualifies from 50").And.NotContain("未登记女甲", "she is not registered unemployed");
        hardship["候选女甲"].Should().Be("条件均已满足");
        var loan = await ListAsync(staff, "Station", "SmallLoan");
        loan.Keys.Should().Contain("候选女甲").And.Contain("候选男甲");
        loan["候选男甲"].Should().Contain("申请贷款金额").And.Contain("贷款期限").And.Contain("自谋职业、自主创业");
    }

    [Fact]
    public async Task Lists_LeaveOutWhoHasApplied_UntilTheApplicationIsRejected()
    {
        using var staff = await portal.SignInAsync("community1");
        var person = await RegisteredAsync(staff, "候选已申请", 45, Sex.Female);
        await RunBatchAsync(TimeSpan.Zero);
        (await ListAsync(staff, "Station", "CommunityJobDevelopment")).Keys.Should().Contain("候选已申请");

        var submitted = await staff.ClickAsync($"/Station/Applications/Edit?personId={person.Split('/')[^1]}&scheme=CommunityJobDevelopment", "[data-testid=submit]", SubsidyPages.JobDevelopmentFacts(Today.AddYears(3).AddDays(-1)));
        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ListAsync(staff, "Station", "CommunityJobDevelopment")).Keys.Should().NotContain("候选已申请", "an application is on its way");
        (await ListAsync(staff, "Station", "SmallLoan")).Keys.Should().Contain("候选已申请", "other schemes still list her");
    }

    [Fact]
    public async Task Lists_LeaveOutACancelledRecord_AndTheBatchDoesNotBringItBack()
    {
        using var staff = await portal.SignInAsync("community1");
        var person = await RegisteredAsync(staff, "候选已注销", 45, Sex.Female);
        await RunBatchAsync(TimeSpan.Zero);
        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().Contain("候选已注销");
        var (_, before) = await staff.GetPageAsync("/Station");

        (await staff.SubmitFormAsync(person + "/Cancel", new Dictionary<string, string> { ["Reason"] = "重复登记" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().NotContain("候选已注销");
        var (_, after) = await staff.GetPageAsync("/Station");
        Count(after).Should().Be(Count(before) - 1, "the panel counts the lists' rows");
        await RunBatchAsync(TimeSpan.Zero);
        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().NotContain("候选已注销");

        static int Count(AngleSharp.Dom.IDocument page) =>
            int.Parse(page.QuerySelector($"[data-testid=candidate-counts] td[data-scheme={EligibilityRules.Hardship4050}]")!.TextContent, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Batch_ManTurning50_ListedOnceTheDateReachesHisBirthday()
    {
        using var staff = await portal.SignInAsync("community1");
        await RegisteredAsync(staff, "候选男乙", 50, Sex.Male, daysToBirthday: 20);

        await RunBatchAsync(TimeSpan.Zero);
        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().NotContain("候选男乙", "he is 49 today");

        await RunBatchAsync(TimeSpan.FromDays(30));
        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().Contain("候选男乙", "he is 50 in a month");
    }

    [Fact]
    public async Task Batch_CertifiedOrRequested_NotListedForHardship4050()
    {
        using var staff = await portal.SignInAsync("community1");
        using var county = await portal.SignInAsync("county1");
        var certified = await RegisteredAsync(staff, "候选女丙", 48, Sex.Female);
        (await staff.RequestCertificationAsync(certified, "Hardship4050")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, queue) = await county.GetPageAsync("/Bureau/Certifications");
        var link = queue.QuerySelectorAll("[data-testid=certifications] a").Single(a => a.TextContent == "候选女丙").GetAttribute("href")!;
        (await county.ApproveCertificationAsync(link)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var later = await RegisteredAsync(staff, "候选女丁", 47, Sex.Female);

        await RunBatchAsync(TimeSpan.Zero);
        var before = await ListAsync(staff, "Station", EligibilityRules.Hardship4050);
        before.Keys.Should().NotContain("候选女丙", "she is already certified").And.Contain("候选女丁");

        (await staff.RequestCertificationAsync(later, "Hardship4050")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().NotContain("候选女丁", "a pending request leaves the list at once, before the next run");
    }

    [Fact]
    public async Task Batch_RunAgain_ReplacesEarlierResultsOfTheSubtreeOnly()
    {
        using var staff = await portal.SignInAsync("community1");
        using var street = await portal.SignInAsync("street1");
        var person = await RegisteredAsync(staff, "候选女戊", 44, Sex.Female);
        await RegisteredAsync(street, "邻社区女戊", 44, Sex.Female, Community2);
        await RunBatchAsync(TimeSpan.Zero);
        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().Contain("候选女戊");

        (await staff.EndRegistrationAsync(person, Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Employed"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        await RunBatchAsync(TimeSpan.FromDays(1), Community1);

        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().NotContain("候选女戊", "her registration ended");
        (await ListAsync(staff, "Station", "SmallLoan")).Keys.Should().NotContain("候选女戊");
        (await ListAsync(street, "Station", EligibilityRules.Hardship4050)).Keys.Should().Contain("邻社区女戊", "a run for community 1 leaves community 2's results alone");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM eligibility_candidates c JOIN persons p ON p.id = c.person_id WHERE p.name = '候选女戊'")).Should().Be(0);
    }

    [Fact]
    public async Task Batch_TwoOverlappingRunsAtOnce_TakeTurnsAndAgree()
    {
        using var staff = await portal.SignInAsync("community1");
        await RegisteredAsync(staff, "候选女壬", 43, Sex.Female);

        var runs = await Task.WhenAll(RunBatchAsync(TimeSpan.Zero), RunBatchAsync(TimeSpan.Zero, Community1), RunBatchAsync(TimeSpan.Zero, Street1));

        runs[1].Candidates.Should().BeGreaterThan(0);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM eligibility_candidates WHERE region_code LIKE '370702001001%'"))
            .Should().Be(runs[1].Candidates, "whichever run wrote last, community 1's rows are one run's, not two");
        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().Contain("候选女壬");
    }

    [Fact]
    public async Task Lists_AreScopedToTheCallersArea()
    {
        using var staff = await portal.SignInAsync("community1");
        await RegisteredAsync(staff, "候选女己", 46, Sex.Female);
        await RunBatchAsync(TimeSpan.Zero);
        using var other = await portal.SignInAsync("community2");
        using var county = await portal.SignInAsync("county1");
        using var otherCounty = await SignInOtherCountyOfficialAsync();

        (await ListAsync(staff, "Station", EligibilityRules.Hardship4050)).Keys.Should().Contain("候选女己");
        (await ListAsync(other, "Station", EligibilityRules.Hardship4050)).Keys.Should().NotContain("候选女己");
        (await ListAsync(county, "Bureau", EligibilityRules.Hardship4050)).Keys.Should().Contain("候选女己");
        (await ListAsync(otherCounty, "Bureau", EligibilityRules.Hardship4050)).Keys.Should().NotContain("候选女己");
        var (_, otherHome) = await otherCounty.GetPageAsync("/Bureau");
        otherHome.QuerySelector($"[data-testid=candidate-counts] [data-scheme={EligibilityRules.Hardship4050}]")!.TextContent.Should().Be(
            (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM eligibility_candidates WHERE scheme_code = 'Hardship4050' AND region_code LIKE '370705%'")).ToString(CultureInfo.InvariantCulture));
        (await staff.GetAsync("/Station/Candidates?scheme=NoSuchScheme")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await county.GetAsync("/Bureau/Candidates")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.GetAsync("/Bureau/Candidates?scheme=Hardship4050")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Panel_BothCultures_CountsLinksAndLastEvaluation()
    {
        using var staff = await portal.SignInAsync("community1");
        await RegisteredAsync(staff, "候选女庚", 41, Sex.Female);
        await RunBatchAsync(TimeSpan.Zero);
        var expected = await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM eligibility_candidates WHERE scheme_code = 'Hardship4050' AND region_code LIKE '370702001001%'");

        var (_, zh) = await staff.GetPageAsync("/Station");
        var panel = zh.QuerySelector("[data-testid=candidates-panel]")!;
        panel.QuerySelector("h2")!.TextContent.Should().Be("可能符合条件");
        panel.QuerySelector("[data-testid=last-evaluation]")!.TextContent.Should().Contain("最近一次测算：按 " + Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        panel.QuerySelector("[data-scheme=Hardship4050]")!.TextContent.Should().Be(expected.ToString(CultureInfo.InvariantCulture));
        panel.QuerySelectorAll("a").Select(a => a.TextContent).Should().Contain("大龄就业困难对象（“4050”人员）").And.Contain("小额担保贷款（创业担保贷款）");
        panel.QuerySelector("[data-testid=re-evaluate]").Should().BeNull("only county officials re-run the batch");

        var (_, en) = await staff.GetPageAsync("/Station?culture=en-US");
        var english = en.QuerySelector("[data-testid=candidates-panel]")!;
        english.QuerySelector("h2")!.TextContent.Should().Be("May qualify");
        english.QuerySelectorAll("a").Select(a => a.TextContent).Should().Contain("Older job seekers in hardship (the “4050” group)").And.Contain("Guaranteed business loan");
        var (_, list) = await staff.GetPageAsync("/Station/Candidates?scheme=SmallLoan&culture=en-US");
        list.QuerySelector("h1")!.TextContent.Should().Be("May qualify: Guaranteed business loan");
        list.QuerySelector("[data-testid=candidates]")!.TextContent.Should().Contain("Still missing").And.Contain("Loan amount");
    }

    [Fact]
    public async Task ReEvaluate_CountyOfficial_RunsForTheCountyAndIsAudited()
    {
        using var staff = await portal.SignInAsync("community1");
        await RegisteredAsync(staff, "候选女辛", 42, Sex.Female);
        using var county = await portal.SignInAsync("county1");
        var response = await county.ClickAsync("/Bureau", "[data-testid=re-evaluate]", new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the re-run goes to the background");
        response.Headers.Location!.OriginalString.Should().StartWith("/Bureau/Tasks/");
        var done = await Html.ParseAsync(await county.FollowTaskAsync(response));
        done.QuerySelector("[data-testid=task-rerun]")!.TextContent.Should().Contain("已重新测算本辖区");
        var (_, after) = await county.GetPageAsync("/Bureau");
        after.QuerySelector("[data-testid=last-evaluation]")!.TextContent.Should().Contain("最近一次测算");
        (await ListAsync(county, "Bureau", EligibilityRules.Hardship4050)).Keys.Should().Contain("候选女辛");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'EligibilityEvaluated' AND actor_name = 'county1' AND entity_id = '370702'")).Should().Be(1);
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT evaluated_on::text FROM eligibility_runs WHERE region_prefix = '370702'")).Should().Be(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        using var city = await portal.SignInAsync("city1");
        var (_, cityHome) = await city.GetPageAsync("/Bureau");
        cityHome.QuerySelector("[data-testid=re-evaluate]").Should().BeNull("the button is for county officials");
        var withToken = (AngleSharp.Html.Dom.IHtmlFormElement)cityHome.QuerySelector("form[action='/Culture']")!;
        var refused = await city.PostFormAsync(withToken, "/Bureau", new Dictionary<string, string>(), "/Bureau?handler=Evaluate");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a valid token, but not a county official");
    }

    [Fact]
    public void CandidateRules_EmployerSchemesWithAConditionOnThePerson_AreRun()
    {
        var parameters = new Domain.Policies.PolicyParameterSet(Array.Empty<Domain.Policies.ParameterVersion>());
        var rules = CandidateRules.For(parameters, Today);

        rules.Schemes.Should().BeEquivalentTo(EligibilityRules.Implemented, "every implemented rule reads a registry fact");
        var registeredWoman = new EligibilityFacts { ApplicationDate = Today, BirthDate = Today.AddYears(-45), Sex = Sex.Female, LaborCapacity = LaborCapacity.Full, WantsWork = true, RegisteredUnemployed = true };
        CandidateRules.MayQualify(EligibilityRules.Evaluate(registeredWoman, "SmallLoan", parameters)).Should().BeFalse("the loan's numbers are not set: a missing policy number is not an application fact");
        CandidateRules.ApplicationFacts.Should().Contain(nameof(EligibilityFacts.RequestedLoanAmount)).And.NotContain(nameof(EligibilityFacts.BirthDate));
    }

    [Fact]
    public void CandidateRules_EveryFact_IsARegistryOrAnApplicationFact_AndApplicationFactsHaveLabels()
    {
        // The two dates are when the facts are judged, not facts.
        var facts = typeof(EligibilityFacts).GetProperties().Select(p => p.Name)
            .Where(n => n is not (nameof(EligibilityFacts.ApplicationDate) or nameof(EligibilityFacts.PersonDate))).ToList();

        facts.Should().OnlyContain(f => CandidateRules.RegistryFacts.Contains(f) ^ CandidateRules.ApplicationFacts.Contains(f),
            "a new fact is either read by the batch's query or left to the application, and said so");
        var texts = new Localization.JsonTexts();
        foreach (var culture in Localization.JsonTexts.Cultures)
        {
            CandidateRules.ApplicationFacts.Should().OnlyContain(f => texts.For(culture).ContainsKey("Fact." + f), culture);
        }
    }

    private async Task<EligibilityBatchSummary> RunBatchAsync(TimeSpan ahead, string? regionCode = null)
    {
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var clock = TestClock.At(portal.Clock.GetUtcNow() + ahead);
        var batch = new EligibilityBatch(db, new PolicyParameterStore(db), new AuditLog(db, scope.ServiceProvider.GetRequiredService<Core.Accounts.ICurrentActor>(), clock), clock);
        var prefix = regionCode is null ? null : Domain.Regions.RegionCode.Parse(regionCode).ScopePrefix;
        return await batch.RunAsync(prefix, clock.Today, CancellationToken.None);
    }

    /// <summary>Every page of a scheme's list: name → what is still missing.</summary>
    private static async Task<Dictionary<string, string>> ListAsync(PortalClient client, string area, string scheme)
    {
        var names = new Dictionary<string, string>();
        string? url = $"/{area}/Candidates?scheme={scheme}";
        while (url is not null)
        {
            var (response, page) = await client.GetPageAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            foreach (var row in page.QuerySelectorAll("[data-testid=candidates] tbody tr"))
            {
                names[row.Children[0].TextContent.Trim()] = row.QuerySelector("[data-testid=missing]")!.TextContent.Trim();
            }

            url = page.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        }

        return names;
    }

    private async Task<string> RegisteredAsync(PortalClient staff, string name, int age, Sex sex, string? regionCode = null, int daysToBirthday = -3)
    {
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(Today.AddYears(-age).AddDays(daysToBirthday), sex), name, regionCode);
        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "form[action*=OpenRegistration]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        return url;
    }

    private async Task<PortalClient> SignInOtherCountyOfficialAsync()
    {
        var unit = await UnitAsync(portal.ConnectionString, District2);
        using var admin = await portal.SignInAsync("admin");
        var created = await admin.SubmitFormAsync("/Admin/Accounts/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "kuiwen07",
            ["Input.DisplayName"] = "奎文区官员",
            ["Input.Role"] = "CountyOfficial",
            ["Input.OrgUnitId"] = unit.ToString(CultureInfo.InvariantCulture),
            ["Input.Password"] = "correct horse battery",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return await portal.SignInAsync("kuiwen07", "correct horse battery");
    }
}
