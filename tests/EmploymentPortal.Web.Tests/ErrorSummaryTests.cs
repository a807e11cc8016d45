using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Issue 16, item 3 (error summaries that do not say where, errors in rounds): every summary item
/// of every form names its field ("月薪下限：此项必填") and links to an element of the page; the
/// rules between fields come with the missing fields in one round; an import reports every rule
/// broken in every row at once, each error with its own row, column and rule.
/// </summary>
public sealed partial class ErrorSummaryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Headers =
        ["身份证号码*", "姓名*", "手机号码", "居住地址*", "户籍类型*", "文化程度*", "就业状态*", "劳动能力*", "有就业愿望*", "社区代码*", "失业登记日期"];

    /// <summary>
    /// Every role (and an anonymous visitor) follows the portal's links, one page per route, and
    /// posts every form of every page with its typed fields emptied: each summary item with a link
    /// starts with a field name — the label the page shows for that field — and links to an
    /// element of the page; the summary is focused when the page loads.
    /// </summary>
    [Fact]
    public async Task EveryFormOfEveryPage_PostedEmpty_EachSummaryItemNamesItsFieldAndLinksToIt()
    {
        var failures = new List<string>();
        var fieldItems = new HashSet<string>();

        // Every page without route values (whether or not a link leads there), and a person in a
        // household and one alone, so that the pages of persons' and households' records are reached.
        var starts = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(url => !Skipped(url))
            .ToList();
        using (var staff = await portal.SignInAsync("community1"))
        {
            var person = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1975, 5, 25), Sex.Male), "摘要探针甲");
            var alone = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1976, 6, 26), Sex.Female), "摘要探针乙");
            starts.AddRange([person, person + "/Edit", person + "/Cancel", await staff.CreateHouseholdUrlAsync(person), alone, "/Station/Households/Create/" + alone.Split('/')[^1]]);
        }

        // The administrators last: what their blank forms might change comes after the others' crawl.
        foreach (var who in new string?[] { null, "community1", "street1", "county1", "city1", "employer1", "seeker1", "admin", "secadmin" })
        {
            using var client = who is null ? portal.Anonymous() : await portal.SignInAsync(who);
            await CrawlAsync(client, who ?? "anonymous", starts, failures, fieldItems);
        }

        failures.Should().BeEmpty(string.Join('\n', failures));
        fieldItems.Should().HaveCountGreaterThan(40, "the crawl reached the portal's forms: {0}", string.Join(", ", fieldItems));
        fieldItems.Should().Contain(["/Postings/Edit Input_Title", "/Station/Persons/Register IdNumber", "/Identity/Account/Login Input_UserName"]);
    }

    [Fact]
    public async Task Posting_ReversedPayAndReversedDatesWithAMissingTitle_AllInOneRound()
    {
        using var county = await portal.SignInAsync("county1");
        var employer = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM employers WHERE region_code LIKE '370702%' ORDER BY name LIMIT 1");
        var url = $"/Postings/Edit?employerId={employer}";
        var (_, form) = await county.GetPageAsync(url);
        var region = form.QuerySelectorAll("#Input_RegionId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;

        var response = await county.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = string.Empty,
            ["Input.RegionId"] = region,
            ["Input.PayMin"] = "5000",
            ["Input.PayMax"] = "3000",
            ["Input.ValidFrom"] = Day(20),
            ["Input.ValidTo"] = Day(10),
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.ErrorItems().Should().Contain([
            ("岗位名称：此项必填", "#Input_Title"),
            ("月薪上限（元）：月薪范围不正确：上限不能低于下限，且不超过 1,000,000", "#Input_PayMax"),
            ("有效期至：有效期不正确：结束日期不能早于开始日期或今天", "#Input_ValidTo"),
        ]);
        page.QuerySelector("#Input_PayMax-error")!.TextContent.Should().Contain("月薪范围不正确");
        page.QuerySelector("#Input_ValidTo-error")!.TextContent.Should().Contain("有效期不正确");

        // In English the field names are the English labels.
        var english = await Html.ParseAsync(await county.SubmitFormAsync(url + "&culture=en-US", new Dictionary<string, string> { ["Input.Title"] = string.Empty }));
        english.ErrorItems().Should().Contain(i => i.Href == "#Input_Title" && i.Text.StartsWith(english.QuerySelector("label[for=Input_Title]")!.TextContent.Trim() + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Layoff_NoEmployerAndMoreCutThanStaff_BothInOneRound()
    {
        using var county = await portal.SignInAsync("county1");

        var response = await county.SubmitFormAsync("/Layoffs/File", new Dictionary<string, string>
        {
            ["Input.EmployerId"] = string.Empty,
            ["Input.ReductionCount"] = "1200",
            ["Input.WorkforceCount"] = "1000",
            ["Input.PlannedOn"] = Day(40),
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var items = (await Html.ParseAsync(response)).ErrorItems();
        items.Select(i => i.Href).Should().Contain(["#Input_EmployerId", "#Input_ReductionCount"]);
        items.Should().Contain(i => i.Href == "#Input_ReductionCount" && i.Text.EndsWith("计划裁减人数不能超过现有职工总数", StringComparison.Ordinal));
    }

    /// <summary>
    /// A value not in the list (户籍类型) in one row and a malformed mobile number in another: both
    /// in the first answer. A row breaking three rules of the person's details (name too long, mobile
    /// number, address too long) gets three errors, each on its column with its own message; a row
    /// with a wrong value and an already registered number is told both.
    /// </summary>
    [Fact]
    public async Task Import_ListErrorAndPhoneErrorInDifferentRows_AllReportedAtOnce_EachWithRowColumnAndRule()
    {
        using var staff = await portal.SignInAsync("community1");
        var already = TestIds.Make(new DateOnly(1968, 8, 18), Sex.Female, "370705");
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, already, "一轮已登记者");
        var rows = new[]
        {
            Row(TestIds.Make(new DateOnly(1981, 1, 21), Sex.Male, "370705"), "一轮甲", hukou: "火星户口"),
            Row(TestIds.Make(new DateOnly(1982, 2, 22), Sex.Male, "370705"), "一轮乙", phone: "12345"),
            Row(TestIds.Make(new DateOnly(1983, 3, 23), Sex.Male, "370705"), new string('名', 51), phone: "23800000000", address: new string('址', 201)),
            Row(already, "一轮已登记者", hukou: "火星户口"),
            Row(TestIds.Make(new DateOnly(1984, 4, 24), Sex.Female, "370705"), "一轮丙"),
        };

        var response = await UploadAsync(staff, rows);

        var page = await Html.ParseAsync(response);
        page.QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 5 行：导入 1 行，不合格 4 行");
        var errors = page.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(cells => (Row: cells[0], Column: cells[1], Reason: cells[2]))
            .ToList();
        errors.Where(e => e.Column != "身份证号码").Should().Equal(
            ("2", "户籍类型", "不是可填写的值，见模板第二页"),
            ("3", "手机号码", "手机号码应为 11 位数字，以 1 开头"),
            ("4", "姓名", "不能超过 50 个字符"),
            ("4", "手机号码", "手机号码应为 11 位数字，以 1 开头"),
            ("4", "居住地址", "不能超过 200 个字符"),
            ("5", "户籍类型", "不是可填写的值，见模板第二页"));
        errors.Should().ContainSingle(e => e.Column == "身份证号码").Which.Should().Match<(string Row, string Column, string Reason)>(e => e.Row == "5" && e.Reason.StartsWith("该身份证号码已登记", StringComparison.Ordinal));
        errors.FindIndex(e => e.Column == "身份证号码").Should().Be(5, "row 5's errors come in the columns' order");
        errors.Should().OnlyContain(e => e.Column.Length > 0, "every error names its column");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM persons WHERE name LIKE '一轮%' AND name <> '一轮已登记者'")).Should().Be(1);
    }

    private static async Task CrawlAsync(PortalClient client, string who, List<string> starts, List<string> failures, HashSet<string> fieldItems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/", "/Station/Persons/Register", "/Identity/Account/Login", "/Identity/Account/Register", .. starts]);
        var visited = 0;
        while (queue.Count > 0 && visited < 200)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Pattern(url)))
            {
                continue;
            }

            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            visited++;
            var document = await Html.ParseAsync(response);
            foreach (var href in document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                if (!Skipped(href) && !seen.Contains(Pattern(href)))
                {
                    queue.Enqueue(href);
                }
            }

            var forms = document.QuerySelectorAll<IHtmlFormElement>("main form").Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var form in forms)
            {
                var blank = form.Elements
                    .Where(e => e is IHtmlTextAreaElement or IHtmlSelectElement or IHtmlInputElement { Type: "text" or "number" or "date" or "month" or "email" or "tel" or "search" or "password" })
                    .Select(e => e.GetAttribute("name"))
                    .OfType<string>()
                    .Where(n => n.Length > 0 && n != "culture")
                    .Distinct()
                    .ToDictionary(n => n, _ => string.Empty);
                if (blank.Count == 0)
                {
                    continue;
                }

                var button = form.Elements.OfType<IHtmlButtonElement>().FirstOrDefault(b => b.Type == "submit");
                if (button?.GetAttribute("name") is { Length: > 0 } buttonName && !blank.ContainsKey(buttonName))
                {
                    blank[buttonName] = button.Value;
                }

                var posted = await client.PostFormAsync(form, url, blank, button?.GetAttribute("formaction"));
                var answer = await Html.ParseAsync(posted);
                Check(answer, $"{who} POST {Pattern(url)}", Pattern(url), failures, fieldItems);
            }
        }
    }

    private static void Check(IDocument page, string where, string route, List<string> failures, HashSet<string> fieldItems)
    {
        var summary = page.QuerySelector("[data-testid=error-summary]");
        if (summary is null)
        {
            return;
        }

        if (!summary.HasAttribute("autofocus"))
        {
            failures.Add($"{where}: the error summary is not focused on load");
        }

        foreach (var item in summary.QuerySelectorAll("li"))
        {
            var link = item.QuerySelector("a");
            if (link is null)
            {
                continue;
            }

            var id = link.GetAttribute("href") is { Length: > 1 } href && href[0] == '#' ? href[1..] : null;
            var field = link.QuerySelector(".error-summary-field")?.TextContent.TrimEnd('：', ':', ' ');
            if (id is null || page.GetElementById(id) is null)
            {
                failures.Add($"{where}: '{item.TextContent.Trim()}' links to '{link.GetAttribute("href")}', no element of the page");
            }
            else if (string.IsNullOrEmpty(field))
            {
                failures.Add($"{where}: '{item.TextContent.Trim()}' (#{id}) does not name its field");
            }
            else if (page.QuerySelector($"label[for='{id}']") is { } label && !label.TextContent.Contains(field, StringComparison.Ordinal))
            {
                failures.Add($"{where}: '{item.TextContent.Trim()}' names '{field}', the page labels #{id} '{label.TextContent.Trim()}'");
            }
            else
            {
                fieldItems.Add($"{route} {id}");
            }
        }
    }

    /// <summary>Downloads, sign-out, the culture switch and status pages are not forms to try.</summary>
    private static bool Skipped(string href) =>
        href.Contains("handler=", StringComparison.OrdinalIgnoreCase) || href.Contains("Logout", StringComparison.Ordinal)
        || href.StartsWith("/Culture", StringComparison.Ordinal) || href.StartsWith("/Status", StringComparison.Ordinal) || href.StartsWith("/health", StringComparison.Ordinal)
        || href.StartsWith("/api", StringComparison.Ordinal) || href.StartsWith("/css", StringComparison.Ordinal) || href.StartsWith("/js", StringComparison.Ordinal);

    /// <summary>A URL's route: ids and numbers as {}, no query string (one page per route is tried).</summary>
    private static string Pattern(string url) => IdSegment().Replace(url.Split('?', '#')[0], "{}");

    [GeneratedRegex("(?<=/)([0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[0-9]+)(?=/|$)")]
    private static partial Regex IdSegment();

    private string Day(int days) => portal.Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object> Row(string id, string name, string hukou = "城镇", string phone = "13900000000", string address = "潍城区胜利街 1 号") => new()
    {
        [Headers[0]] = id,
        [Headers[1]] = name,
        [Headers[2]] = phone,
        [Headers[3]] = address,
        [Headers[4]] = hukou,
        [Headers[5]] = "初中",
        [Headers[6]] = "失业",
        [Headers[7]] = "完全劳动能力",
        [Headers[8]] = "是",
        [Headers[9]] = Community1,
        [Headers[10]] = string.Empty,
    };

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient staff, IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        return await staff.FollowTaskAsync(await staff.UploadAsync("/Station/Persons/Import", "file", "persons.xlsx", stream.ToArray(), new Dictionary<string, string> { ["Mode"] = "ValidRows" }));
    }
}
