using System.Net;
using System.Text.RegularExpressions;
using EmploymentPortal.TestCommon;
using EmploymentPortal.Web.Localization;

namespace EmploymentPortal.Web.Tests;

public sealed partial class LocalizationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public void Texts_BothCultures_HaveTheSameKeys()
    {
        var texts = new JsonTexts();
        texts.For("zh-CN").Keys.Should().BeEquivalentTo(texts.For("en-US").Keys);
        texts.For("zh-CN").Values.Should().NotContain(string.Empty);
    }

    [Fact]
    public void Texts_EveryKeyUsedInTheSource_Exists()
    {
        var texts = new JsonTexts().For("zh-CN");
        var web = Path.Combine(TestSql.SolutionRoot(), "src", "EmploymentPortal.Web");
        var infrastructure = Path.Combine(TestSql.SolutionRoot(), "src", "EmploymentPortal.Core");
        var used = Directory.EnumerateFiles(web, "*.cs*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(infrastructure, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Where(k => !k.EndsWith('.'))
            .Distinct()
            .ToList();

        used.Should().HaveCountGreaterThan(100);
        used.Where(k => !texts.ContainsKey(k)).Should().BeEmpty();
    }

    [Fact]
    public void Texts_EveryRefusalKeyOfTheDomain_ExistsInBothCultures()
    {
        // The domain refuses with a DomainException subtype whose message is a text key (and the
        // field it belongs to): each key thrown, or handed to a helper that throws it, has a text.
        var refusals = typeof(Domain.Common.DomainException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Domain.Common.DomainException)))
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        var domain = Path.Combine(TestSql.SolutionRoot(), "src", "EmploymentPortal.Domain");
        var sources = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var thrown = sources.SelectMany(s => ThrownKey().Matches(s))
            .Where(m => refusals.Contains(m.Groups["type"].Value))
            .Select(m => m.Groups["key"].Value);
        var handedToHelpers = sources.SelectMany(s => HelperKey().Matches(s)).Select(m => m.Groups["key"].Value);
        var keys = thrown.Concat(handedToHelpers).Distinct().ToList();

        // A key built from a prefix: ResidentIdNumber.Parse refuses with "IdNumber." and the problem.
        keys.Remove("IdNumber.").Should().BeTrue();
        keys.AddRange(Enum.GetValues<Domain.Persons.IdNumberProblem>().Where(p => p != Domain.Persons.IdNumberProblem.None).Select(p => $"IdNumber.{p}"));

        refusals.Should().Contain(["PersonException", "HouseholdException", "RegionException", "JobsException", "LayoffsException", "SubsidyException", "EligibilityException", "TargetException"]);
        keys.Should().HaveCountGreaterThan(80);
        keys.Should().OnlyContain(k => KeyShape().IsMatch(k), "refusals are text keys, not sentences");
        var texts = new JsonTexts();
        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            keys.Where(k => !texts.For(culture).ContainsKey(k)).Should().BeEmpty($"every refusal key has a {culture} text");
        }
    }

    [Fact]
    public async Task Culture_SwitchToEnglish_IsRemembered()
    {
        using var client = portal.Anonymous();
        var response = await client.PostLayoutFormAsync("/", "/Culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/Identity/Account/Login" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/Identity/Account/Login");

        var (_, page) = await client.GetPageAsync("/Identity/Account/Login");
        page.DocumentElement.GetAttribute("lang").Should().Be("en-US");
        page.QuerySelector("h1")!.TextContent.Should().Be("Sign in");
    }

    [Fact]
    public async Task Culture_SwitchFromAQueryStringCulture_DropsItFromTheReturnUrl()
    {
        using var client = portal.Anonymous();
        var (_, page) = await client.GetPageAsync("/Identity/Account/Login?culture=en-US&ReturnUrl=%2FStation");
        page.QuerySelector("form[action='/Culture'] input[name=returnUrl]")!.GetAttribute("value")
            .Should().Be("/Identity/Account/Login?ReturnUrl=%2FStation");
    }

    [Fact]
    public async Task Culture_Default_IsChinese()
    {
        using var client = portal.Anonymous();
        var (_, page) = await client.GetPageAsync("/Identity/Account/Login");
        page.DocumentElement.GetAttribute("lang").Should().Be("zh-CN");
        page.QuerySelector("h1")!.TextContent.Should().Be("登录");
    }

    [Fact]
    public async Task Culture_ReturnUrlElsewhere_StaysOnSite()
    {
        using var client = portal.Anonymous();
        var response = await client.PostLayoutFormAsync("/", "/Culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "https://evil.example/" });
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Theory]
    [InlineData("community1", "/Station")]
    [InlineData("county1", "/Bureau")]
    [InlineData("admin", "/Admin/Accounts")]
    public async Task StaffPages_English_ShowNoKeysOrChineseLabels(string user, string page)
    {
        using var client = await portal.SignInAsync(user);
        var (_, document) = await client.GetPageAsync(page + "?culture=en-US");
        var text = document.Body!.TextContent;
        KeyLike().IsMatch(text).Should().BeFalse(text);
        document.QuerySelector(".user-role")!.TextContent.Should().NotMatchRegex("[\u4e00-\u9fff]");
    }


    [GeneratedRegex(""""(?:\bT|texts)\["(?<key>[A-Za-z0-9_.]+)"|(?:ErrorMessage|Name) = "(?<key>[A-Z][A-Za-z]+\.[A-Za-z.]+)"|"(?<key>(?:Account|Login|Accounts)\.[A-Z][A-Za-z]+)"""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\b(?:Accounts|Login|Role|Station|Bureau|StaffHome|Org|Layout|Nav)\.[A-Z][A-Za-z]+\b")]
    private static partial Regex KeyLike();

    [GeneratedRegex(@"new (?<type>[A-Za-z]+Exception)\(""(?<key>[^""]*)""")]
    private static partial Regex ThrownKey();

    [GeneratedRegex(@"\b(?:Required|Clean)\([^;]*?, ""(?<key>[A-Z][A-Za-z]*\.[A-Za-z.]+)""")]
    private static partial Regex HelperKey();

    [GeneratedRegex(@"^[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*$")]
    private static partial Regex KeyShape();
}
