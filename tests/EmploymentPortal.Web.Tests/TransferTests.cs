using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>Transfers between communities: requested from the duplicate message, released or refused by the holder, history kept.</summary>
public sealed class TransferTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Transfer_RequestedFromTheDuplicateMessage_ReleasedMovesPersonHouseholdAndRecords()
    {
        using var holder = await portal.SignInAsync("community1");
        using var receiver = await portal.SignInAsync("community2");
        var headId = TestIds.Make(new DateOnly(1974, 4, 24), Sex.Male);
        var head = await holder.RegisterPersonUrlAsync(portal.ConnectionString, headId, "迁移户主");
        var spouseId = TestIds.Make(new DateOnly(1976, 6, 26), Sex.Female);
        var spouse = await holder.RegisterPersonUrlAsync(portal.ConnectionString, spouseId, "迁移配偶");
        await holder.SubmitFormAsync(head, new Dictionary<string, string> { ["Registration.RegisteredOn"] = "2026-03-01" }, "form[action*=OpenRegistration]");
        var household = await holder.CreateHouseholdUrlAsync(head);
        await holder.SubmitFormAsync(household, new Dictionary<string, string> { ["Member.IdNumber"] = spouseId, ["Member.Relationship"] = "Spouse" }, "form[action*=AddMember]");

        var duplicate = await receiver.RegisterPersonAsync(portal.ConnectionString, headId, "迁移户主");
        var duplicatePage = await Html.ParseAsync(duplicate);
        var start = await receiver.PostFormAsync(duplicatePage.QuerySelector<IHtmlFormElement>("form:has([data-testid=request-transfer])")!, "/Station/Persons/Register", new Dictionary<string, string>());
        var requestPage = await Html.ParseAsync(start);
        requestPage.QuerySelector("#Input_IdNumber")!.GetAttribute("value").Should().Be(headId, "the number typed on the registration page is carried over");
        var requested = await receiver.PostFormAsync(requestPage.QuerySelector<IHtmlFormElement>("main form")!, "/Station/Transfers/Request", new Dictionary<string, string> { ["Input.Reason"] = "已搬至本社区居住" });
        requested.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, receiverList) = await receiver.GetPageAsync("/Station/Transfers");
        var row = receiverList.QuerySelector("[data-testid=transfers] tbody tr")!.TextContent;
        row.Should().Contain(headId[..6] + "********").And.Contain("待审核").And.NotContain("迁移户主", "the receiver sees no name before the release");
        receiverList.QuerySelector("[data-testid=decide]").Should().BeNull();

        var (_, holderList) = await holder.GetPageAsync("/Station/Transfers");
        var decideUrl = holderList.QuerySelector("[data-testid=decide]")!.GetAttribute("href")!;
        (await receiver.GetAsync(decideUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the holding side decides");
        (await holder.ClickAsync(decideUrl, "[data-testid=release]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await holder.GetAsync(head)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the record has left the holding area");
        (await holder.GetAsync(household)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, moved) = await receiver.GetPageAsync(head);
        moved.QuerySelector("[data-testid=unemployment]")!.TextContent.Should().Contain("2026-03-01", "the registration moved along");
        moved.QuerySelector("[data-testid=timeline]")!.TextContent.Should().Contain("转移：").And.Contain("→");
        (await receiver.GetAsync(spouse)).StatusCode.Should().Be(HttpStatusCode.OK, "the head's household moves with them");
        (await receiver.GetAsync(household)).StatusCode.Should().Be(HttpStatusCode.OK);
        var (_, after) = await receiver.GetPageAsync("/Station/Transfers");
        after.QuerySelector("[data-testid=transfers] tbody tr")!.TextContent.Should().Contain("迁移户主").And.Contain("已转出");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'PersonTransferred'")).Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Transfer_RefusedWithoutReason_AsksForIt_ThenRefusalKeepsThePerson()
    {
        using var holder = await portal.SignInAsync("community1");
        using var receiver = await portal.SignInAsync("community2");
        var id = TestIds.Make(new DateOnly(1988, 8, 28), Sex.Female);
        var person = await holder.RegisterPersonUrlAsync(portal.ConnectionString, id, "拒绝转移");
        var community2 = (await RegionAsync(portal.ConnectionString, Community2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await RequestAsync(receiver, id, community2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Html.ParseAsync(await RequestAsync(receiver, id, community2))).Errors().Should().Contain("该人员已有一个待审核的转移申请");

        var (_, list) = await holder.GetPageAsync("/Station/Transfers");
        var decideUrl = list.QuerySelector("[data-testid=decide]")!.GetAttribute("href")!;
        var noReason = await holder.ClickAsync(decideUrl, "[data-testid=refuse]", new Dictionary<string, string> { ["Note"] = string.Empty });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(noReason)).Errors().Should().Contain("不同意转出时请填写原因");
        (await holder.ClickAsync(decideUrl, "[data-testid=refuse]", new Dictionary<string, string> { ["Note"] = "本人仍在本社区居住" })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await holder.GetAsync(person)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await receiver.GetAsync(person)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, receiverList) = await receiver.GetPageAsync("/Station/Transfers");
        receiverList.MainText().Should().Contain("未同意").And.Contain("本人仍在本社区居住");
    }

    [Fact]
    public async Task TransferList_ShowsOnlyTransfersThatInvolveTheCallersArea()
    {
        using var street = await portal.SignInAsync("street1");
        using var receiver = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1979, 3, 9), Sex.Male);
        await street.RegisterPersonUrlAsync(portal.ConnectionString, id, "东风转出", "370702001003");
        var community1 = (await RegionAsync(portal.ConnectionString, Community1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await RequestAsync(receiver, id, community1)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, own) = await receiver.GetPageAsync("/Station/Transfers");
        own.MainText().Should().Contain("370702********");
        using var other = await portal.SignInAsync("community2");
        var (_, list) = await other.GetPageAsync("/Station/Transfers");
        list.MainText().Should().NotContain(id[..6] + "********" + id[14..], "a transfer from 东风 to 向阳 is none of 和平's business");
    }

    private static async Task<HttpResponseMessage> RequestAsync(PortalClient client, string idNumber, string regionId) =>
        await client.SubmitFormAsync("/Station/Transfers/Request", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = idNumber,
            ["Input.RegionId"] = regionId,
            ["Input.Reason"] = "已搬家",
        });
}
