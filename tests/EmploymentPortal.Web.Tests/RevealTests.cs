using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>Issue 15: a full ID or phone number is shown only for a reason, kept in the audit row; the edit page shows the phone masked.</summary>
public sealed class RevealTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u3000")]
    public async Task RevealId_WithoutReason_RefusedAndNotAudited(string reason)
    {
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1970, 1, 2 + reason.Length), Sex.Male);
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, id, "无因查看");

        var response = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["RevealReason"] = reason }, "form:has([data-testid=reveal])");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.Errors().Should().Contain("请填写查看完整号码的原因");
        page.Body!.TextContent.Should().NotContain(id);
        (await AuditCountAsync("IdNumberRevealed", url)).Should().Be(0);
    }

    [Fact]
    public async Task RevealId_WithReason_ShownAndReasonAudited()
    {
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1971, 5, 6), Sex.Female);
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, id, "有因查看");

        var response = await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["RevealReason"] = " 电话回访核对身份 " }, "form:has([data-testid=reveal])");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).QuerySelector("[data-testid=id-full]")!.TextContent.Should().Be(id);
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, $"SELECT after::text FROM audit_events WHERE action = 'IdNumberRevealed' AND entity_id = '{PersonId(url)}'"))
            .Should().Contain("电话回访核对身份").And.NotContain(id);
    }

    [Fact]
    public async Task EditPage_PhoneMasked_SavedUnchangedKeepsNumber_RevealNeedsReason()
    {
        using var staff = await portal.SignInAsync("community1");
        var response = await staff.RegisterPersonAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1972, 7, 8), Sex.Male), "改号测试", "13855556666");
        var url = response.Headers.Location!.OriginalString;
        var edit = url + "/Edit";

        var (_, page) = await staff.GetPageAsync(edit);
        page.Body!.TextContent.Should().NotContain("13855556666");
        page.QuerySelector("#Input_Phone")!.GetAttribute("value").Should().Be("138****6666");
        page.Body!.OuterHtml.Should().NotContain("13855556666");

        // Saved with the field left masked (and the name changed): the stored number stays.
        (await staff.SubmitFormAsync(edit, new Dictionary<string, string> { ["Input.Name"] = "改号测试乙" }, "form:has([data-testid=edit-submit])")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, $"SELECT phone FROM persons WHERE id = '{PersonId(url)}'")).Should().Be("13855556666");

        // An invalid save with the mask left shows the mask again, never the number.
        var invalid = await staff.SubmitFormAsync(edit, new Dictionary<string, string> { ["Input.Name"] = string.Empty }, "form:has([data-testid=edit-submit])");
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var invalidPage = await Html.ParseAsync(invalid);
        invalidPage.QuerySelector("#Input_Phone")!.GetAttribute("value").Should().Be("138****6666");
        invalidPage.Body!.OuterHtml.Should().NotContain("13855556666");

        // The reveal needs a reason; with one, the field holds the full number and what was typed is kept.
        var refused = await staff.ClickAsync(edit, "[data-testid=reveal-phone]", new Dictionary<string, string> { ["RevealReason"] = " " });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(refused)).Errors().Should().Contain("请填写查看完整号码的原因");
        var revealed = await staff.ClickAsync(edit, "[data-testid=reveal-phone]", new Dictionary<string, string> { ["RevealReason"] = "核对联系方式", ["Input.Address"] = "潍城区新地址 9 号" });
        revealed.StatusCode.Should().Be(HttpStatusCode.OK);
        var revealedPage = await Html.ParseAsync(revealed);
        revealedPage.QuerySelector("#Input_Phone")!.GetAttribute("value").Should().Be("13855556666");
        revealedPage.QuerySelector("#Input_Address")!.GetAttribute("value").Should().Be("潍城区新地址 9 号");
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, $"SELECT after::text FROM audit_events WHERE action = 'PhoneRevealed' AND entity_id = '{PersonId(url)}'"))
            .Should().Contain("核对联系方式");

        // A new number typed over the mask is saved.
        (await staff.SubmitFormAsync(edit, new Dictionary<string, string> { ["Input.Phone"] = "13977778888" }, "form:has([data-testid=edit-submit])")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<string>(portal.ConnectionString, $"SELECT phone FROM persons WHERE id = '{PersonId(url)}'")).Should().Be("13977778888");
    }

    private static string PersonId(string url) => url.Split('/').Last();

    private Task<long> AuditCountAsync(string action, string url) =>
        TestSql.ScalarAsync<long>(portal.ConnectionString, $"SELECT count(*) FROM audit_events WHERE action = '{action}' AND entity_id = '{PersonId(url)}'");
}
