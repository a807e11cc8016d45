using System.Net;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Core.Migrations;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Domain.Reports;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Scoping tried from outside (issue 14, build 1): one sentinel row carrying a marker in every
/// scoped entity of the other county (奎文区, 370705), then every page of the portal, as every
/// staff role of 潍城区 (370702), an employer and an anonymous visitor. Every GET of every page —
/// lists, and each route and usual query parameter filled with each sentinel id — never shows the
/// marker, and a sentinel id in a route answers 404 or 403 (or the sign-in page). Every POST
/// handler of every page, with every sentinel id in its route, handler parameters and bound ids,
/// changes none of the sentinel rows. Public-by-design rows (published postings, job fairs,
/// notices 公示 and the unit names residents are pointed to) are not sentinels.
/// </summary>
public sealed class CrossAreaCrawlerTests(CrossAreaCrawlerTests.FirstWallFixture portal) : IClassFixture<CrossAreaCrawlerTests.FirstWallFixture>
{
    /// <summary>
    /// The portal on the owner's connection, past row-level security: the crawler tries the query
    /// filters and <c>UnscopedReads</c> alone, so a planted bypass fails it even though the second
    /// wall would hold; the raw-SQL test below tries the wall alone, on the app's login.
    /// </summary>
    public sealed class FirstWallFixture : PortalFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { [PortalAppFactory.FirstWallOnly] = "true" };
    }

    /// <summary>The marker every sentinel carries in a text it would show.</summary>
    private const string Marker = "哨兵QX7";

    private const string Far = District2Community;

    /// <summary>The outsiders: every staff role of the other district, an employer (no area) and an anonymous visitor.</summary>
    private static readonly string?[] Outsiders = ["community1", "street1", "county1", "employer1", null];

    /// <summary>The query parameter names pages read ids from.</summary>
    private static readonly string[] IdParameters = ["id", "personId", "householdId", "applicationId", "postingId", "employerId", "certificationId", "reportId", "pointId", "referralId", "transferId", "linkId", "fairId", "noticeId", "targetId"];

    [Fact]
    public async Task OtherCounty_EveryPageAndHandler_AsEveryOutsider_NeverShowsOrChangesASentinel()
    {
        var sentinels = await SentinelsAsync();
        sentinels.Guids.Should().HaveCountGreaterThanOrEqualTo(14, "every scoped entity with a Guid id has a sentinel");
        var before = await FingerprintAsync();
        var pages = Pages();
        pages.Should().HaveCountGreaterThan(80, "the crawler reads the endpoint data source, not a list");
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        // The outsiders crawl at once: each is a separate session, as they would be.
        await Task.WhenAll(Outsiders.Select(who => CrawlAsync(who, pages, sentinels, failures)));

        failures.Should().BeEmpty(string.Join('\n', failures));
        (await FingerprintAsync()).Should().Be(before, "no POST by an outsider changed a sentinel row");
    }

    /// <summary>
    /// The second wall (ADR 0003): raw SQL on a context of the app's role, told community1's
    /// scope, finds no row of the far county in any table under row-level security, though the
    /// owner sees the sentinels there; rows of community1 stay visible, a connection never told a
    /// scope (or reset after one) sees nothing, and the scope is served by the region-code index.
    /// </summary>
    [Fact]
    public async Task OtherCounty_RawSqlOfTheAppRoleAsCommunity1_ReturnsNoRow()
    {
        await SentinelsAsync();
        var options = PortalDatabase.Options(PostgresServer.AppConnectionStringFor(portal.ConnectionString));
        var community1 = DataScope.Region(RegionCode.Parse(Community1));
        await using var db = new PortalDbContext(options, new FixedDataScopeProvider(community1));
        await db.Database.OpenConnectionAsync();
        var app = (NpgsqlConnection)db.Database.GetDbConnection();
        (await ScalarAsync<string>(app, "SELECT current_user")).Should().Be(PostgresServer.AppLogin, "the portal connects as the app's login, which owns nothing");
        (await ScalarAsync<bool>(app, "SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user")).Should().BeFalse();

        var seenByOwner = new List<string>();
        foreach (var table in RowLevelSecurity.RegionTables)
        {
            var far = await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM {table} WHERE region_code LIKE '370705%'");
            if (far > 0)
            {
                seenByOwner.Add(table);
            }

            (await ScalarAsync<long>(app, $"SELECT count(*) FROM {table} WHERE region_code NOT LIKE '{community1.RegionPrefix}%'"))
                .Should().Be(0, $"{table} shows community1 no row of another area");
        }

        seenByOwner.Should().Contain(
            ["persons", "unemployment_registrations", "follow_ups", "households", "hardship_certifications", "subsidy_applications", "employers", "postings",
             "seeker_links", "referrals", "layoff_reports", "monitoring_points", "monitoring_filings", "annual_targets", "org_units"],
            "the sentinels put a far row in every scoped table, so the zero counts above are the wall's doing");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM transfer_requests WHERE from_region_code LIKE '370705%' AND to_region_code NOT LIKE '370702001001%'")).Should().BePositive();
        (await ScalarAsync<long>(app, $"SELECT count(*) FROM transfer_requests WHERE from_region_code NOT LIKE '{community1.RegionPrefix}%' AND to_region_code NOT LIKE '{community1.RegionPrefix}%'")).Should().Be(0);
        var childrenSeenByOwner = new List<string>();
        foreach (var (table, column, parent) in RowLevelSecurity.ChildTables)
        {
            var farParents = await TestSql.ScalarAsync<Guid[]>(portal.ConnectionString,
                $"SELECT coalesce(array_agg(DISTINCT c.{column}), '{{}}') FROM {table} c JOIN {parent} p ON p.id = c.{column} WHERE p.region_code NOT LIKE '{community1.RegionPrefix}%'");
            if (farParents.Length > 0)
            {
                childrenSeenByOwner.Add(table);
            }

            await using var children = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {column} = ANY(@ids)", app);
            children.Parameters.AddWithValue("ids", farParents);
            ((long)(await children.ExecuteScalarAsync())!).Should().Be(0, $"{table} shows community1 no row whose {parent} row is another area's");
        }

        childrenSeenByOwner.Should().Contain("household_member_changes", "the far sentinel household has its members' history");
        (await ScalarAsync<long>(app, "SELECT count(*) FROM persons")).Should().Be(
            await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM persons WHERE region_code LIKE '{community1.RegionPrefix}%'"),
            "community1's own persons stay visible");
        await using (var all = new PortalDbContext(options, new FixedDataScopeProvider(DataScope.All)))
        {
            await all.Database.OpenConnectionAsync();
            (await ScalarAsync<long>((NpgsqlConnection)all.Database.GetDbConnection(), "SELECT count(*) FROM persons WHERE region_code LIKE '370705%'"))
                .Should().BePositive("the same role told the scope 'all' (system jobs, UnscopedReads) sees the far county");
        }

        await using (var bare = new NpgsqlConnection(PostgresServer.AppConnectionStringFor(portal.ConnectionString)))
        {
            await bare.OpenAsync();
            (await ScalarAsync<long>(bare, "SELECT count(*) FROM persons")).Should().Be(0, "a connection never told a scope sees nothing");
            await using (var told = RowSecurity.ScopeCommand(bare, "all"))
            {
                await told.ExecuteScalarAsync();
            }

            (await ScalarAsync<long>(bare, "SELECT count(*) FROM persons WHERE region_code LIKE '370705%'")).Should().BePositive("told 'all', the bare connection sees the far county");
            await using (var discard = new NpgsqlCommand("DISCARD ALL", bare))
            {
                await discard.ExecuteNonQueryAsync();
            }

            (await ScalarAsync<long>(bare, "SELECT count(*) FROM persons")).Should().Be(0, "the pool's reset empties the bounds, and empty bounds select nothing");
        }

        await using var noSeqScan = new NpgsqlCommand("SET enable_seqscan = off", app);
        await noSeqScan.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN SELECT count(*) FROM persons", app);
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        string.Join('\n', lines).Should().MatchRegex("Index (Only )?Scan|Bitmap Index Scan").And.Contain("Index Cond: ((region_code >=", "the scope is a range the region index serves");
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PortalFixture, Task<Sentinels>> Seeded = new();

    /// <summary>The sentinels, seeded once per fixture whichever test asks first.</summary>
    private Task<Sentinels> SentinelsAsync() => Seeded.GetOrAdd(portal, _ => SeedSentinelsAsync());

    /// <summary>The sentinel ids: Guid-keyed rows, and the far county's org units and regions (int ids, each used on the routes of its kind).</summary>
    private async Task CrawlAsync(string? who, List<PageInfo> pages, Sentinels sentinels, System.Collections.Concurrent.ConcurrentBag<string> failures)
    {
        var name = who ?? "anonymous";
        using var client = who is null ? portal.Anonymous() : await portal.SignInAsync(who);
        var token = await TokenAsync(client);
        foreach (var page in pages)
        {
            foreach (var url in GetUrls(page, sentinels))
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (body.Contains(Marker, StringComparison.Ordinal))
                {
                    failures.Add($"{name} GET {url.Split('?')[0]}: shows the marker");
                }

                if (page.HasRouteValues && !page.Route.StartsWith("/Status", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK)
                {
                    failures.Add($"{name} GET {url.Split('?')[0]}: 200 for another county's row");
                }
            }

            foreach (var (url, form) in PostRequests(page, sentinels, token))
            {
                using var content = new FormUrlEncodedContent(form);
                var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
                if ((await response.Content.ReadAsStringAsync()).Contains(Marker, StringComparison.Ordinal))
                {
                    failures.Add($"{name} POST {url.Split('&')[0]}: shows the marker");
                }
            }
        }
    }

    private sealed record Sentinels(IReadOnlyList<Guid> Guids, IReadOnlyList<int> Units, IReadOnlyList<int> Regions);

    private sealed record PageInfo(string Route, Type? Model, bool HasRouteValues);

    private List<PageInfo> Pages()
    {
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var models = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var pages = new List<PageInfo>();
        foreach (var endpoint in endpoints)
        {
            var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
            if (page is null || endpoint.RoutePattern.RawText is not { } raw || raw.Contains("Identity", StringComparison.Ordinal) || raw.Contains("Culture", StringComparison.Ordinal))
            {
                continue;
            }

            // Pages/X/Y.cshtml → EmploymentPortal.Web.Pages.X.YModel; Areas/A/Pages/X/Y.cshtml → EmploymentPortal.Web.Areas.A.Pages.X.YModel.
            var name = "EmploymentPortal.Web." + page.RelativePath.TrimStart('/').Replace(".cshtml", "Model", StringComparison.Ordinal).Replace('/', '.');
            pages.Add(new PageInfo("/" + raw.TrimStart('/'), models.FirstOrDefault(m => m.FullName == name), endpoint.RoutePattern.Parameters.Count > 0));
        }

        return pages.DistinctBy(p => p.Route).ToList();
    }

    private static IEnumerable<string> GetUrls(PageInfo page, Sentinels sentinels)
    {
        if (!page.HasRouteValues)
        {
            yield return page.Route;
        }

        foreach (var id in sentinels.Guids)
        {
            var url = Fill(page.Route, id.ToString(), null);
            if (url is not null)
            {
                yield return url + "?" + string.Join('&', IdParameters.Select(p => $"{p}={id}"));
            }
        }

        // Int routes: a unit's page takes the far units, a region's page the far regions; /Status/{code} is an HTTP status, not a row.
        var ints = page.Route.Contains("/Units", StringComparison.Ordinal) ? sentinels.Units
            : page.Route.Contains("/Regions", StringComparison.Ordinal) ? sentinels.Regions
            : page.Route.StartsWith("/Status", StringComparison.Ordinal) ? []
            : [.. sentinels.Units, .. sentinels.Regions];
        foreach (var id in ints)
        {
            var url = Fill(page.Route, null, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (url is not null && page.HasRouteValues)
            {
                yield return url;
            }
        }
    }

    /// <summary>The route with its parameters filled (guid ones with a guid, int ones with an int); null when a parameter cannot take the value.</summary>
    private static string? Fill(string route, string? guid, string? number)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < route.Length)
        {
            var open = route.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(route, i, route.Length - i);
                break;
            }

            result.Append(route, i, open - i);
            var close = route.IndexOf('}', open);
            var parameter = route[(open + 1)..close];
            string? value = parameter.Contains(":int", StringComparison.Ordinal) ? number
                : parameter.Contains(":guid", StringComparison.Ordinal) ? guid
                : parameter.TrimEnd('?') is "handler" ? string.Empty
                : guid ?? number;
            if (value is null)
            {
                return null;
            }

            result.Append(value);
            i = close + 1;
        }

        return result.ToString().Replace("//", "/", StringComparison.Ordinal).TrimEnd('/') is { Length: > 0 } url ? url : "/";
    }

    /// <summary>Each POST handler of the page with each sentinel id in the route, the handler's parameters and every bound id.</summary>
    private static IEnumerable<(string Url, List<KeyValuePair<string, string>> Form)> PostRequests(PageInfo page, Sentinels sentinels, string token)
    {
        if (page.Model is null)
        {
            yield break;
        }

        var handlers = page.Model.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
            .ToList();
        foreach (var handler in handlers)
        {
            var name = handler.Name["OnPost".Length..];
            name = name.EndsWith("Async", StringComparison.Ordinal) ? name[..^"Async".Length] : name;
            foreach (var id in sentinels.Guids)
            {
                var url = Fill(page.Route, id.ToString(), "1");
                if (url is null)
                {
                    continue;
                }

                var query = string.Join('&', IdParameters.Select(p => $"{p}={id}"));
                var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
                foreach (var parameter in handler.GetParameters().Where(p => IsId(p.ParameterType)))
                {
                    form.Add(new(parameter.Name!, id.ToString()));
                }

                foreach (var (field, _) in BoundIds(page.Model, string.Empty, 0))
                {
                    form.Add(new(field, id.ToString()));
                }

                form.Add(new("Confirmed", "true"));
                yield return ($"{url}?{(name.Length > 0 ? "handler=" + name + "&" : string.Empty)}{query}", form);
            }
        }
    }

    private static bool IsId(Type type) => type == typeof(Guid) || type == typeof(Guid?);

    /// <summary>The Guid-valued bound properties of a page model, nested one level (Input.PersonId).</summary>
    private static IEnumerable<(string Field, Type Type)> BoundIds(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var bound = depth > 0 || property.GetCustomAttribute<BindPropertyAttribute>() is not null || type.GetCustomAttribute<BindPropertiesAttribute>() is not null;
            if (!bound)
            {
                continue;
            }

            if (IsId(property.PropertyType))
            {
                yield return (prefix + property.Name, property.PropertyType);
            }
            else if (depth == 0 && property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType.Namespace?.StartsWith("EmploymentPortal", StringComparison.Ordinal) == true)
            {
                foreach (var nested in BoundIds(property.PropertyType, property.Name + ".", 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static async Task<string> TokenAsync(PortalClient client)
    {
        var (_, page) = await client.GetPageAsync("/Policies/Check");
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException("No antiforgery token on the self-check page.");
    }

    /// <summary>Every row of the far county in every scoped table, with its row version: any write changes it.</summary>
    private async Task<string> FingerprintAsync()
    {
        string[] tables =
        [
            "persons", "unemployment_registrations", "follow_ups", "households", "hardship_certifications", "subsidy_applications", "employers", "postings",
            "seeker_links", "referrals", "transfer_requests", "layoff_reports", "monitoring_points", "monitoring_filings", "annual_targets", "org_units",
        ];
        var parts = new List<string>();
        foreach (var table in tables)
        {
            var column = table == "transfer_requests" ? "from_region_code" : "region_code";
            parts.Add(table + ":" + await TestSql.ScalarAsync<string>(portal.ConnectionString,
                $"SELECT coalesce(string_agg(xmin::text, ',' ORDER BY xmin::text), '') || '/' || count(*) FROM {table} WHERE {column} LIKE '370705%'"));
        }

        return string.Join(' ', parts);
    }

    /// <summary>One row of every scoped entity in a community of the far county, each showing the marker where it has a text.</summary>
    private async Task<Sentinels> SeedSentinelsAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>();
        var protector = scope.ServiceProvider.GetRequiredService<IIdNumberProtector>();
        await using var db = new PortalDbContext(options, new FixedDataScopeProvider(DataScope.All));
        var parameters = await new PolicyParameterStore(db).GetAsync(CancellationToken.None);
        var now = portal.Clock.GetUtcNow();
        var today = portal.Today;
        var far = await db.Regions.SingleAsync(r => r.Code == Far);
        var farStreet = await db.Regions.SingleAsync(r => r.Code == District2Street);
        var farDistrict = await db.Regions.SingleAsync(r => r.Code == District2);
        var otherFar = (await db.Regions.Where(r => r.Level == RegionLevel.Community).ToListAsync()).First(r => r.Code.StartsWith("370705", StringComparison.Ordinal) && r.Code != Far);
        var publishedPosting = await db.Postings.Where(p => p.Status == PostingStatus.Published).Select(p => p.Id).FirstAsync();

        var id = ResidentIdNumber.TryParse(TestIds.Make(new DateOnly(1976, 3, 3), Sex.Male), today, out var parsed) == IdNumberProblem.None ? parsed : throw new InvalidOperationException("test id");
        var person = Person.Register(id, protector.Protect(id), far.Id, far.Code, new PersonDetails(
            Marker, "13900000007", Marker + "路 1 号", HukouType.Urban, EducationLevel.JuniorHigh, Marker, Marker, null, null, null,
            LaborCapacity.Full, true, EmploymentStatus.Unemployed, null, PriorityGroups.None, Marker, Marker), now);
        db.Persons.Add(person);
        var registration = UnemploymentRegistration.Open(person.Id, far.Code, today.AddDays(-30), today, WorkingAge.Check(person.BirthDate, person.RetirementSchedule(), today.AddDays(-30), parameters));
        db.UnemploymentRegistrations.Add(registration);
        var followUp = FollowUp.Record(person.Id, far.Code, FollowUpKind.HomeVisit, today, null, Marker, Marker, new Domain.Common.BusinessClock(portal.Clock, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        db.FollowUps.Add(followUp);
        var household = Household.Create(far.Id, far.Code, Marker + "小区", HukouType.Urban, false);
        db.Households.Add(household);
        household.Join(person, Relationship.Head, today);

        var check = EligibilityRules.Evaluate(new EligibilityFacts { ApplicationDate = today }, EligibilityRules.Hardship4050, parameters);
        var certification = HardshipCertification.Request(person.Id, far.Code, check, Marker, null, Marker, now);
        db.HardshipCertifications.Add(certification);
        var scheme = SchemeCatalog.Find(SchemeCatalog.CommunityJobDevelopment)!;
        var application = SubsidyApplication.Submit(Guid.CreateVersion7(), scheme, person.Id, far.Code, Marker, new Dictionary<string, string>(),
            EligibilityRules.Evaluate(new EligibilityFacts { ApplicationDate = today }, scheme.Code, parameters), Marker, new Actor(null, Marker, Roles.CommunityStaff), now);
        db.SubsidyApplications.Add(application);

        const string body = "91370705MA3QX7001";
        var credit = CreditCode.TryParse(body + CreditCode.CheckCharacter(body), out var code) ? code : throw new InvalidOperationException("credit code");
        var employer = Employer.Create(credit, Marker + "有限公司", Marker, EmployerSize.Small, far.Id, far.Code, Marker, "05360000007", null, now);
        db.Employers.Add(employer);
        var posting = Posting.Create(employer.Id, new PostingDetails(Marker + "岗位", Marker, "4-01", far.Id, far.Code, 3000, 4000, 1, PostingType.FullTime, null, null, Marker, "05360000007", today, today.AddDays(30)), Marker, now, today);
        db.Postings.Add(posting);
        // A link request of an account that is none of the outsiders.
        var linkAccount = await db.Users.Where(u => u.UserName == "city1").Select(u => u.Id).SingleAsync();
        var link = SeekerLink.Request(linkAccount, Marker, protector.LookupHash(id), "370705********0007", "13900000007", far.Id, far.Code, null, now);
        db.SeekerLinks.Add(link);
        var referral = Referral.Create(person.Id, far.Code, publishedPosting, PostingStatus.Published, today, null, Marker, now);
        db.Referrals.Add(referral);
        var transfer = TransferRequest.Request(person.Id, far.Id, far.Code, otherFar.Id, otherFar.Code, Marker, null, Marker, now);
        db.TransferRequests.Add(transfer);
        var layoff = LayoffReport.File(employer.Id, far.Code, 150, 1000, today.AddDays(40), Marker, Marker, "05360000007", LayoffThreshold.On(parameters, today)!, Marker, now);
        db.LayoffReports.Add(layoff);
        var point = MonitoringPoint.Designate(farStreet.Id, farStreet.Code, RegionLevel.Street, Marker, now);
        db.MonitoringPoints.Add(point);
        await db.SaveChangesAsync();
        var filing = MonitoringFiling.File(point, new DateOnly(today.Year, today.Month, 1).AddMonths(-1), 100, 5, Marker, today, Marker, now);
        db.MonitoringFilings.Add(filing);
        var target = AnnualTarget.Create(farDistrict.Id, farDistrict.Code, today.Year, TargetIndicator.ReEmployed, 987_654, Marker, now);
        db.AnnualTargets.Add(target);
        await db.SaveChangesAsync();

        var farUnits = (await db.OrgUnits.ToListAsync()).Where(u => u.RegionCode.StartsWith("370705", StringComparison.Ordinal)).Select(u => u.Id).ToList();
        var farRegions = (await db.Regions.ToListAsync()).Where(r => r.Code.StartsWith("370705", StringComparison.Ordinal)).Select(r => r.Id).ToList();
        return new Sentinels(
            [person.Id, registration.Id, followUp.Id, household.Id, certification.Id, application.Id, employer.Id, posting.Id, link.Id, referral.Id, transfer.Id, layoff.Id, point.Id, filing.Id, target.Id],
            farUnits,
            farRegions);
    }
}
