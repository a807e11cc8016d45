using System.Net;
using EmploymentPortal.Core.Seeding;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>Schemes as data: the public list and history, and versions added by city officials and admins only.</summary>
public sealed class SchemeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public void Catalog_CodesAndKeysAreUnique_AndEverySeededNumberBelongsToAScheme()
    {
        SchemeCatalog.All.Select(s => s.Code).Should().OnlyHaveUniqueItems();
        var keys = SchemeCatalog.All.SelectMany(s => s.Parameters).Select(p => p.Key).ToList();
        keys.Should().OnlyHaveUniqueItems();
        SchemeParameterSeed.All.Select(s => s.Key).Should().OnlyContain(k => keys.Contains(k));
        SchemeParameterSeed.All.Should().OnlyContain(s => s.Source.Length > 0);
    }

    [Fact]
    public async Task Schemes_Anonymous_SeeEverySchemeAndTheHistoryOfItsNumbers()
    {
        using var anonymous = portal.Anonymous();

        var (list, page) = await anonymous.GetPageAsync("/Schemes");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=schemes] tbody tr").Should().HaveCount(SchemeCatalog.All.Count);
        var (_, insurance) = await anonymous.GetPageAsync("/Schemes/SocialInsurance");
        insurance.QuerySelector("[data-testid=in-force]")!.TextContent.Should().Contain("最长补贴期限").And.Contain("5 年");
        var versions = insurance.QuerySelectorAll("[data-testid=versions] tbody tr").Select(r => r.TextContent.Trim()).ToList();
        versions.Should().HaveCount(2);
        versions[0].Should().StartWith("2015-04-27").And.Contain("国发〔2015〕23号");
        versions[1].Should().StartWith("2002-09-30").And.Contain("3 年");
        insurance.QuerySelector("[data-testid=new-version]").Should().BeNull();
        var (_, english) = await anonymous.GetPageAsync("/Schemes/SmallLoan?culture=en-US");
        english.QuerySelector("h1")!.TextContent.Should().Be("Guaranteed business loan");
        var (_, unset) = await anonymous.GetPageAsync("/Schemes/PostSubsidy");
        unset.QuerySelector("[data-testid=in-force]")!.TextContent.Should().Contain("尚未设定");
        (await anonymous.GetAsync("/Schemes/NoSuchScheme")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NewVersion_CityOfficial_AddsAFutureVersion_HistoryKeptAndAudited()
    {
        using var city = await portal.SignInAsync("city1");
        var (_, form) = await city.GetPageAsync("/Schemes/SmallLoan/NewVersion");
        form.QuerySelector("#Values_MaxAmount")!.GetAttribute("value").Should().Be("200000", "the form starts from the numbers in force");

        var response = await city.SubmitFormAsync("/Schemes/SmallLoan/NewVersion", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = "2027-01-01",
            ["Source"] = "鲁人社发〔2026〕9号",
            ["Values[MaxAmount]"] = "300000",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, page) = await city.GetPageAsync("/Schemes/SmallLoan");
        page.QuerySelector("[data-testid=in-force]")!.TextContent.Should().Contain("20 万元", "the new version starts in 2027");
        var versions = page.QuerySelectorAll("[data-testid=versions] tbody tr").Select(r => r.TextContent.Trim()).ToList();
        versions.Should().HaveCount(3);
        versions[0].Should().StartWith("2027-01-01").And.Contain("30 万元").And.Contain("鲁人社发〔2026〕9号");
        versions[1].Should().StartWith("2020-01-01").And.Contain("20 万元");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'SchemeVersionAdded' AND actor_name = 'city1'")).Should().Be(1);

        var older = await city.SubmitFormAsync("/Schemes/SmallLoan/NewVersion", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = "2026-12-31",
            ["Source"] = "试图插到历史中间",
            ["Values[MaxAmount]"] = "250000",
        });
        older.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await Html.ParseAsync(older);
        error.QuerySelector("#EffectiveFrom-error")!.TextContent.Should().Contain("晚于最近一个版本");
        error.QuerySelector("#Values_MaxAmount")!.GetAttribute("value").Should().Be("250000");
        error.QuerySelector("#Source")!.GetAttribute("value").Should().Be("试图插到历史中间");
    }

    [Fact]
    public async Task NewVersion_PastDateOrNoNumbers_Refused()
    {
        using var admin = await portal.SignInAsync("city1");
        var past = await admin.SubmitFormAsync("/Schemes/CommunityJobDevelopment/NewVersion", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = "2020-01-01",
            ["Source"] = "倒签",
        });
        (await Html.ParseAsync(past)).Errors().Should().Contain("生效日期须不早于今天，且晚于最近一个版本的生效日期");

        var (_, form) = await admin.GetPageAsync("/Schemes/PostSubsidy/NewVersion");
        var none = await admin.SubmitFormAsync("/Schemes/PostSubsidy/NewVersion", new Dictionary<string, string> { ["EffectiveFrom"] = "2027-02-01", ["Source"] = "县人社局" });
        (await Html.ParseAsync(none)).Errors().Should().Contain("请至少填写一个参数");
        form.QuerySelector("#Values_MonthlyAmount")!.GetAttribute("value").Should().BeNull("an unset number starts blank");
    }

    [Theory]
    [InlineData("county1", HttpStatusCode.Forbidden)]
    [InlineData("community1", HttpStatusCode.Forbidden)]
    [InlineData("city1", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("secadmin", HttpStatusCode.Forbidden)]
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    public async Task NewVersion_OnlyCityOfficials(string user, HttpStatusCode expected)
    {
        using var client = await portal.SignInAsync(user);
        (await client.GetAsync("/Schemes/SocialInsurance/NewVersion")).StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task NewVersion_Anonymous_SentToSignIn()
    {
        using var anonymous = portal.Anonymous();
        var response = await anonymous.GetAsync("/Schemes/SocialInsurance/NewVersion");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login");
    }
}
