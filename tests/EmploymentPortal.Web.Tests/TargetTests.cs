using System.Net;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>Annual targets (docs/policy-rules.md, "Reports: targets"): city officials set them, county officials read theirs.</summary>
public sealed class TargetTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Sheet = "/Bureau/Targets?Year=2026";

    [Fact]
    public async Task CityOfficial_SetsTheCityAndADistrict_ChangesAndClears_Audited()
    {
        using var city = await portal.SignInAsync("city1");
        var (_, page) = await city.GetPageAsync(Sheet);
        page.QuerySelectorAll("[data-testid=targets] tbody tr").Select(r => r.GetAttribute("data-region")).Should().StartWith([City, District1]);

        var saved = await city.SubmitFormAsync(Sheet, new Dictionary<string, string>
        {
            [$"Values[{City}:ReEmployed]"] = "8000",
            [$"Values[{District1}:ReEmployed]"] = "3000",
            [$"Values[{District1}:ReferralPlacements]"] = "1200",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, after) = await city.GetPageAsync(Sheet);
        Value(after, City, "ReEmployed").Should().Be("8000", "003 §二(一): 8,000 re-employments a year citywide");
        Value(after, District1, "ReferralPlacements").Should().Be("1200");
        after.QuerySelector($"tr[data-region='{City}']")!.TextContent.Should().Contain("设定");

        // Changed and cleared: the district's referral target goes, its re-employment target changes.
        (await city.SubmitFormAsync(Sheet, new Dictionary<string, string>
        {
            [$"Values[{City}:ReEmployed]"] = "8000",
            [$"Values[{District1}:ReEmployed]"] = "3500",
            [$"Values[{District1}:ReferralPlacements]"] = "",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, changed) = await city.GetPageAsync(Sheet);
        Value(changed, District1, "ReEmployed").Should().Be("3500");
        Value(changed, District1, "ReferralPlacements").Should().BeEmpty();
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE entity_type = 'AnnualTarget'")).Should().Be(5, "three set, one changed, one cleared");

        // County officials read their county's targets; they cannot set them.
        using var county = await portal.SignInAsync("county1");
        var (_, own) = await county.GetPageAsync(Sheet);
        own.QuerySelector("[data-testid=targets]")!.TextContent.Should().Contain("3,500");
        own.QuerySelector("[data-testid=save-targets]").Should().BeNull();
        own.QuerySelectorAll("[data-testid=targets] input").Should().BeEmpty();
    }

    [Fact]
    public async Task BadNumbers_Refused_WhatWasTypedKept()
    {
        using var city = await portal.SignInAsync("city1");
        var response = await city.SubmitFormAsync(Sheet, new Dictionary<string, string>
        {
            [$"Values[{City}:ReEmployed]"] = "八千",
            [$"Values[{District2}:ReEmployed]"] = "-5",
        });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.Errors().Should().HaveCount(2).And.Contain(e => e.Contains("须为不超过 10,000,000 的非负整数"));
        Value(page, City, "ReEmployed").Should().Be("八千");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM annual_targets WHERE region_code = '{District2}'")).Should().Be(0);
    }

    [Fact]
    public async Task Scope_CountyOfficialCannotSetOrSeeOtherAreas_StationStaffForbidden()
    {
        using var county = await portal.SignInAsync("county1");
        (await county.GetAsync($"{Sheet}&Region={City}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the city is above the county");
        (await county.GetAsync($"{Sheet}&Region={District2}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another county");
        (await county.GetAsync($"{Sheet}&Region={Street1}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var post = await county.SubmitFormAsync($"{Sheet}&Region={District1}", new Dictionary<string, string> { [$"Values[{District1}:ReEmployed]"] = "1" });
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var city = await portal.SignInAsync("city1");
        (await city.GetAsync($"{Sheet}&Region={Province}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "above the city");
        var (_, district) = await city.GetPageAsync($"{Sheet}&Region={District1}");
        district.QuerySelector("[data-testid=up]")!.GetAttribute("href").Should().Contain(City);

        using var street = await portal.SignInAsync("street1");
        (await street.GetAsync(Sheet)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Page_InEnglish()
    {
        using var city = await portal.SignInAsync("city1");
        var (_, page) = await city.GetPageAsync(Sheet + "&culture=en-US");
        page.QuerySelector("h1")!.TextContent.Should().Contain("Annual targets");
        page.QuerySelector("[data-testid=targets] thead")!.TextContent.Should().Contain("Unemployed re-employed (persons)");
    }

    private static string? Value(AngleSharp.Dom.IDocument page, string region, string indicator) =>
        page.QuerySelector($"input[name='Values[{region}:{indicator}]']")?.GetAttribute("value") ?? string.Empty;
}
