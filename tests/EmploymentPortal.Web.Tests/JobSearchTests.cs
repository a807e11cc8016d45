using System.Net;
using System.Text.Json;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The public job search (docs/policy-rules.md, "Jobs: public search") over a fixture set of
/// postings: Chinese matched by character pairs, both plans, filters, keyset paging, only
/// published postings of verified employers; the pages, the JSON-LD and /api/jobs.
/// </summary>
public sealed class JobSearchTests(JobSearchTests.Postings portal) : IClassFixture<JobSearchTests.Postings>
{
    public static TheoryData<JobSearchPlan> Plans => new() { JobSearchPlan.TermIndex, JobSearchPlan.OrderWalk };

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Search_TwoCharacterWord_FindsTitlesAndDescriptions_OnlyPublishedOfVerifiedEmployers(JobSearchPlan plan)
    {
        var ids = await IdsAsync(new JobSearchQuery("锅炉"), plan);

        ids.Should().BeEquivalentTo([portal.BoilerTitle, portal.BoilerDescription, portal.BoilerKuiwen, portal.BoilerPaid],
            "draft, pending, expired, closed and unverified-employer postings never appear");
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Search_ThreeCharacters_IsAPhraseOfPairs(JobSearchPlan plan)
    {
        (await IdsAsync(new JobSearchQuery("锅炉工"), plan)).Should().BeEquivalentTo([portal.BoilerTitle]);
        (await IdsAsync(new JobSearchQuery("炉工锅"), plan)).Should().BeEmpty("the pairs 炉工 and 工锅 are not in sequence anywhere");
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Search_OneCharacter_FindsItWhereverItStands(JobSearchPlan plan) =>
        (await IdsAsync(new JobSearchQuery("炉"), plan)).Should().BeEquivalentTo(
            [portal.BoilerTitle, portal.BoilerDescription, portal.BoilerKuiwen, portal.BoilerPaid], "炉 ends the run 锅炉 in one of them");

    [Theory]
    [InlineData("Java开发")]
    [InlineData("ＪＡＶＡ开发")]
    [InlineData("java 开发")]
    [InlineData("JAVA")]
    public async Task Search_MixedLatinAndChinese_FullWidthNormalised(string keyword) =>
        (await IdsAsync(new JobSearchQuery(keyword))).Should().BeEquivalentTo([portal.Java]);

    [Theory]
    [InlineData("保安员 Java", "('保安' <-> '安员') & 'java'")]
    [InlineData("家", "'家':*")]
    [InlineData("电工", "'电工'")]
    [InlineData("！？", null)]
    public void ToTsQuery_PhrasePerRun_AndBetweenRuns_OneCharacterAsPrefix(string keyword, string? expected) =>
        (JobSearch.ToTsQuery(keyword)?.Text).Should().Be(expected);

    [Fact]
    public async Task Search_NoPairAcrossTitleAndDescription()
    {
        (await IdsAsync(new JobSearchQuery("茶艺"))).Should().BeEquivalentTo([portal.TeaArt], "招聘茶 + 艺术老师 has no 茶艺");
        (await IdsAsync(new JobSearchQuery("艺术"))).Should().BeEquivalentTo([portal.TeaBoundary]);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Search_RegionPrefix_ADistrictIncludesItsStreetsAndCommunities(JobSearchPlan plan)
    {
        (await IdsAsync(new JobSearchQuery("锅炉", "370705000000"), plan)).Should().BeEquivalentTo([portal.BoilerKuiwen]);
        (await IdsAsync(new JobSearchQuery("锅炉", "370702001000"), plan)).Should().BeEquivalentTo([portal.BoilerTitle, portal.BoilerDescription, portal.BoilerPaid]);
        (await IdsAsync(new JobSearchQuery("锅炉", "370702001002"), plan)).Should().BeEquivalentTo([portal.BoilerDescription]);
        (await IdsAsync(new JobSearchQuery("锅炉", "370702002000"), plan)).Should().BeEmpty();
        (await IdsAsync(new JobSearchQuery("锅炉", "370700000000"), plan)).Should().HaveCount(4, "a city is a prefix filter, not a lexeme");
        var area = await IdsAsync(new JobSearchQuery(null, "370705000000"), plan);
        area.Should().Contain(portal.BoilerKuiwen, "an area alone is a lexeme too").And.NotContain([portal.BoilerTitle, portal.Java]);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Search_Pay_RangeMustReachTheWantedMinimum_AndPayOrder(JobSearchPlan plan)
    {
        (await IdsAsync(new JobSearchQuery("锅炉", MinPay: 9000), plan)).Should().Equal([portal.BoilerPaid]);
        (await IdsAsync(new JobSearchQuery("锅炉", MinPay: 6000, Sort: JobSort.Pay), plan)).Should().Equal([portal.BoilerPaid, portal.BoilerKuiwen],
            "9000–12000 first, then 5000–6000; 3000–4000 is below the minimum");
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Search_CategoryAndType_MajorIncludesItsMiddleCategories(JobSearchPlan plan)
    {
        (await IdsAsync(new JobSearchQuery("锅炉", Category: "6"), plan)).Should().BeEquivalentTo([portal.BoilerTitle, portal.BoilerDescription, portal.BoilerKuiwen, portal.BoilerPaid]);
        (await IdsAsync(new JobSearchQuery("锅炉", Category: "4-10"), plan)).Should().BeEmpty();
        (await IdsAsync(new JobSearchQuery("锅炉", Type: PostingType.PartTime), plan)).Should().Equal([portal.BoilerKuiwen]);
        var developers = (await SearchAsync(new JobSearchQuery(null, "370702000000", Category: "4-04", PageSize: JobSearchQuery.MaxPageSize), plan)).Hits;
        developers.Select(h => h.Id).Should().Contain(portal.Java);
        developers.Should().OnlyContain(h => h.OccupationCode == "4-04");
    }

    [Fact]
    public async Task Listing_IsExactlyItsDefinition_AndTheDailyRunMendsIt()
    {
        await ListingMatchesDefinitionAsync();

        // A row lost (as two concurrent changes could leave it) is put back by the daily expiry run.
        await TestSql.ExecuteAsync(portal.ConnectionString, $"DELETE FROM job_listings WHERE posting_id = '{portal.TeaArt}'");
        (await IdsAsync(new JobSearchQuery("茶艺"))).Should().BeEmpty();
        await using (var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobBoard>().ExpireAsync(CancellationToken.None);
        }

        (await IdsAsync(new JobSearchQuery("茶艺"))).Should().Equal([portal.TeaArt]);
        await ListingMatchesDefinitionAsync();
    }

    [Fact]
    public async Task Listing_FollowsTheEmployersVerification()
    {
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE employers SET status = 1 WHERE id = (SELECT employer_id FROM postings WHERE id = '{portal.Java}')");
        (await IdsAsync(new JobSearchQuery("Java"))).Should().BeEmpty("an employer waiting for verification again shows nothing");
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE employers SET status = 2 WHERE id = (SELECT employer_id FROM postings WHERE id = '{portal.Java}')");
        (await IdsAsync(new JobSearchQuery("Java"))).Should().Equal([portal.Java]);
        await ListingMatchesDefinitionAsync();
    }

    [Fact]
    public async Task IndexesOnly_HoldsForTheBatchAlone()
    {
        await using var connection = new Npgsql.NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using (var batch = new Npgsql.NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand(PreparedJobSearch.IndexesOnly));
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("SHOW enable_seqscan"));
            await using var reader = await batch.ExecuteReaderAsync();
            await reader.NextResultAsync();
            await reader.ReadAsync();
            reader.GetString(0).Should().Be("off");
        }

        await using var after = new Npgsql.NpgsqlCommand("SHOW enable_seqscan", connection);
        (await after.ExecuteScalarAsync()).Should().Be("on", "the setting ends with the batch's implicit transaction");
    }

    private async Task ListingMatchesDefinitionAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT (SELECT count(*) FROM (SELECT * FROM job_listings EXCEPT SELECT * FROM job_listing_source) a) + (SELECT count(*) FROM (SELECT * FROM job_listing_source EXCEPT SELECT * FROM job_listings) b), (SELECT count(*) FROM job_listings)",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(0).Should().Be(0, "the listing holds exactly the public postings, each as the view defines it");
        reader.GetInt64(1).Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(JobSort.Newest, JobSearchPlan.TermIndex)]
    [InlineData(JobSort.Newest, JobSearchPlan.OrderWalk)]
    [InlineData(JobSort.Pay, JobSearchPlan.TermIndex)]
    [InlineData(JobSort.Pay, JobSearchPlan.OrderWalk)]
    public async Task Search_KeysetPaging_ReturnsEachPostingOnceInOrder(JobSort sort, JobSearchPlan plan)
    {
        var seen = new List<JobHit>();
        string? after = null;
        var pages = 0;
        do
        {
            var result = await SearchAsync(new JobSearchQuery("分页", Sort: sort, After: after, PageSize: 3), plan);
            result.Count.Should().Be(portal.Paging.Count, "the count is of the whole search, on every page");
            seen.AddRange(result.Hits);
            after = result.Next;
            pages++;
        }
        while (after is not null && pages < 10);

        seen.Select(h => h.Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(portal.Paging);
        var expected = sort == JobSort.Pay
            ? seen.OrderByDescending(h => h.PayMax).ThenByDescending(h => h.Id.ToString()).Select(h => h.Id)
            : seen.OrderByDescending(h => h.PublishedAt).ThenByDescending(h => h.Id.ToString()).Select(h => h.Id);
        seen.Select(h => h.Id).Should().Equal(expected);
        pages.Should().Be(3, "7 postings by 3");
    }

    [Fact]
    public async Task Search_WithoutKeyword_OnlyPublishedOfVerifiedEmployers()
    {
        var result = await SearchAsync(new JobSearchQuery(PageSize: JobSearchQuery.MaxPageSize));
        result.Plan.Should().Be(JobSearchPlan.OrderWalk, "without a keyword or a filter there is no lexeme to look up");
        result.Hits.Select(h => h.Id).Should().NotIntersectWith(portal.Hidden);
    }

    [Fact]
    public async Task Page_Anonymous_ListsHits_InBothCultures()
    {
        using var anonymous = portal.Anonymous();

        var (response, page) = await anonymous.GetPageAsync("/Jobs?q=" + Uri.EscapeDataString("锅炉") + "&region=370702000000");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=hits] > li").Select(li => Guid.Parse(li.GetAttribute("data-id")!))
            .Should().BeEquivalentTo([portal.BoilerTitle, portal.BoilerDescription, portal.BoilerPaid]);
        page.QuerySelector("[data-testid=count]")!.TextContent.Should().Contain("共 3 个岗位");
        page.QuerySelector("h1")!.TextContent.Should().Be("找工作");
        page.QuerySelector("#q")!.GetAttribute("value").Should().Be("锅炉");

        var (_, english) = await anonymous.GetPageAsync("/Jobs?culture=en-US&q=" + Uri.EscapeDataString("锅炉"));
        english.QuerySelector("h1")!.TextContent.Should().Be("Find a job");
        english.QuerySelector("[data-testid=count]")!.TextContent.Should().Contain("4 jobs");
        english.Body!.TextContent.Should().NotContain("JobSearch.", "every text has its English key");
    }

    [Fact]
    public async Task Page_Empty_SuggestsWiderSearches()
    {
        using var anonymous = portal.Anonymous();

        var (_, page) = await anonymous.GetPageAsync("/Jobs?q=" + Uri.EscapeDataString("锅炉工程") + "&type=Seasonal&pay=9000");

        page.QuerySelector("[data-testid=empty]").Should().NotBeNull();
        var links = page.QuerySelectorAll("[data-testid=wider] a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        links.Should().Contain(("不限岗位类型", "/Jobs?q=" + Uri.EscapeDataString("锅炉工程") + "&pay=9000"));
        links.Should().Contain(("不限薪资", "/Jobs?q=" + Uri.EscapeDataString("锅炉工程") + "&type=Seasonal"));
        links.Should().Contain(("用更短的关键词“锅炉”", "/Jobs?q=" + Uri.EscapeDataString("锅炉") + "&type=Seasonal&pay=9000"));
    }

    [Fact]
    public async Task Detail_Published_CarriesJobPostingJsonLd()
    {
        using var anonymous = portal.Anonymous();

        var (response, page) = await anonymous.GetPageAsync($"/Jobs/{portal.BoilerPaid}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.Should().Be("高级锅炉技师");
        using var json = JsonDocument.Parse(page.QuerySelector("[data-testid=json-ld]")!.TextContent);
        var root = json.RootElement;
        root.GetProperty("@context").GetString().Should().Be("https://schema.org/");
        root.GetProperty("@type").GetString().Should().Be("JobPosting");
        root.GetProperty("title").GetString().Should().Be("高级锅炉技师");
        root.GetProperty("description").GetString().Should().Contain("燃气锅炉");
        root.GetProperty("datePosted").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        root.GetProperty("validThrough").GetString().Should().StartWith(portal.Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        root.GetProperty("employmentType").GetString().Should().Be("FULL_TIME");
        root.GetProperty("hiringOrganization").GetProperty("name").GetString().Should().Be("潍坊测试锅炉有限公司");
        var address = root.GetProperty("jobLocation").GetProperty("address");
        address.GetProperty("addressCountry").GetString().Should().Be("CN");
        address.GetProperty("addressLocality").GetString().Should().Be("潍坊市");
        address.GetProperty("streetAddress").GetString().Should().Be("潍城区城关街道向阳社区");
        var salary = root.GetProperty("baseSalary");
        salary.GetProperty("currency").GetString().Should().Be("CNY");
        salary.GetProperty("value").GetProperty("unitText").GetString().Should().Be("MONTH");
        salary.GetProperty("value").GetProperty("minValue").GetInt32().Should().Be(9000);
        salary.GetProperty("value").GetProperty("maxValue").GetInt32().Should().Be(12000);

        var (_, english) = await anonymous.GetPageAsync($"/Jobs/{portal.BoilerPaid}?culture=en-US");
        english.QuerySelector("[data-testid=pay]")!.TextContent.Should().Be("CNY 9,000–12,000 a month");
    }

    [Fact]
    public async Task Detail_NotPublishedOrUnverified_NotFound()
    {
        using var anonymous = portal.Anonymous();
        foreach (var id in portal.Hidden.Append(Guid.NewGuid()))
        {
            (await anonymous.GetAsync($"/Jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, id.ToString());
        }
    }

    [Fact]
    public async Task Api_Anonymous_TheSameSearchAsJson()
    {
        using var anonymous = portal.Anonymous();

        var response = await anonymous.GetAsync("/api/jobs?q=" + Uri.EscapeDataString("分页") + "&sort=pay");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("count").GetInt32().Should().Be(7);
        json.RootElement.GetProperty("countCapped").GetBoolean().Should().BeFalse();
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("id").GetGuid()).Should().BeEquivalentTo(portal.Paging);
        items.Select(i => i.GetProperty("payMax").GetInt32()).Should().BeInDescendingOrder();
        items[0].GetProperty("url").GetString().Should().StartWith("/Jobs/");
        json.RootElement.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private async Task<JobSearchResult> SearchAsync(JobSearchQuery query, JobSearchPlan? plan = null)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<JobSearch>();
        var result = plan is null ? await search.SearchAsync(query, CancellationToken.None) : await search.SearchAsync(query, plan.Value, CancellationToken.None);
        if (plan is not null)
        {
            result.Plan.Should().Be(plan);
        }

        return result;
    }

    private async Task<List<Guid>> IdsAsync(JobSearchQuery query, JobSearchPlan? plan = null) =>
        (await SearchAsync(query with { PageSize = JobSearchQuery.MaxPageSize }, plan)).Hits.Select(h => h.Id).ToList();

    /// <summary>The fixture postings, added once for the class through the domain's own methods.</summary>
    public sealed class Postings : PortalFixture, IAsyncLifetime
    {

        public Guid BoilerTitle { get; private set; }

        public Guid BoilerDescription { get; private set; }

        public Guid BoilerKuiwen { get; private set; }

        public Guid BoilerPaid { get; private set; }

        public Guid Java { get; private set; }

        public Guid TeaArt { get; private set; }

        public Guid TeaBoundary { get; private set; }

        public List<Guid> Paging { get; } = [];

        /// <summary>Postings that must never be found: draft, pending, expired, closed, and of an employer no longer verified.</summary>
        public List<Guid> Hidden { get; } = [];

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var options = Factory.Services.GetRequiredService<DbContextOptions<PortalDbContext>>();
            await using var db = new PortalDbContext(options, new FixedDataScopeProvider(DataScope.All));
            var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id);
            var now = TestClock.Start;
            var verified = Employer(db, regions, 1, "潍坊测试锅炉有限公司", verify: true, now);
            var unverified = Employer(db, regions, 2, "潍坊待核单位有限公司", verify: true, now);
            var minute = 0;

            Guid Add(Employer employer, string title, string description, string community, int payMin, int payMax, Action<Posting>? after = null, PostingType type = PostingType.FullTime, string category = "6-25", DateOnly? validTo = null, DateOnly? today = null, DateTimeOffset? publishedAt = null)
            {
                var day = today ?? Today;
                var posting = Posting.Create(employer.Id, new PostingDetails(title, description, category, regions[community], community, payMin, payMax, 1, type, null, null, "李先生", "13800000000", day, validTo ?? Today.AddDays(60)), "test", now, day);
                posting.SubmitForReview();
                posting.Review(true, null, EmployerStatus.Verified, "street1", publishedAt ?? now.AddMinutes(-++minute), day);
                after?.Invoke(posting);
                db.Postings.Add(posting);
                return posting.Id;
            }

            BoilerTitle = Add(verified, "锅炉工", "负责设备日常运行。", "370702001001", 3000, 4000);
            BoilerDescription = Add(verified, "设备维护员", "负责燃煤锅炉的检修保养。", "370702001002", 4000, 5000);
            BoilerKuiwen = Add(verified, "司炉", "燃气锅炉值守。", "370705001001", 5000, 6000, type: PostingType.PartTime);
            BoilerPaid = Add(verified, "高级锅炉技师", "负责燃气锅炉的安装调试。", "370702001001", 9000, 12000);
            Java = Add(verified, "ＪＡＶＡ开发工程师", "开发社区服务系统。", "370702001001", 8000, 15000, category: "4-04");
            TeaArt = Add(verified, "茶艺师", "茶馆服务。", "370702001001", 3000, 4000, category: "4-03");
            TeaBoundary = Add(verified, "招聘茶", "艺术老师，教授书法。", "370702001001", 3000, 4000, category: "2-08");

            Hidden.Add(AddUnpublished(verified, "锅炉工（草稿）", submit: false));
            Hidden.Add(AddUnpublished(verified, "锅炉工（待审核）", submit: true));
            Hidden.Add(Add(verified, "锅炉工（已过期）", "锅炉房值班。", "370702001001", 3000, 4000, p => p.Expire(Today), validTo: Today.AddDays(-1), today: Today.AddDays(-10)));
            Hidden.Add(Add(verified, "锅炉工（已关闭）", "锅炉房值班。", "370702001001", 3000, 4000, p => p.End(filled: false, Today)));
            Hidden.Add(Add(unverified, "锅炉工（单位待核）", "锅炉房值班。", "370702001001", 3000, 4000));

            // Seven postings for paging: two share a publication time (the id breaks the tie) and two a pay.
            var sameTime = now.AddDays(-1);
            for (var i = 0; i < 7; i++)
            {
                Paging.Add(Add(verified, $"分页岗位{i}", "用于分页。", "370702001001", 3000, 3000 + (i % 5 * 500), publishedAt: i < 2 ? sameTime : now.AddHours(-i)));
            }

            await db.SaveChangesAsync();

            // The second employer changes its name after its postings were published: it waits for verification again.
            unverified.Update("潍坊待核单位（新名）有限公司", unverified.Industry, unverified.Size, unverified.RegionId, unverified.RegionCode, unverified.ContactName, unverified.ContactPhone);
            unverified.Status.Should().Be(EmployerStatus.Pending);
            await db.SaveChangesAsync();

            Guid AddUnpublished(Employer employer, string title, bool submit)
            {
                var posting = Posting.Create(employer.Id, new PostingDetails(title, "锅炉房值班。", "6-25", regions["370702001001"], "370702001001", 3000, 4000, 1, PostingType.FullTime, null, null, "李先生", "13800000000", Today, Today.AddDays(30)), "test", now, Today);
                if (submit)
                {
                    posting.SubmitForReview();
                }

                db.Postings.Add(posting);
                return posting.Id;
            }
        }

        private static Employer Employer(PortalDbContext db, Dictionary<string, int> regions, int number, string name, bool verify, DateTimeOffset now)
        {
            var body = "91370702MA3C0000" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            CreditCode.TryParse(body + CreditCode.CheckCharacter(body), out var code).Should().BeTrue();
            var employer = Domain.Jobs.Employer.Create(code, name, "热力", EmployerSize.Small, regions["370702001001"], "370702001001", "李先生", "13800000000", null, now);
            if (verify)
            {
                employer.Verify(true, null, "street1", now);
            }

            db.Employers.Add(employer);
            return employer;
        }
    }
}
