using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static EmploymentPortal.TestCommon.DemoIds;
using static EmploymentPortal.Web.Tests.SubsidyPages;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Issue 15, finding 9 (the smaller items): numeric fields never answer 500, log values stay on
/// their line, no GET changes state, ids of new records are the server's, a search by ID number is
/// never in a URL and the export's audit row masks it, and an application whose person was
/// transferred out still opens.
/// </summary>
public sealed class SmallFindingsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Staff = ["community1", "street1", "county1", "city1", "admin", "employer1", "seeker1"];

    private static readonly string[] CarriageReturnList = ["a\rb"];

    /// <summary>
    /// A <see cref="RangeAttribute"/> with an int or double overload on a decimal (or any other
    /// mismatch) converts the posted value to its own type and throws on overflow (a 500): every
    /// range's operand type is its property's.
    /// </summary>
    [Fact]
    public void RangeAttributes_OnEveryBoundProperty_HaveTheirPropertysType()
    {
        var mismatches = new List<string>();
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<RangeAttribute>() is not { } range)
                {
                    continue;
                }

                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (range.OperandType != propertyType)
                {
                    mismatches.Add($"{type.FullName}.{property.Name}: [Range] of {range.OperandType.Name} on {propertyType.Name}");
                }
            }
        }

        mismatches.Should().BeEmpty();
    }

    /// <summary>Every number field of every form a staff role reaches, posted with a huge and a negative value: a field error or a refusal, never a 500.</summary>
    [Fact]
    public async Task NumericFields_HugeAndNegativeValues_NeverAnswer500()
    {
        using var community = await portal.SignInAsync("community1");
        var person = await community.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1980, 3, 3), Sex.Male), "数值测试");
        var extra = new Dictionary<string, string[]>
        {
            ["community1"] = [$"{person}/Edit"],
        };

        var failures = new List<string>();
        var forms = 0;
        foreach (var who in Staff)
        {
            using var client = await portal.SignInAsync(who);
            foreach (var url in ParameterlessPages().Concat(extra.GetValueOrDefault(who, [])))
            {
                var (response, page) = await client.GetPageAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var numericForms = page.QuerySelectorAll<IHtmlFormElement>("main form")
                    .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && f.QuerySelectorAll("input[type=number]").Length > 0)
                    .ToList();
                for (var i = 0; i < numericForms.Count; i++)
                {
                    foreach (var value in new[] { "99999999999999999999", "7922816251426433759354395033", "-99999999999", "-1" })
                    {
                        // Fresh page for each post: the antiforgery token and hidden fields as a browser has them.
                        var (_, fresh) = await client.GetPageAsync(url);
                        var form = fresh.QuerySelectorAll<IHtmlFormElement>("main form")
                            .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && f.QuerySelectorAll("input[type=number]").Length > 0)
                            .ElementAt(i);
                        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=number]").Where(n => !string.IsNullOrEmpty(n.Name)).ToDictionary(n => n.Name!, _ => value);
                        var button = form.QuerySelector<IHtmlButtonElement>("button[type=submit], button:not([type])");
                        var posted = await client.PostFormAsync(form, url, fields, button?.GetAttribute("formaction"));
                        forms++;
                        if ((int)posted.StatusCode >= 500)
                        {
                            failures.Add($"{who} {url} form {i} ({string.Join(',', fields.Keys)}) = {value}: {(int)posted.StatusCode}");
                        }
                    }
                }
            }
        }

        forms.Should().BeGreaterThan(8, "the sweep reached the number fields");
        failures.Should().BeEmpty(string.Join('\n', failures));

        // The one the finding named: desired pay above int.MaxValue is a field error, and so is a negative one.
        foreach (var pay in new[] { "3000000000", "-5" })
        {
            var response = await community.SubmitFormAsync($"{person}/Edit", new Dictionary<string, string> { ["Input.WishedMonthlyPay"] = pay });
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await Html.ParseAsync(response)).Errors().Should().Contain("期望月薪应在 0 到 1,000,000 元之间");
        }
    }

    /// <summary>A user name with CR/LF and control characters cannot forge a line in the text log: the value is escaped.</summary>
    [Fact]
    public async Task Logging_LineBreaksAndControlsInValues_AreEscapedOnTheirLine()
    {
        // A typed user name with control characters is now refused before anything logs it (TextInput);
        // the formatter is the class fix for every other value that reaches a log line.
        var logger = portal.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogForgingTest");
        logger.LogInformation("Sign-in refused for {UserName}", "mallory\r\n[10:00:00 INF] Forged: admin signed in\u001b[31m\u202E");
        logger.LogWarning(new InvalidOperationException("bad\nFAKE LINE"), "Value {Value} and {List}", "eve\n[10:00:01 ERR] Forged too", CarriageReturnList);
        await Eventually.HoldsAsync(() => portal.Factory.Log.Contains("LogForgingTest", StringComparison.Ordinal) && portal.Factory.Log.Contains("mallory", StringComparison.Ordinal), "both lines are written");

        var lines = portal.Factory.Log.ReplaceLineEndings("\n").Split('\n');
        lines.Should().NotContain(l => l.StartsWith("[10:00:00 INF] Forged", StringComparison.Ordinal) || l.StartsWith("[10:00:01 ERR] Forged", StringComparison.Ordinal) || l.StartsWith("FAKE LINE", StringComparison.Ordinal));
        portal.Factory.Log.Should().Contain("mallory\\r\\n[10:00:00 INF] Forged").And.Contain("\\u001B[31m\\u202E").And.Contain("eve\\n[10:00:01 ERR]").And.Contain("a\\\\rb", "a sequence is rendered as JSON, its escape escaped");
        portal.Factory.Log.Should().NotContain("\u001b").And.NotContain("\u202E");
    }

    /// <summary>
    /// Every page GET (and GET handler), as every role and anonymously, with an ended notice whose
    /// applications a GET used to make payable: no table of application state changes (the audit log
    /// of reads and the Data Protection key ring aside).
    /// </summary>
    [Fact]
    public async Task EveryPageGet_AsEveryRole_ChangesNoTable()
    {
        var (person, id) = await portal.ApprovedJobDevelopmentWithPersonAsync("只读张三");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("只读检查公示", id);
        await TestSql.ExecuteAsync(portal.ConnectionString, $"UPDATE notices SET starts_on = starts_on - 30, ends_on = ends_on - 30 WHERE id = '{notice}'");

        var clients = new List<(string Who, PortalClient Client)> { ("anonymous", portal.Anonymous()) };
        foreach (var who in Staff)
        {
            clients.Add((who, await portal.SignInAsync(who)));
        }

        var urls = ParameterlessPages().Concat(GetHandlers())
            .Concat([$"/Applications/{id}", $"/Bureau/Notices/{notice}", $"/Notices/{notice}", person, $"/Station/Applications/Edit?personId={PersonId(person)}&scheme=CommunityJobDevelopment"])
            .ToList();
        var before = await FingerprintAsync();
        foreach (var (_, client) in clients)
        {
            foreach (var url in urls)
            {
                await client.GetAsync(url);
            }
        }

        var after = await FingerprintAsync();
        after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).Should().BeEmpty("no GET changes state");
        (await TestSql.ScalarAsync<short>(portal.ConnectionString, $"SELECT status FROM subsidy_applications WHERE id = '{id}'")).Should().Be((short)ApplicationStatus.InNotice);

        // The change moved to a POST (and to the hourly job): the application becomes payable.
        (await county.ClickAsync("/Bureau/Notices", "[data-testid=close-ended]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<short>(portal.ConnectionString, $"SELECT status FROM subsidy_applications WHERE id = '{id}'")).Should().Be((short)ApplicationStatus.Payable);
        foreach (var (_, client) in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// A page's title starts with "错误：" only when the page shows an error (a summary or a field's
    /// message), and names the site once: every page without route values, as every role. The ledgers and lists bound a
    /// query value named <c>page</c>, which is also Razor Pages' own route value (the page's path),
    /// so it never parsed: the title said 错误 over a page without one, and paging never worked.
    /// </summary>
    [Fact]
    public async Task EveryPage_AsEveryRole_TitleSaysErrorOnlyOverAShownError_AndTheSiteOnce()
    {
        var urls = ParameterlessPages();
        var wrong = new List<string>();
        foreach (var who in Staff.Append("auditor").Append("secadmin"))
        {
            using var client = await portal.SignInAsync(who);
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var page = await Html.ParseAsync(response);
                if (page.Title?.StartsWith("错误", StringComparison.Ordinal) == true && page.QuerySelector("[data-testid=error-summary], .field-error") is null)
                {
                    wrong.Add($"{who} {url}: {page.Title}");
                }

                if (page.Title is not { } title || title.Split("公共就业服务平台").Length != 2)
                {
                    wrong.Add($"{who} {url}: the site's name is not in the title once: {page.Title}");
                }
            }
        }

        urls.Should().Contain(["/Station/Persons", "/Station/Households", "/Station/Referrals", "/Admin/Audit"]);
        wrong.Should().BeEmpty();
    }

    /// <summary>No page binds a value under a name Razor Pages routes by (<c>page</c>, <c>handler</c>, <c>area</c>): such a value never binds, and a link cannot carry it.</summary>
    [Fact]
    public void PageModels_BindNoValueUnderARouteName()
    {
        string[] routeNames = ["page", "handler", "area"];
        var bound = new List<string>();
        foreach (var model in typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t)))
        {
            bound.AddRange(model.GetProperties()
                .Select(p => (Property: p, Bind: p.GetCustomAttributes(typeof(BindPropertyAttribute), true).OfType<BindPropertyAttribute>().FirstOrDefault()))
                .Where(p => p.Bind is not null && routeNames.Contains(p.Bind.Name ?? p.Property.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => $"{model.Name}.{p.Property.Name}"));
            bound.AddRange(model.GetMethods()
                .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters().Select(a => (Method: m, Parameter: a)))
                .Where(a => routeNames.Contains(a.Parameter.Name, StringComparer.OrdinalIgnoreCase))
                .Select(a => $"{model.Name}.{a.Method.Name}({a.Parameter.Name})"));
        }

        bound.Should().BeEmpty();
    }

    /// <summary>Paging works on the ledger: the next link carries the page number, and the page shows the rows after the first 20.</summary>
    [Fact]
    public async Task Ledger_SecondPage_FromTheNextLink()
    {
        using var street = await portal.SignInAsync("street1");
        var start = new DateOnly(1975, 3, 1);
        for (var i = 0; i < 21; i++)
        {
            await street.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(start.AddDays(i), Sex.Female), "翻页" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), Community1);
        }

        var (_, first) = await street.GetPageAsync("/Station/Persons?q=" + Uri.EscapeDataString("翻页"));
        first.Title.Should().NotStartWith("错误");
        first.QuerySelectorAll("[data-testid=ledger] tbody tr").Should().HaveCount(20);
        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        next.Should().Contain("p=2");

        var (_, second) = await street.GetPageAsync(next);
        var rows = second.QuerySelectorAll("[data-testid=ledger] tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().ContainSingle().Which.Should().Contain("翻页");
        second.QuerySelector("nav.pager a[rel=prev]").Should().NotBeNull();
    }

    /// <summary>The sign-in page puts the cursor in the user name; after a refusal the error summary has the focus instead.</summary>
    [Fact]
    public async Task SignInPage_FocusesTheUserName_UnlessItShowsAnError()
    {
        using var visitor = portal.Anonymous();
        var (_, form) = await visitor.GetPageAsync("/Identity/Account/Login");
        form.QuerySelector("input[name='Input.UserName']")!.HasAttribute("autofocus").Should().BeTrue();
        form.QuerySelectorAll("[autofocus]").Should().ContainSingle();

        var refused = await visitor.SubmitFormAsync("/Identity/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "nobody-here", ["Input.Password"] = "wrong-password-1" });
        var page = await Html.ParseAsync(refused);
        page.QuerySelector("[data-testid=error-summary]").Should().NotBeNull();
        page.QuerySelectorAll("[autofocus]").Should().ContainSingle().Which.GetAttribute("data-testid").Should().Be("error-summary");
    }

    /// <summary>The id of a new application is the server's: a client-sent id (Guid.Empty, one of its choosing) is ignored, and the double-click guard still holds.</summary>
    [Fact]
    public async Task NewApplication_ClientChosenId_IsIgnored()
    {
        using var community = await portal.SignInAsync("community1");
        var chosen = Guid.Parse("0badc0de-0000-7000-8000-000000000001");
        foreach (var (name, sent) in new[] { ("自选编号甲", chosen.ToString()), ("自选编号乙", Guid.Empty.ToString()) })
        {
            var person = await community.RegisteredAsync(portal.ConnectionString, name, 45);
            var url = $"/Station/Applications/Edit?personId={PersonId(person)}&scheme=CommunityJobDevelopment";
            var fields = new Dictionary<string, string>(JobDevelopmentFacts(Today.AddYears(3).AddDays(-1))) { ["RequestId"] = sent, ["RequestToken"] = sent };
            var response = await community.ClickAsync(url, "[data-testid=submit]", fields);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            var made = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
            made.Should().NotBe(chosen).And.NotBe(Guid.Empty);
            (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM subsidy_applications WHERE id IN ('{chosen}', '{Guid.Empty}')")).Should().Be(0);
        }

        // The form's own sealed id still makes a double-clicked submit insert once.
        var twice = await community.RegisteredAsync(portal.ConnectionString, "双击编号", 45);
        var (_, page) = await community.GetPageAsync($"/Station/Applications/Edit?personId={PersonId(twice)}&scheme=CommunityJobDevelopment");
        var form = page.QuerySelector<IHtmlButtonElement>("[data-testid=submit]")!.Form!;
        var facts = JobDevelopmentFacts(Today.AddYears(3).AddDays(-1));
        var first = await community.PostFormAsync(form, "/Station/Applications/Edit", facts, page.QuerySelector("[data-testid=submit]")!.GetAttribute("formaction"));
        var second = await community.PostFormAsync(form, "/Station/Applications/Edit", facts, page.QuerySelector("[data-testid=submit]")!.GetAttribute("formaction"));
        first.Headers.Location.Should().Be(second.Headers.Location);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM subsidy_applications WHERE person_id = '{PersonId(twice)}'")).Should().Be(1);
    }

    /// <summary>A search by full ID number is posted, never in a URL: the address, the page's links and forms hold a sealed token, and the export's audit row the masked number.</summary>
    [Fact]
    public async Task LedgerSearchByIdNumber_NeverInAUrlOrLink_ExportAuditMasked()
    {
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1979, 9, 9), Sex.Female);
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, id, "台账查号");

        var (location, ledger) = await staff.SearchLedgerAsync(id);
        location.Should().NotContain(id).And.NotContain(id[6..14]);
        ledger.QuerySelectorAll("[data-testid=ledger] tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain("台账查号");
        ledger.QuerySelector("[data-testid=sealed-search]")!.TextContent.Should().Contain(id[..6] + "********" + id[14..]);
        var main = ledger.QuerySelector("main")!;
        main.InnerHtml.Should().NotContain(id, "no link, form or text of the page holds the full number");

        // A URL typed by hand with the number is sealed at once.
        var typed = await staff.GetAsync("/Station/Persons?q=" + id);
        typed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        typed.Headers.Location!.OriginalString.Should().NotContain(id);

        // The export follows the sealed search; its audit row keeps the number masked.
        var export = ledger.QuerySelector<IHtmlAnchorElement>("[data-testid=export]")!.GetAttribute("href")!;
        export.Should().NotContain(id);
        (await staff.GetAsync(export)).StatusCode.Should().Be(HttpStatusCode.OK);
        var audit = await TestSql.ScalarAsync<string>(portal.ConnectionString, "SELECT after::text FROM audit_events WHERE action = 'LedgerExported' ORDER BY occurred_at DESC, id DESC LIMIT 1");
        audit.Should().NotContain(id).And.Contain(id[..6] + "********" + id[14..]);

        // Name searches still read as before, in the URL.
        var (byName, named) = await staff.SearchLedgerAsync("台账查号");
        byName.Should().Contain("q=");
        named.QuerySelectorAll("[data-testid=ledger] tbody tr").Should().ContainSingle();
    }

    /// <summary>
    /// An approved application whose person was transferred out of the county since: the notice
    /// page, the application's page, the payment page and the objection list still answer, with
    /// the name the application keeps.
    /// </summary>
    [Fact]
    public async Task PersonTransferredOut_ApprovedApplication_PagesStillAnswer()
    {
        var (person, id) = await portal.ApprovedJobDevelopmentWithPersonAsync("转出王五");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("转出前公示", id);
        using (var anonymous = portal.Anonymous())
        {
            (await anonymous.ClickAsync($"/Notices/{notice}", "[data-testid=lodge]", new Dictionary<string, string> { ["ApplicationId"] = id, ["Text"] = "已迁出" }))
                .StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var (_, other) = await portal.ApprovedJobDevelopmentWithPersonAsync("转出赵六");
        await TestSql.ExecuteAsync(portal.ConnectionString,
            $"UPDATE persons SET region_code = '{District2Community}', region_id = (SELECT id FROM regions WHERE code = '{District2Community}') WHERE id IN ('{PersonId(person)}', (SELECT person_id FROM subsidy_applications WHERE id = '{other}'))");

        var (list, notices) = await county.GetPageAsync("/Bureau/Notices");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        notices.QuerySelector("[data-testid=approved]")!.TextContent.Should().Contain("向阳社区便民服务部", "the name the application keeps (its applicant) stands in for the person's");
        var (detail, application) = await county.GetPageAsync($"/Applications/{id}");
        detail.StatusCode.Should().Be(HttpStatusCode.OK);
        application.MainText().Should().Contain("向阳社区便民服务部");
        var (noticePage, noticeDetail) = await county.GetPageAsync($"/Bureau/Notices/{notice}");
        noticePage.StatusCode.Should().Be(HttpStatusCode.OK);
        noticeDetail.QuerySelector("[data-testid=objections]")!.TextContent.Should().Contain("已迁出", "an objection to a person who moved is still shown: it blocks payment");
        (await county.GetAsync("/Bureau/Payments")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await county.GetAsync("/Bureau/Applications")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private List<string> ParameterlessPages()
    {
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.Contains("Logout", StringComparison.OrdinalIgnoreCase))
            .Distinct().ToList();
    }

    /// <summary>The named GET handlers (an export, a download) of the pages without route values.</summary>
    private List<string> GetHandlers()
    {
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var models = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var urls = new List<string>();
        foreach (var endpoint in endpoints.Where(e => e.RoutePattern.Parameters.Count == 0))
        {
            var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
            if (page is null || endpoint.RoutePattern.RawText is not { } raw)
            {
                continue;
            }

            var name = "EmploymentPortal.Web." + page.RelativePath.TrimStart('/').Replace(".cshtml", "Model", StringComparison.Ordinal).Replace('/', '.');
            var model = models.FirstOrDefault(m => m.FullName == name);
            foreach (var method in model?.GetMethods(BindingFlags.Public | BindingFlags.Instance) ?? [])
            {
                var handler = method.Name.StartsWith("OnGet", StringComparison.Ordinal) ? method.Name[5..].Replace("Async", string.Empty, StringComparison.Ordinal) : string.Empty;
                if (handler.Length > 0)
                {
                    urls.Add($"/{raw.TrimStart('/')}?handler={handler}");
                }
            }
        }

        return urls.Distinct().ToList();
    }

    /// <summary>A digest of every table's rows, but the audit log (reads are audited) and the Data Protection key ring.</summary>
    private async Task<Dictionary<string, string>> FingerprintAsync()
    {
        var tables = (await TestSql.ScalarAsync<string[]>(portal.ConnectionString,
            "SELECT array_agg(quote_ident(table_name)) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_events', 'data_protection_keys')")).ToList();
        var digests = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            digests[table] = await TestSql.ScalarAsync<string>(portal.ConnectionString, $"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t");
        }

        return digests;
    }

}

