using System.Net;
using EmploymentPortal.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>A clock the test can move forward, for the security-stamp validator only.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

public sealed class ShiftedClockFixture : PortalFixture
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock);
}

/// <summary>
/// Disabling an account ends its open sessions within the one-minute validation interval
/// (ASVS v5.0.0-7.4.2): the cookie keeps working until the interval passes, then stops.
/// </summary>
public sealed class DisabledSessionTests(ShiftedClockFixture portal) : IClassFixture<ShiftedClockFixture>
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
        portal.Clock.Offset = TimeSpan.FromSeconds(61);

        var after = await member.GetAsync("/Station");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login");
    }
}
