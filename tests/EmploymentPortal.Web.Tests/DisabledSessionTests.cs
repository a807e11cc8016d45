using System.Net;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Disabling an account ends its open sessions within the one-minute validation interval
/// (ASVS v5.0.0-7.4.2): the cookie keeps working until the interval passes, then stops. The
/// portal's fake clock is advanced; nothing waits.
/// </summary>
public sealed class DisabledSessionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task DisabledAccount_ExistingCookie_StopsWorkingWithinAMinute()
    {
        var unit = await UnitAsync(portal.ConnectionString, Community1);
        using var admin = await portal.SignInAsync("admin");
        var created = await admin.SubmitFormAsync("/Admin/Accounts/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "qianshi07",
            ["Input.DisplayName"] = "钱十",
            ["Input.Role"] = "CommunityStaff",
            ["Input.OrgUnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Password"] = "correct horse battery",
        });
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        using var member = await portal.SignInAsync("qianshi07", "correct horse battery");
        (await member.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.SubmitFormAsync($"/Admin/Accounts/Status/{id}", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await member.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK, "the cookie is next checked against the account a minute after it was issued");

        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        var after = await member.GetAsync("/Station");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login");
    }
}