/// <summary>A public notice is public for its period and the configured retention after it, then answers 404 (moves the class's clock).</summary>
public sealed class NoticeRetentionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task PublicNotice_AfterItsPeriodAndRetention_Answers404AndLeavesTheList()
    {
        var id = await portal.ApprovedJobDevelopmentAsync("留存孙七");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("留存期检查", id);
        var endsOn = await TestSql.ScalarAsync<DateOnly>(portal.ConnectionString, $"SELECT ends_on FROM notices WHERE id = '{notice}'");

        using var anonymous = portal.Anonymous();
        async Task<HttpStatusCode> OnDay(DateOnly day)
        {
            portal.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)); // 10:00 in Beijing
            return (await anonymous.GetAsync($"/Notices/{notice}")).StatusCode;
        }

        (await OnDay(endsOn.AddDays(90))).Should().Be(HttpStatusCode.OK, "the default retention is 90 days after the last working day");
        (await anonymous.GetPageAsync("/Notices")).Document.MainText().Should().Contain("留存期检查");
        (await OnDay(endsOn.AddDays(91))).Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetPageAsync("/Notices")).Document.MainText().Should().NotContain("留存期检查");
    }
}

/// <summary>Ledger search through its form, as a browser does it.</summary>
internal static class LedgerSearch
{
    /// <summary>Posts the ledger's search form with <paramref name="text"/>; the address it lands on and the page there.</summary>
    public static async Task<(string Location, IDocument Page)> SearchLedgerAsync(this PortalClient staff, string text)
    {
        var response = await staff.SubmitFormAsync("/Station/Persons", new Dictionary<string, string> { ["q"] = text }, "form[role=search]");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        return (location, (await staff.GetPageAsync(location)).Document);
    }
}
