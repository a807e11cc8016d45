using System.Globalization;
using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// ID numbers whose place or birth year cannot exist, through every page that takes a number
/// (docs/policy-rules.md, "ID numbers: the province code"). Check characters come from
/// <see cref="TestIds.WithCheck"/>, which computes GB 11643's MOD 11-2 on its own.
/// </summary>
public sealed class IdNumberTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string NoSuchProvince = "身份证号码前两位不是省（自治区、直辖市）代码，请核对";
    private const string BadBirthDate = "身份证号码中的出生日期不存在或早于 1880 年";

    // Address code, birth date, expected error (null: registered).
    [Theory]
    [InlineData("000000", "19800505", NoSuchProvince)]
    [InlineData("990101", "19800505", NoSuchProvince)]
    [InlineData("100101", "19800505", NoSuchProvince)]
    [InlineData("160101", "19800505", NoSuchProvince)]
    [InlineData("200101", "19800505", NoSuchProvince)]
    [InlineData("390101", "19800505", NoSuchProvince)]
    [InlineData("470101", "19800505", NoSuchProvince)]
    [InlineData("550101", "19800505", NoSuchProvince)]
    [InlineData("660101", "19800505", NoSuchProvince)]
    [InlineData("700101", "19800505", NoSuchProvince)]
    [InlineData("840000", "19800505", NoSuchProvince)]
    [InlineData("910101", "19800505", NoSuchProvince)]
    [InlineData("110101", "19800505", null)]
    [InlineData("150102", "19800506", null)]
    [InlineData("230102", "19800507", null)]
    [InlineData("370702", "19800508", null)]
    [InlineData("460105", "19800509", null)]
    [InlineData("500101", "19800510", null)]
    [InlineData("540102", "19800511", null)]
    [InlineData("650102", "19800512", null)]
    [InlineData("710000", "19800513", null)]
    [InlineData("810000", "19800514", null)]
    [InlineData("820000", "19800515", null)]
    [InlineData("830000", "19800516", null)]
    [InlineData("370702", "18791231", BadBirthDate)]
    [InlineData("370702", "18800101", null)]
    public async Task Register_IdNumberTable_RegisteredOrRefusedWithTheReason(string addressCode, string birth, string? error)
    {
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.WithCheck(addressCode + birth + "123");

        var response = await staff.RegisterPersonAsync(portal.ConnectionString, id, "号码表");

        if (error is null)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, id);
            return;
        }

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, id);
        var page = await Html.ParseAsync(response);
        page.Errors().Should().Equal(error);
        page.QuerySelector("#IdNumber-error")!.TextContent.Should().Be(error);
        page.QuerySelector("#IdNumber")!.GetAttribute("value").Should().Be(id);
    }

    [Fact]
    public async Task Register_NoSuchProvinceInEnglish_SaysWhatIsWrong()
    {
        using var staff = await portal.SignInAsync("community1");
        var fields = new Dictionary<string, string> { ["IdNumber"] = "990101198005051235" };

        var response = await staff.SubmitFormAsync("/Station/Persons/Register?culture=en-US", fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector("#IdNumber-error")!.TextContent
            .Should().Be("The first two digits of the ID number are not a province code; check the number");
    }

    [Fact]
    public async Task AddMemberAndSeekerLink_NoSuchProvince_SayWhyNextToTheField()
    {
        using var staff = await portal.SignInAsync("community1");
        var head = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1979, 3, 3), Sex.Male), "号码户主");
        var household = await staff.CreateHouseholdUrlAsync(head);

        var added = await staff.SubmitFormAsync(household, new Dictionary<string, string> { ["Member.IdNumber"] = "000000198005051234", ["Member.Relationship"] = "Spouse" }, "form[action*=AddMember]");

        added.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(added)).Errors().Should().Contain(NoSuchProvince);

        using var seeker = await portal.SignInAsync("seeker1");
        var community = (await RegionAsync(portal.ConnectionString, Community1)).ToString(CultureInfo.InvariantCulture);
        var asked = await seeker.SubmitFormAsync("/Seeker/Link", new Dictionary<string, string>
        {
            ["Input.Name"] = "号码求职",
            ["Input.IdNumber"] = "990101198005051235",
            ["Input.Phone"] = "13900000019",
            ["Input.RegionId"] = community,
        });

        asked.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(asked)).Errors().Should().Contain(NoSuchProvince);
    }
}
