using System.Net;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>The security administrator's page: the grace period and the reset of a user's second factor, audited (own database: the grace period changes).</summary>
public sealed class SecurityAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Initial = "correct horse battery";
    private const string LoginPath = "/Identity/Account/Login";
    private const string EnrolPath = "/Identity/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task SecurityAdmin_SetsGraceToZero_AndResetsASecondFactor_Audited()
    {
        // The security administrator's duty, not the system administrator's (三权分立, ADR 0005).
        using (var system = await portal.SignInAsync("admin"))
        {
            (await system.GetAsync("/Admin/Security")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using var admin = await portal.SignInAsync("secadmin");
        (await admin.SubmitFormAsync("/Admin/Security", new Dictionary<string, string> { ["Grace.GraceDays"] = "91" }, "form[data-testid=grace-form]"))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.SubmitFormAsync("/Admin/Security", new Dictionary<string, string> { ["Grace.GraceDays"] = "0" }, "form[data-testid=grace-form]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        await AccountGateTests.CreateStaffAsync(portal, "gate03");
        using var member = portal.Anonymous();
        (await member.SignInAsync("gate03", Initial)).Headers.Location!.OriginalString.Should().Be(EnrolPath);

        // A demo staff member loses their phone: the reset ends their session and asks for a new enrolment.
        using var street = await portal.SignInAsync("street1");
        (await admin.SubmitFormAsync("/Admin/Security", new Dictionary<string, string> { ["Reset.UserName"] = "street1" }, "form[data-testid=reset-form]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        (await street.GetAsync("/Station")).Headers.Location!.OriginalString.Should().Contain(LoginPath);
        using var again = portal.Anonymous();
        var signIn = await again.SubmitFormAsync(LoginPath, AccountGateTests.Credentials("street1", Core.Seeding.DemoCity.Password));
        signIn.Headers.Location!.OriginalString.Should().Be(EnrolPath, "no second step any more, and no new grace period");

        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action IN ('MfaReset', 'MfaGracePeriodSet') AND actor_name = 'secadmin'")).Should().Be(2);
    }

}
