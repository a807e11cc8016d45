using System.Net;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The scoping rule on the data that exists now: each staff role opens units and regions of its
/// own subtree, and gets 404 (units: filtered out) or 403 (regions: reference data, refused by the
/// resource check) — never the data — for another area's id typed into the URL.
/// </summary>
public sealed class ScopingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int Ok = 200;
    private const int Forbidden = 403;
    private const int NotFound = 404;

    public static TheoryData<string, string, int> UnitCases => new()
    {
        { "community1", Community1, Ok },
        { "community1", Community2, NotFound },
        { "community1", Street1, NotFound },
        { "community1", District1, NotFound },
        { "community1", City, NotFound },
        { "community2", Community2, Ok },
        { "community2", Community1, NotFound },
        { "street1", Street1, Ok },
        { "street1", Community1, Ok },
        { "street1", Community2, Ok },
        { "street1", Street2, NotFound },
        { "street1", Street2Community, NotFound },
        { "street1", District1, NotFound },
        { "county1", District1, Ok },
        { "county1", Street2, Ok },
        { "county1", Street2Community, Ok },
        { "county1", District2, NotFound },
        { "county1", District2Community, NotFound },
        { "county1", City, NotFound },
        { "city1", City, Ok },
        { "city1", District2, Ok },
        { "city1", District2Community, Ok },
        { "admin", District2Community, Ok },
    };

    public static TheoryData<string, string, int> RegionCases => new()
    {
        { "community1", Community1, Ok },
        { "community1", Community2, Forbidden },
        { "community1", Street1, Forbidden },
        { "street1", Street1, Ok },
        { "street1", Community2, Ok },
        { "street1", Street2, Forbidden },
        { "street1", District1, Forbidden },
        { "county1", District1, Ok },
        { "county1", Street2Community, Ok },
        { "county1", District2, Forbidden },
        { "county1", City, Forbidden },
        { "city1", City, Ok },
        { "city1", District2Community, Ok },
        { "city1", Province, Forbidden },
        { "admin", Province, Ok },
    };

    [Theory]
    [MemberData(nameof(UnitCases))]
    public async Task UnitPage_ByTypedId_FollowsScope(string userName, string unitRegion, int expected)
    {
        var id = await UnitAsync(portal.ConnectionString, unitRegion);
        var unitName = await UnitNameAsync(portal.ConnectionString, unitRegion);
        using var client = await portal.SignInAsync(userName);

        var (response, page) = await client.GetPageAsync($"/Org/Units/{id}");

        ((int)response.StatusCode).Should().Be(expected);
        if (expected == Ok)
        {
            page.QuerySelector("h1")!.TextContent.Should().Be(unitName);
        }
        else
        {
            page.MainText().Should().NotContain(unitName);
        }
    }

    [Theory]
    [MemberData(nameof(RegionCases))]
    public async Task RegionPage_ByTypedId_FollowsScope(string userName, string regionCode, int expected)
    {
        var id = await RegionAsync(portal.ConnectionString, regionCode);
        using var client = await portal.SignInAsync(userName);

        var (response, page) = await client.GetPageAsync($"/Org/Regions/{id}");

        ((int)response.StatusCode).Should().Be(expected);
        if (expected != Ok)
        {
            page.MainText().Should().NotContain(regionCode);
        }
    }

    [Fact]
    public async Task UnitPage_OwnUnit_ListsItsStaff()
    {
        var id = await UnitAsync(portal.ConnectionString, Street1);
        using var client = await portal.SignInAsync("street1");
        var (_, page) = await client.GetPageAsync($"/Org/Units/{id}");
        page.QuerySelectorAll("table tbody tr").Select(r => r.Children[1].TextContent).Should().Contain("street1");
    }

    [Fact]
    public async Task RegionPage_StreetStaff_SeesItsCommunitiesButNotOtherStreets()
    {
        var id = await RegionAsync(portal.ConnectionString, Street1);
        using var client = await portal.SignInAsync("street1");
        var (response, page) = await client.GetPageAsync($"/Org/Regions/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = page.MainText();
        text.Should().Contain("向阳社区").And.Contain("和平社区").And.Contain("东风社区");
        text.Should().NotContain("健康社区");

        // The district above is shown as a breadcrumb, but not as a link the member could follow.
        page.QuerySelectorAll(".breadcrumbs a").Select(a => a.TextContent).Should().NotContain("潍城区");
    }

    [Fact]
    public async Task UnitPage_UnknownId_Returns404()
    {
        using var client = await portal.SignInAsync("city1");
        (await client.GetAsync("/Org/Units/999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/Org/Regions/999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
