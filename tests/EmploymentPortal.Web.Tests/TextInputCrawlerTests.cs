using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Issue 15, finding 9 (control characters stored): a bidirectional override, a NUL, or a value of
/// zero-width characters only, posted into several different forms — a person's name and address,
/// a job fair, a correction reason, an objection to a public notice — gets a field error and
/// nothing is stored; a multi-line field keeps its line breaks.
/// </summary>
public sealed class TextInputCrawlerTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Refused = "含有控制字符或不可见的方向控制字符";

    public static TheoryData<string> BadValues => new() { "探针\u202Egnp.exe", "探针\u0000", "探针\u2066隔离\u2069", "探针\u001B[31m" };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task PersonRegistration_NameOrAddress_FieldErrorAndNothingStored(string bad)
    {
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1971, 1, 1).AddDays(bad.Length * 37), Sex.Male);

        var byName = await staff.RegisterPersonAsync(portal.ConnectionString, id, bad);
        var byAddress = await staff.SubmitFormAsync("/Station/Persons/Register", new Dictionary<string, string>
        {
            ["IdNumber"] = id,
            ["Input.Name"] = "地址探针",
            ["Input.Address"] = bad,
            ["Input.Hukou"] = "Urban",
            ["Input.Education"] = "JuniorHigh",
            ["Input.EmploymentStatus"] = "Unemployed",
            ["Input.LaborCapacity"] = "Full",
            ["Input.WantsWork"] = "true",
        });

        await ShouldBeRefused(byName, "#Input_Name-error");
        await ShouldBeRefused(byAddress, "#Input_Address-error");
        (await Count("SELECT count(*) FROM persons WHERE name LIKE '探针%' OR name = '地址探针'")).Should().Be(0);
    }

    [Fact]
    public async Task ZeroWidthOnlyName_CountsAsEmpty_RequiredFails()
    {
        using var staff = await portal.SignInAsync("community1");

        var response = await staff.RegisterPersonAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1972, 2, 2), Sex.Female), "\u200B\u200D\u3000 ");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector("#Input_Name-error")!.TextContent.Should().Contain("姓名");
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task JobFair_TitleRefused_DescriptionIsMultiLine(string bad)
    {
        using var staff = await portal.SignInAsync("street1");

        var response = await staff.SubmitFormAsync("/Station/JobFairs/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = bad,
            ["Input.Date"] = "2099-03-01",
            ["Input.Online"] = "true",
            ["Input.Description"] = "第一行\r\n第二行",
        });

        await ShouldBeRefused(response, "#Input_Title-error");
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#Input_Description-error").Should().BeNull("line breaks are allowed in a multi-line field");
        (await Count("SELECT count(*) FROM job_fairs WHERE title LIKE '探针%'")).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task CorrectionReason_Refused_RecordNotCancelled(string bad)
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1973, 3, 3).AddDays(bad.Length * 41), Sex.Male), "注销探针" + bad.Length);

        var response = await staff.SubmitFormAsync(url + "/Cancel", new Dictionary<string, string> { ["Reason"] = bad });
        var blank = await staff.SubmitFormAsync(url + "/Cancel", new Dictionary<string, string> { ["Reason"] = "\u200B\u200B" });

        await ShouldBeRefused(response, "#Reason-error");
        blank.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a reason of zero-width characters is no reason");
        (await Count($"SELECT count(*) FROM audit_events WHERE action = 'PersonCancelled' AND entity_id = '{url.Split('/').Last()}'")).Should().Be(0);
    }

    [Fact]
    public async Task NoticeObjection_BidiNulOrBlank_RefusedAndNothingStored()
    {
        var objected = await portal.ApprovedJobDevelopmentAsync("异议探针");
        using var county = await portal.SignInAsync("county1");
        var notice = await county.PublishNoticeAsync("控制字符探针公示", objected);
        using var anonymous = portal.Anonymous();

        foreach (var bad in new[] { "异议\u202E内容", "异议\u0000", "\u200B\u200B" })
        {
            var response = await anonymous.ClickAsync($"/Notices/{notice}", "[data-testid=lodge]", new Dictionary<string, string> { ["ApplicationId"] = objected, ["Text"] = bad });
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the objection {0} is refused", bad);
            if (!bad.Contains('\0', StringComparison.Ordinal))
            {
                (await Html.ParseAsync(response)).Errors().Should().Contain(e => e.Contains(Refused, StringComparison.Ordinal) || e.Contains("请写明异议内容", StringComparison.Ordinal));
            }
        }

        (await Count("SELECT count(*) FROM objections")).Should().Be(0);
    }

    /// <summary>
    /// Refused with a 400: with the field's error, or — for a NUL, which the framework's form
    /// reading refuses before any binding (the request is answered 400 without reaching the page) —
    /// with the status page. Either way nothing is stored (the callers check).
    /// </summary>
    private static async Task ShouldBeRefused(HttpResponseMessage response, string errorSelector)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        if (page.QuerySelector("form[method=post]:not([action])") is null && page.QuerySelector(errorSelector) is null)
        {
            page.QuerySelector("h1")!.TextContent.Should().Contain("请求无法完成");
            return;
        }

        page.QuerySelector(errorSelector)!.TextContent.Should().Contain(Refused);
    }


    private Task<long> Count(string sql) => TestSql.ScalarAsync<long>(portal.ConnectionString, sql);
}
