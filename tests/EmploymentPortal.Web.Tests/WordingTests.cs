using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Localization;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Wording and formats a Chinese civil servant expects (issue 16, item 7): sources by document
/// title and number, staff names on records, Chinese punctuation, grouped amounts, the 月报's
/// standard lines, status tones, pinyin order.
/// </summary>
public sealed partial class WordingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public void Texts_ZhCn_NoHalfWidthPunctuationNextToChinese()
    {
        var folder = Path.Combine(TestSql.SolutionRoot(), "src", "EmploymentPortal.Web", "Localization");
        var files = Directory.EnumerateFiles(folder, "Texts*.zh-CN.json").ToList();
        files.Should().HaveCountGreaterThan(5);
        var offending = files
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!)
            .Where(kv => HalfWidthNextToChinese(kv.Value))
            .Select(kv => $"{kv.Key}: {kv.Value}")
            .ToList();
        offending.Should().BeEmpty("Chinese text uses full-width ，：；？！（）");
    }

    [Theory]
    [InlineData("请输入姓名(必填)", true)]
    [InlineData("姓名:张三", true)]
    [InlineData("已保存, 请返回", true)]
    [InlineData("确定吗?", true)]
    [InlineData("请输入姓名（必填）", false)]
    [InlineData("{0}:{1} 共 1,000 元", false)]
    [InlineData("见 https://example.org/a?b=1 说明", false)]
    [InlineData("导出 Excel (.xlsx)", false)]
    public void HalfWidthNextToChinese_FlagsOnlyPunctuationBesideChineseText(string text, bool flagged) =>
        HalfWidthNextToChinese(text).Should().Be(flagged);

    [Fact]
    public async Task PolicyPage_ShowsSourcesByDocumentTitleAndNumber_NotCodes()
    {
        using var anonymous = portal.Anonymous();
        var (response, page) = await anonymous.GetPageAsync("/Policies/SmallLoan");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = page.QuerySelector("main")!.TextContent;
        text.Should().Contain("《关于印发推进社区就业再就业工作意见的通知》（连政发〔2003〕97号）第四部分第（一）项");
        text.Should().NotContain("003 §").And.NotContain("§");
    }

    [Fact]
    public void StatusTones_EligibleAndNotEligible_LookDifferent()
    {
        StatusTones.Tag(Decision.Eligible).Should().Be("tag tone-success");
        StatusTones.Tag(Decision.NotEligible).Should().Be("tag tone-failure");
        StatusTones.Tag(Outcome.Unknown).Should().Be("tag tone-pending", "待补充 is waiting for information");
        StatusTones.Tag(CertificationStatus.Approved).Should().Be("tag tone-success");
        StatusTones.Tag(Domain.Subsidies.ApplicationStatus.Rejected).Should().Be("tag tone-failure");
        StatusTones.Tag(Domain.Households.ZeroEmploymentStatus.None).Should().Be("tag tone-neutral");
    }

    [Fact]
    public async Task PersonCheck_DecisionTagCarriesItsTone()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1972, 3, 9), Sex.Female), "色标甲");
        var (_, page) = await staff.GetPageAsync(url);
        var tags = page.QuerySelectorAll("main .tag").ToList();
        tags.Should().NotBeEmpty();
        tags.Should().OnlyContain(t => t.ClassList.Any(c => c.StartsWith("tone-", StringComparison.Ordinal)), "every status tag on the person page says what it means by its tone");
    }

    [Fact]
    public async Task Records_ShowTheStaffMembersName_NotTheLogin_AndARenameShowsAtOnce()
    {
        using var staff = await portal.SignInAsync("community1b");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1983, 8, 21), Sex.Male), "经办甲");
        var (_, history) = await staff.GetPageAsync(url + "/History");
        var who = history.QuerySelector("[data-testid=audit-who]")!.TextContent;
        who.Should().Be("周婷（向阳社区劳动保障事务站）").And.NotContain("community1b");

        using var admin = await portal.SignInAsync("admin");
        var id = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM users WHERE user_name = 'community1b'");
        var renamed = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string> { ["Rename.DisplayName"] = "钱芳" }, "main form[action*='handler=Rename']");
        renamed.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, after) = await staff.GetPageAsync(url + "/History");
        after.QuerySelector("[data-testid=audit-who]")!.TextContent.Should().Be("钱芳（向阳社区劳动保障事务站）");
    }

    private static readonly string[] FormColumns = ["A", "B", "C", "D", "E", "F"];

    [Fact]
    public async Task MonthlyReport_CarriesTheStandardFormLines()
    {
        using var street = await portal.SignInAsync("street1");
        var (response, page) = await street.GetPageAsync("/Station/MonthlyReport");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        string Line(string id) => page.QuerySelector($"[data-testid={id}]")!.TextContent;
        Line("form-number").Should().Be("表号：未设定", "the tests configure no form number");
        Line("form-authority").Should().Be("制表机关：潍坊市人力资源和社会保障局");
        Line("form-filing-unit").Should().Be("填报单位：城关街道劳动保障事务所");
        Line("form-units").Should().StartWith("计量单位：");
        Line("form-head-of-unit").Should().Be("单位负责人：");
        Line("form-preparer").Should().Be("填表人：王丽");
        Line("form-filed-on").Should().Be($"填报日期：{TestClock.Today.Year}年{TestClock.Today.Month}月{TestClock.Today.Day}日");

        var export = await street.GetAsync("/Station/MonthlyReport?handler=Export");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        MiniExcelLibs.MiniExcel.GetSheetNames(stream).Should().Equal("就业失业统计月报");
        var rows = MiniExcelLibs.MiniExcel.Query(stream, sheetName: "就业失业统计月报").Cast<IDictionary<string, object>>()
            .Select(r => FormColumns.Select(c => r[c]?.ToString()).ToArray()).ToList();

        // One sheet, as the printed form: title, area and month, then 表号 | 制表机关, 填报单位 | 计量单位,
        // the table's header, its lines, and 单位负责人 | 填表人 | 填报日期 below it.
        rows[0][0].Should().Be("就业失业统计月报");
        rows[2][0].Should().Be("表号：未设定");
        rows[2][3].Should().Be("制表机关：潍坊市人力资源和社会保障局");
        rows[3][0].Should().Be("填报单位：城关街道劳动保障事务所");
        rows[3][3].Should().StartWith("计量单位：");
        rows[4].Should().Equal("序号", "指标", "计量单位", "本月", "本年累计", "期末数");
        rows[^1][0].Should().Be("单位负责人：");
        rows[^1][2].Should().Be("填表人：王丽");
        rows[^1][4].Should().Be($"填报日期：{TestClock.Today.Year}年{TestClock.Today.Month}月{TestClock.Today.Day}日");
    }

    [Fact]
    public async Task Ledger_SortsNamesInPinyinOrder()
    {
        using var staff = await portal.SignInAsync("community1");
        // Code-point order would give 乙 (U+4E59), 张, 王, 甲 (U+7532); pinyin gives jiǎ, wáng, yǐ, zhāng.
        var names = new[] { "拼序乙", "拼序张", "拼序王", "拼序甲" };
        for (var i = 0; i < names.Length; i++)
        {
            await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1990, 1, 10 + i), Sex.Male), names[i]);
        }

        var (_, page) = await staff.GetPageAsync("/Station/Persons?q=" + Uri.EscapeDataString("拼序"));
        page.QuerySelectorAll("[data-testid=ledger] tbody tr td a").Select(a => a.TextContent).Should().Equal("拼序甲", "拼序王", "拼序乙", "拼序张");
    }

    [Fact]
    public async Task KeyPages_ShowNoUngroupedAmounts()
    {
        using var anonymous = portal.Anonymous();
        using var county = await portal.SignInAsync("county1");
        var pages = new List<string>();
        foreach (var url in new[] { "/Policies", "/Policies/SmallLoan", "/Jobs", "/Schemes", "/Schemes/SmallLoan" })
        {
            pages.Add((await anonymous.GetPageAsync(url)).Document.QuerySelector("main")?.TextContent ?? string.Empty);
        }

        foreach (var url in new[] { "/Bureau/Dashboard", "/Bureau/Targets", "/Bureau/Payments", "/Bureau/Applications" })
        {
            var (response, document) = await county.GetPageAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            pages.Add(document.QuerySelector("main")!.TextContent);
        }

        pages.SelectMany(p => Ungrouped().Matches(p).Select(m => m.Value)).Should().BeEmpty("amounts are written 200,000 元 or 20 万元");
    }

    private static bool HalfWidthNextToChinese(string text)
    {
        var stripped = Placeholder().Replace(Url().Replace(text, " "), " ");
        return HalfWidthBesideCjk().IsMatch(stripped);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”] ?[,:;?!()]|[,:;?!()] ?[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]")]
    private static partial Regex HalfWidthBesideCjk();

    [GeneratedRegex(@"\d{5,}\s*(元|yuan)")]
    private static partial Regex Ungrouped();
}
