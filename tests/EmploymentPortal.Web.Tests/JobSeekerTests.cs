using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>Seekers, referrals, matching, the monthly push and job fairs, through the pages.</summary>
public sealed class JobSeekerTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static int _codes;

    [Fact]
    public async Task Link_ConfirmedOnlyWithMatchingIdAndPhone()
    {
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1985, 1, 2), Sex.Female);
        (await staff.RegisterPersonAsync(portal.ConnectionString, id, "求职甲", "13800000001")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var seeker = await portal.SignInAsync("seeker1");
        var community = (await RegionAsync(portal.ConnectionString, Community1)).ToString(CultureInfo.InvariantCulture);

        var asked = await seeker.SubmitFormAsync("/Seeker/Link", new Dictionary<string, string> { ["Input.Name"] = "求职甲", ["Input.IdNumber"] = id, ["Input.Phone"] = "13900000009", ["Input.RegionId"] = community });
        asked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, status) = await seeker.GetPageAsync("/Seeker/Link");
        status.QuerySelector("[data-testid=link-status]")!.TextContent.Should().Contain("待社区确认").And.NotContain("求职甲");

        using var other = await portal.SignInAsync("community2");
        var (_, otherList) = await other.GetPageAsync("/Station/Referrals/Links");
        otherList.QuerySelectorAll("[data-testid=links] li").Should().BeEmpty("the request names community 1");

        var refused = await staff.ClickAsync("/Station/Referrals/Links", "[data-testid=links] li:last-child [data-testid=confirm]", new Dictionary<string, string>());
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the phone differs from the ledger's");
        (await Html.ParseAsync(refused)).Errors().Should().Contain("本辖区没有身份证号码和手机号码都一致的人员");

        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE seeker_links SET phone = '13800000001' WHERE id_number_masked = '{id[..6]}********{id[14..]}'");
        var confirmed = await staff.ClickAsync("/Station/Referrals/Links", "[data-testid=links] li:last-child [data-testid=confirm]", new Dictionary<string, string>());
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, linked) = await seeker.GetPageAsync("/Seeker/Link");
        linked.QuerySelector("[data-testid=link-status]")!.TextContent.Should().Contain("已关联");
    }

    [Fact]
    public async Task Apply_DoubleClick_OneApplication_SeenOnlyByTheOwnEmployer()
    {
        var employer1 = await EmployerAsync("employer1");
        var posting = await PostingAsync(employer1, PostingType.FullTime, "4-01", Community1);
        var otherEmployer = await EmployerAsync(null);
        var otherPosting = await PostingAsync(otherEmployer, PostingType.FullTime, "4-01", Community1);
        using var seeker = await portal.SignInAsync("seeker1");

        var page = $"/Seeker/Postings/{posting}";
        var applied = await seeker.ClickAsync(page, "[data-testid=apply]", new Dictionary<string, string>());
        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, after) = await seeker.GetPageAsync(applied.Headers.Location!.OriginalString);
        after.QuerySelector("[role=status]")!.TextContent.Should().Contain("已投递求职申请").And.Contain("我的投递").And.NotContain("简历", "seekers have no résumé here");
        var (_, form) = await seeker.GetPageAsync($"/Seeker/Postings/{otherPosting}");
        var applyForm = form.QuerySelector<AngleSharp.Html.Dom.IHtmlButtonElement>("[data-testid=apply]")!.Form!;
        var first = seeker.PostFormAsync(applyForm, $"/Seeker/Postings/{otherPosting}", new Dictionary<string, string>(), $"/Seeker/Postings/{otherPosting}?handler=Apply");
        var second = seeker.PostFormAsync(applyForm, $"/Seeker/Postings/{otherPosting}", new Dictionary<string, string>(), $"/Seeker/Postings/{otherPosting}?handler=Apply");
        (await Task.WhenAll(first, second)).Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM job_applications WHERE posting_id = '{otherPosting}'")).Should().Be(1);
        (await seeker.ClickAsync(page, "[data-testid=save]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, applications) = await seeker.GetPageAsync("/Seeker/Applications");
        applications.QuerySelectorAll("[data-testid=rows] li").Should().HaveCount(2);
        var (_, saved) = await seeker.GetPageAsync("/Seeker/Saved");
        saved.QuerySelectorAll("[data-testid=rows] li").Should().ContainSingle();

        using var employer = await portal.SignInAsync("employer1");
        var (own, applicants) = await employer.GetPageAsync($"/Employer/Applicants/{posting}");
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        applicants.QuerySelectorAll("[data-testid=applicants] li").Should().ContainSingle();
        (await employer.GetAsync($"/Employer/Applicants/{otherPosting}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another employer's posting");
        using var staff = await portal.SignInAsync("community1");
        (await staff.GetAsync($"/Employer/Applicants/{posting}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Employer_SetsAnApplicationsStatus_TheSeekerSeesIt_AnotherEmployerCannot()
    {
        var employer1 = await EmployerAsync("employer1");
        var posting = await PostingAsync(employer1, PostingType.FullTime, "4-01", Community1);
        using var seeker = await portal.SignInAsync("seeker1");
        (await seeker.ClickAsync($"/Seeker/Postings/{posting}", "[data-testid=apply]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var employer = await portal.SignInAsync("employer1");
        var page = $"/Employer/Applicants/{posting}";
        var (_, before) = await employer.GetPageAsync(page);
        before.QuerySelector("[data-testid=applicants] [data-testid=status]")!.TextContent.Should().Contain("已投递");
        var applicationId = before.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[data-testid=status-form] input[name=applicationId]")!.Value;

        var refused = await employer.SubmitFormAsync(page, new Dictionary<string, string> { ["status"] = "Submitted" }, "[data-testid=status-form]");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "an application never goes back to 已投递");

        var set = await employer.SubmitFormAsync(page, new Dictionary<string, string> { ["status"] = "Interview" }, "[data-testid=status-form]");
        set.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, after) = await employer.GetPageAsync(set.Headers.Location!.OriginalString);
        after.QuerySelector("[role=status]")!.TextContent.Should().Contain("的投递状态更新为“邀请面试”");
        after.QuerySelector("[data-testid=applicants] [data-testid=status]")!.TextContent.Should().Contain("邀请面试").And.Contain(TestClock.TodayText);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM audit_events WHERE action = 'JobApplicationStatusSet' AND entity_id = '{applicationId}'")).Should().Be(1);

        var (_, mine) = await seeker.GetPageAsync("/Seeker/Applications");
        var row = mine.QuerySelector($"[data-testid=rows] li[data-id='{posting}'] [data-testid=application-status]")!;
        row.TextContent.Should().Contain("邀请面试").And.Contain(TestClock.TodayText);
        row.QuerySelector("[data-testid=employer-status]")!.ClassList.Should().Contain("tone-pending");

        // An application to another employer's posting cannot be moved from this employer's page, even by its id.
        var otherEmployer = await EmployerAsync(null);
        var otherPosting = await PostingAsync(otherEmployer, PostingType.FullTime, "4-01", Community1);
        (await seeker.ClickAsync($"/Seeker/Postings/{otherPosting}", "[data-testid=apply]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var foreign = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, $"SELECT id FROM job_applications WHERE posting_id = '{otherPosting}'");
        (await employer.GetAsync($"/Employer/Applicants/{otherPosting}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var moved = await employer.SubmitFormAsync(page, new Dictionary<string, string> { ["applicationId"] = foreign.ToString(), ["status"] = "Hired" }, "[data-testid=status-form]");
        moved.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(moved)).Errors().Should().Contain(e => e.Contains("找不到该投递记录"));
        (await TestSql.ScalarAsync<int>(portal.ConnectionString, $"SELECT status FROM job_applications WHERE id = '{foreign}'")).Should().Be(0);
    }

    [Fact]
    public async Task PublicWelfare_Certified4050First_ThenOtherCertifiedHardship_ThenTheRest_OnlyWithTheSeekersConsent()
    {
        var employer = await EmployerAsync("employer1");
        var posting = await PostingAsync(employer, PostingType.PublicWelfare, "4-09", Community1);
        await TestSql.ExecuteAsync(portal.ConnectionString, $"""
            INSERT INTO job_applications (id, posting_id, account_id, person_id, name, phone, applied_at)
            SELECT '{Guid.CreateVersion7()}', '{posting}', id, NULL, '先投递者', '13800000002', @now - interval '2 hours' FROM users WHERE user_name = 'seeker1';
            """);
        using var staff = await portal.SignInAsync("community1");
        // Applied second: certified in the zero-employment category; applied last: certified 4050 (both consented);
        // applied first: certified 4050 without consenting, so the employer sees no category and no priority.
        foreach (var (name, born, category, hoursAgo, account, consents) in new[]
                 {
                     ("零就业者丙", new DateOnly(1990, 5, 5), "HardshipZeroEmployment", 1, "employer1", true),
                     ("困难者乙", new DateOnly(1970, 3, 3), "Hardship4050", 0, "community1", true),
                     ("未同意者丁", new DateOnly(1971, 4, 4), "Hardship4050", 3, "street1", false),
                 })
        {
            var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(born, Sex.Male), name);
            var personId = url.Split('/').Last();
            await TestSql.ExecuteAsync(portal.ConnectionString, $"""
                INSERT INTO hardship_certifications (id, person_id, region_code, category, application_date, check_decision, "check", requested_by_name, requested_at, status, valid_from)
                VALUES ('{Guid.CreateVersion7()}', '{personId}', '{Community1}', '{category}', '2026-01-01', 1, '[]', 'test', @now, 2, '2026-01-01');
                INSERT INTO job_applications (id, posting_id, account_id, person_id, name, phone, applied_at, shares_hardship)
                SELECT '{Guid.CreateVersion7()}', '{posting}', id, '{personId}', '{name}', '13800000003', @now - interval '{hoursAgo} hours', {(consents ? "true" : "false")} FROM users WHERE user_name = '{account}';
                """);
        }

        using var owner = await portal.SignInAsync("employer1");
        var (_, page) = await owner.GetPageAsync($"/Employer/Applicants/{posting}");
        var rows = page.QuerySelectorAll("[data-testid=applicants] li");
        rows.Should().HaveCount(4);
        rows[0].TextContent.Should().Contain("困难者乙").And.Contain("4050 人员优先");
        rows[1].TextContent.Should().Contain("零就业者丙").And.Contain("困难人员优先");
        rows[2].TextContent.Should().Contain("未同意者丁");
        rows[2].QuerySelector("[data-testid=hardship]").Should().BeNull("the person did not consent to the employer seeing the category");
        rows[3].TextContent.Should().Contain("先投递者");
        rows[3].QuerySelector("[data-testid=hardship]").Should().BeNull();

        // The seeker is asked, with the notice, on a public-welfare post; the answer is kept with the application.
        using var seeker = await portal.SignInAsync("seeker1");
        var other = await PostingAsync(employer, PostingType.PublicWelfare, "4-09", Community1);
        var (_, form) = await seeker.GetPageAsync($"/Seeker/Postings/{other}");
        form.QuerySelector("[data-testid=share-hardship]").Should().NotBeNull();
        form.QuerySelector("#share-hardship-notice")!.TextContent.Should().Contain("不勾选则只看到您的姓名和电话");
        (await seeker.ClickAsync($"/Seeker/Postings/{other}", "[data-testid=apply]", new Dictionary<string, string> { ["SharesHardship"] = "true" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<bool>(portal.ConnectionString, $"SELECT shares_hardship FROM job_applications WHERE posting_id = '{other}'")).Should().BeTrue();
    }

    [Fact]
    public async Task Referral_Hired_EmploysEndsRegistrationAndRecomputesHousehold()
    {
        var posting = await PostingAsync(await EmployerAsync(null), PostingType.FullTime, "4-03", Community1);
        using var staff = await portal.SignInAsync("community1");
        var person = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1976, 4, 4), Sex.Male), "推荐丙");
        var personId = person.Split('/').Last();
        (await staff.SubmitFormAsync(person, new Dictionary<string, string> { ["Registration.RegisteredOn"] = "2026-01-05" }, "form[action*=OpenRegistration]")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var household = await staff.CreateHouseholdUrlAsync(person);
        (await staff.GetPageAsync(household)).Document.QuerySelector("[data-testid=status]")?.TextContent.Should().Contain("经核算为零就业家庭（待认定）");

        var matching = $"/Station/Matching/Person/{personId}";
        (await staff.ClickAsync(matching, $"[data-testid=match-{posting}] [data-testid=refer]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var referral = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, $"SELECT id FROM referrals WHERE person_id = '{personId}'");
        var today = TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var hired = await staff.SubmitFormAsync($"/Station/Referrals/{referral}", new Dictionary<string, string> { ["Input.Outcome"] = "Hired", ["Input.On"] = today });
        hired.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, page) = await staff.GetPageAsync(person);
        page.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("就业");
        page.QuerySelector("[data-testid=unemployment]")!.TextContent.Should().Contain("当前没有失业登记");
        (await TestSql.ScalarAsync<short>(portal.ConnectionString, $"SELECT end_reason FROM unemployment_registrations WHERE person_id = '{personId}'")).Should().Be((short)UnemploymentEndReason.Employed);
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, $"SELECT status::text FROM households WHERE id = (SELECT household_id FROM persons WHERE id = '{personId}')")).Should().Be(((int)Domain.Households.ZeroEmploymentStatus.Eliminated).ToString(CultureInfo.InvariantCulture), "a member found work");
        var txids = await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(DISTINCT xmin::text) FROM (SELECT xmin FROM referrals WHERE id = '{referral}' UNION ALL SELECT xmin FROM unemployment_registrations WHERE person_id = '{personId}' UNION ALL SELECT xmin FROM persons WHERE id = '{personId}') t");
        txids.Should().Be(1, "the outcome, the registration and the person commit in one transaction");
    }

    [Theory]
    [InlineData("zh-CN", "同一社区")]
    [InlineData("en-US", "Same community")]
    public async Task Matching_ShowsReasons_InTheUsersLanguage(string culture, string reason)
    {
        var posting = await PostingAsync(await EmployerAsync(null), PostingType.FullTime, "6-29", Community1);
        using var staff = await portal.SignInAsync("community1");
        var person = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1980, 5, 5), Sex.Male), "匹配丁");
        var personId = person.Split('/').Last();
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE persons SET unemployed_since = '2026-01-01' WHERE id = '{personId}'");

        var (response, page) = await staff.GetPageAsync($"/Station/Matching/Person/{personId}?culture={culture}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector($"[data-testid=match-{posting}] [data-testid=reasons]")!.TextContent.Should().Contain(reason);
        var (_, persons) = await staff.GetPageAsync($"/Station/Matching/Posting/{posting}?culture={culture}");
        persons.QuerySelector("[data-testid=matches]")!.TextContent.Should().Contain("匹配丁").And.Contain(reason);
    }

    [Fact]
    public async Task Push_ListsWhoHadNoneThisMonth_SendRemovesThem()
    {
        var posting = await PostingAsync(await EmployerAsync(null), PostingType.FullTime, "4-10", Community1);
        using var staff = await portal.SignInAsync("community1");
        var person = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1972, 6, 6), Sex.Female), "推送戊");
        var personId = person.Split('/').Last();
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE persons SET priority_groups = {(int)PriorityGroups.PoorLabourer} WHERE id = '{personId}'");

        var (_, due) = await staff.GetPageAsync("/Station/Pushes?p=1");
        var pages = due.QuerySelectorAll("[data-testid=due] li").Select(li => li.TextContent).ToList();
        var total = await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM persons WHERE employment_status = 1 AND priority_groups <> 0 AND region_code LIKE '370702001001%'");
        total.Should().BeGreaterThan(0);
        (await FindDueAsync(staff, "推送戊")).Should().BeTrue();

        (await staff.ClickAsync($"/Station/Matching/Person/{personId}", $"[data-testid=match-{posting}] [data-testid=push]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await FindDueAsync(staff, "推送戊")).Should().BeFalse();
        var (_, timeline) = await staff.GetPageAsync(person);
        timeline.QuerySelector("[data-testid=timeline]")!.TextContent.Should().Contain("岗位推送");
        pages.Should().NotBeEmpty();

        using var other = await portal.SignInAsync("community2");
        (await FindDueAsync(other, "推送戊")).Should().BeFalse("another community");
    }

    [Fact]
    public async Task JobFair_CreatedByStaff_ShownPublicly()
    {
        var employer = await EmployerAsync(null);
        await PostingAsync(employer, PostingType.FullTime, "4-01", Community1);
        using var staff = await portal.SignInAsync("street1");
        var (_, form) = await staff.GetPageAsync("/Station/JobFairs/Edit");
        form.QuerySelector($"input[name='Input.EmployerIds'][value='{employer}']").Should().NotBeNull();
        var noVenue = await staff.SubmitFormAsync("/Station/JobFairs/Edit", new Dictionary<string, string> { ["Input.Title"] = "春风行动招聘会", ["Input.Date"] = "2099-03-01", ["Input.Online"] = "false" });
        noVenue.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var saved = await staff.SubmitFormAsync("/Station/JobFairs/Edit", new Dictionary<string, string> { ["Input.Title"] = "春风行动招聘会", ["Input.Date"] = "2099-03-01", ["Input.Online"] = "false", ["Input.Venue"] = "人力资源市场一楼", ["Input.EmployerIds"] = employer.ToString() });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var fair = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM job_fairs WHERE title = '春风行动招聘会'");

        using var anonymous = portal.Anonymous();
        var (listResponse, list) = await anonymous.GetPageAsync("/JobFairs");
        listResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        list.QuerySelector("[data-testid=fairs]")!.TextContent.Should().Contain("春风行动招聘会").And.Contain("人力资源市场一楼");
        var (_, detail) = await anonymous.GetPageAsync($"/JobFairs/{fair}?culture=en-US");
        detail.QuerySelector("[data-testid=employers]")!.TextContent.Should().Contain("Participating employers").And.Contain("岗位");

        using var otherCounty = await portal.SignInAsync("county2");
        (await otherCounty.GetAsync($"/Station/JobFairs/Edit/{fair}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var otherStreet = await portal.SignInAsync("community2");
        (await otherStreet.GetAsync($"/Station/JobFairs/Edit/{fair}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StaffPages_OtherCommunityOrCounty_NotFoundOrForbidden()
    {
        var posting = await PostingAsync(await EmployerAsync(null), PostingType.FullTime, "4-01", Community1);
        using var staff = await portal.SignInAsync("community1");
        var personId = (await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1979, 7, 7), Sex.Male), "范围己")).Split('/').Last();
        (await staff.ClickAsync($"/Station/Matching/Person/{personId}", $"[data-testid=match-{posting}] [data-testid=refer]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var referral = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, $"SELECT id FROM referrals WHERE person_id = '{personId}'");

        using var other = await portal.SignInAsync("community2");
        (await other.GetAsync($"/Station/Matching/Person/{personId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/Station/Referrals/{referral}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/Station/Referrals")).Document.MainText().Should().NotContain("范围己");
        (await other.GetPageAsync($"/Station/Matching/Posting/{posting}")).Document.MainText().Should().NotContain("范围己");

        using var county = await portal.SignInAsync("county2");
        foreach (var url in new[] { "/Station/Referrals", "/Station/Referrals/Links", "/Station/Pushes", "/Station/JobFairs", $"/Station/Matching/Person/{personId}", $"/Station/Matching/Posting/{posting}", $"/Station/Referrals/{referral}" })
        {
            (await county.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }

        using var seeker = await portal.SignInAsync("seeker1");
        (await seeker.GetAsync("/Station/Referrals")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await seeker.GetAsync("/Employer/Applicants")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await staff.GetAsync("/Seeker/Link")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<bool> FindDueAsync(PortalClient client, string name)
    {
        for (var page = 1; page < 50; page++)
        {
            var (_, document) = await client.GetPageAsync($"/Station/Pushes?p={page}");
            var rows = document.QuerySelectorAll("[data-testid=due] li");
            if (rows.Any(r => r.TextContent.Contains(name, StringComparison.Ordinal)))
            {
                return true;
            }

            if (rows.Length == 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A verified employer (linked to <paramref name="account"/> when given).</summary>
    private async Task<Guid> EmployerAsync(string? account)
    {
        var accountId = account is null ? (Guid?)null : await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = @code", account);
        if (accountId is { } existing)
        {
            var linked = await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM employers WHERE account_id = '{existing}'");
            if (linked > 0)
            {
                return await TestSql.ScalarAsync<Guid>(portal.ConnectionString, $"SELECT id FROM employers WHERE account_id = '{existing}' LIMIT 1");
            }
        }

        var region = await RegionAsync(portal.ConnectionString, Street1);
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var first17 = "91350100M" + (Interlocked.Increment(ref _codes) + 100000 + Random.Shared.Next(0, 800000)).ToString("000000000", CultureInfo.InvariantCulture)[..8];
        var code = CreditCodeFor(first17);
        var employer = Domain.Jobs.Employer.Create(code, "测试单位" + first17[^4..], "零售", EmployerSize.Small, region, Street1, "联系人", "13700000000", accountId, TestClock.Start);
        employer.Verify(true, null, "street1", TestClock.Start);
        db.Employers.Add(employer);
        await db.SaveChangesAsync();
        return employer.Id;
    }

    private static CreditCode CreditCodeFor(string first17)
    {
        foreach (var c in "0123456789ABCDEFGHJKLMNPQRTUWXY")
        {
            if (CreditCode.TryParse(first17 + c, out var code))
            {
                return code;
            }
        }

        throw new InvalidOperationException("No check character fits.");
    }

    private async Task<Guid> PostingAsync(Guid employerId, PostingType type, string occupation, string regionCode)
    {
        var region = await RegionAsync(portal.ConnectionString, regionCode);
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var today = TestClock.Today;
        var posting = Posting.Create(employerId, new PostingDetails("岗位" + occupation, "工作内容", occupation, region, regionCode, 3000, 5000, 2, type, null, null, "联系人", "13700000000", today, today.AddMonths(2)), "employer", TestClock.Start, today);
        posting.SubmitForReview();
        posting.Review(true, null, EmployerStatus.Verified, "street1", TestClock.Start, today);
        db.Postings.Add(posting);
        await db.SaveChangesAsync();
        return posting.Id;
    }
}
