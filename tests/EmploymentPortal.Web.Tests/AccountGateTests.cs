using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// What a new staff account must do first (issue 15 finding 3): change the admin-set password
/// before anything else; then, inside the grace period, it is reminded at each sign-in; after it,
/// it reaches nothing but the enrolment until it has a second factor.
/// </summary>
public sealed class AccountGateTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Initial = "correct horse battery";
    private const string LoginPath = "/Identity/Account/Login";
    private const string ChangePasswordPath = "/Identity/Account/Manage/ChangePassword";
    private const string EnrolPath = "/Identity/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task AdminSetPassword_MustBeChangedBeforeAnythingElse()
    {
        await CreateStaffAsync("gate01");
        using var member = portal.Anonymous();
        var signIn = await member.SubmitFormAsync(LoginPath, Credentials("gate01", Initial));
        signIn.Headers.Location!.OriginalString.Should().StartWith(ChangePasswordPath);

        foreach (var page in new[] { "/Station", "/Station/Persons", "/Identity/Account/Manage", EnrolPath, "/" })
        {
            var response = await member.GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, page);
            response.Headers.Location!.OriginalString.Should().Be(ChangePasswordPath, page);
        }

        var (_, form) = await member.GetPageAsync(ChangePasswordPath);
        form.QuerySelector("[data-testid=forced-change]").Should().NotBeNull();
        var same = await ChangeAsync(member, Initial, Initial);
        same.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(same)).Errors().Should().ContainSingle().Which.Should().Be("新密码不能与当前密码相同");
        var wrongCurrent = await ChangeAsync(member, "not the password", "a brand new sentence");
        (await Html.ParseAsync(wrongCurrent)).Errors().Should().ContainSingle().Which.Should().Be("当前密码不正确");

        (await ChangeAsync(member, Initial, "a brand new sentence")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await member.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await portal.Anonymous().SubmitFormAsync(LoginPath, Credentials("gate01", Initial))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await portal.Anonymous().SubmitFormAsync(LoginPath, Credentials("gate01", "a brand new sentence"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'PasswordChanged' AND actor_name = 'gate01'")).Should().Be(1);
    }

    [Fact]
    public async Task StaffWithoutSecondFactor_RemindedInGrace_ThenOnlyEnrolment_UntilEnrolled()
    {
        await CreateStaffAsync("gate02");

        // Inside the grace period (7 days by default): reminded after signing in, and free to go on.
        using var early = portal.Anonymous();
        var signedIn = await early.SignInAsync("gate02", Initial);
        signedIn.Headers.Location!.OriginalString.Should().StartWith("/Identity/Account/Manage?reminder=true");
        var (_, reminder) = await early.GetPageAsync(signedIn.Headers.Location!.OriginalString);
        reminder.QuerySelector("[data-testid=mfa-reminder]")!.TextContent.Should().Contain("2026-06-22");
        (await early.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK);

        // After it: nothing but the enrolment (and sign-out).
        portal.Clock.Advance(TimeSpan.FromDays(7));
        using var late = portal.Anonymous();
        var again = await late.SignInAsync("gate02", Changed);
        again.Headers.Location!.OriginalString.Should().Be(EnrolPath);
        foreach (var page in new[] { "/Station", "/Station/Persons", "/Identity/Account/Manage", "/Org/Units/1", "/" })
        {
            var response = await late.GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, page);
            response.Headers.Location!.OriginalString.Should().Be(EnrolPath, page);
        }

        var (enrolResponse, enrol) = await late.GetPageAsync(EnrolPath);
        enrolResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        var key = enrol.QuerySelector("[data-testid=mfa-key]")!.TextContent.Trim();
        var done = await late.PostFormAsync(enrol.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!, EnrolPath, new Dictionary<string, string> { ["Input.Code"] = Core.Accounts.TwoFactor.Totp.CodeAt(key, portal.Clock.GetUtcNow()) });
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        (await late.GetAsync("/Station")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string Changed => DemoSecondFactor.ChangedPassword(Initial);

    internal static Dictionary<string, string> Credentials(string userName, string password) =>
        new() { ["Input.UserName"] = userName, ["Input.Password"] = password };

    private static Task<HttpResponseMessage> ChangeAsync(PortalClient client, string current, string next) =>
        client.SubmitFormAsync(ChangePasswordPath, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });

    private Task CreateStaffAsync(string userName) => CreateStaffAsync(portal, userName);

    internal static async Task CreateStaffAsync(PortalFixture portal, string userName)
    {
        var unit = await UnitAsync(portal.ConnectionString, Community1);
        using var admin = await portal.SignInAsync("admin");
        var created = await admin.SubmitFormAsync("/Admin/Accounts/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "门禁测试",
            ["Input.Role"] = "CommunityStaff",
            ["Input.OrgUnitId"] = unit.ToString(CultureInfo.InvariantCulture),
            ["Input.Password"] = Initial,
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
