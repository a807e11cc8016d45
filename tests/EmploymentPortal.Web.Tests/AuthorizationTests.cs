using System.Net;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>Every role against every area: allowed (200), forbidden (403), or sent to sign in.</summary>
public sealed class AuthorizationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Pages = ["/Station", "/Bureau", "/Admin", "/Admin/Accounts", "/Admin/Accounts/Create", "/Admin/Audit"];

    public static TheoryData<string, string, int> Matrix()
    {
        var allowed = new Dictionary<string, string[]>
        {
            ["community1"] = ["/Station"],
            ["street1"] = ["/Station"],
            ["county1"] = ["/Bureau"],
            ["city1"] = ["/Bureau"],
            ["admin"] = ["/Admin", "/Admin/Accounts", "/Admin/Accounts/Create"],
            ["secadmin"] = [],
            ["auditor"] = ["/Admin/Audit"],
            ["employer1"] = [],
            ["seeker1"] = [],
        };
        var data = new TheoryData<string, string, int>();
        foreach (var (user, pages) in allowed)
        {
            foreach (var page in Pages)
            {
                data.Add(user, page, pages.Contains(page) ? 200 : 403);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task AreaPage_ByRole_AllowedOrForbidden(string userName, string page, int expected)
    {
        using var client = await portal.SignInAsync(userName);
        var response = await client.GetAsync(page);
        ((int)response.StatusCode).Should().Be(expected);
        if (expected == 403)
        {
            var document = await Html.ParseAsync(response);
            document.QuerySelector("h1")!.TextContent.Should().Be("无权访问");
        }
    }

    [Theory]
    [InlineData("/Station")]
    [InlineData("/Bureau")]
    [InlineData("/Admin/Accounts")]
    [InlineData("/Org/Units/1")]
    [InlineData("/Org/Regions/1")]
    public async Task StaffPage_Anonymous_RedirectsToSignIn(string page)
    {
        using var client = portal.Anonymous();
        var response = await client.GetAsync(page);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login?ReturnUrl=");
    }

    [Fact]
    public async Task OrgPages_SelfServiceRoles_Forbidden()
    {
        using var client = await portal.SignInAsync("seeker1");
        (await client.GetAsync("/Org/Units/1")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminPost_NonAdminWithValidToken_Forbidden()
    {
        using var staff = await portal.SignInAsync("city1");
        var (_, home) = await staff.GetPageAsync("/Bureau");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // A well-formed POST with the member's own antiforgery token is still refused before the handler runs.
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "intruder",
            ["Input.DisplayName"] = "x",
            ["Input.Role"] = "SystemAdmin",
            ["Input.OrgUnitId"] = "1",
            ["Input.Password"] = "a long enough password",
        });
        var response = await staff.Http.PostAsync(new Uri("/Admin/Accounts/Create", UriKind.Relative), content);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
