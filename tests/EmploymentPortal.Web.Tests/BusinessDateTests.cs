using System.Globalization;
using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>A portal whose clock starts one minute before midnight in Beijing on 2027-03-14 (15:59 UTC).</summary>
public sealed class EveOf15MarchFixture : PortalFixture
{
    public static readonly DateTimeOffset Instant = new(2027, 3, 14, 15, 59, 0, TimeSpan.Zero);

    protected override DateTimeOffset StartsAt => Instant;
}

/// <summary>A portal whose clock starts at 23:30 UTC on 2027-03-14: 07:30 on the 15th in Beijing.</summary>
public sealed class MorningOf15MarchFixture : PortalFixture
{
    protected override DateTimeOffset StartsAt => new(2027, 3, 14, 23, 30, 0, TimeSpan.Zero);
}

/// <summary>
/// "Today" is the date in Beijing, not on the server (which runs in UTC): from 00:00 to 08:00
/// Beijing time the UTC date is still yesterday (docs/testing.md, "Time").
/// </summary>
public sealed class BusinessDateTests(EveOf15MarchFixture portal) : IClassFixture<EveOf15MarchFixture>
{
    [Fact]
    public async Task PersonPage_At2330UtcOn14March2027_ManBorn15March1977CountsAs50()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1977, 3, 15), Sex.Male), "午夜五十");
        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = "2027-03-01" }, "form[action*=OpenRegistration]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        // 23:59 on the 14th in Beijing: the day before his 50th birthday.
        var (_, eve) = await staff.GetPageAsync(url);
        eve.QuerySelector("[data-testid=hardship-check] .tag")!.TextContent.Should().Be("不符合");
        eve.QuerySelector("[data-testid=hardship-check]")!.TextContent.Should().Contain("申请日年龄 49 岁 11 个月，不满 50 周岁");

        // 23:30 UTC on the 14th is 07:30 on the 15th in Beijing: he is 50 although the UTC date is still the 14th.
        portal.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 14, 23, 30, 0, TimeSpan.Zero));
        portal.Clock.GetUtcNow().Day.Should().Be(14);
        portal.Today.Should().Be(new DateOnly(2027, 3, 15));
        (await staff.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Redirect, "seven and a half idle hours end the session (15 minutes)");
        using var again = await portal.SignInAsync("community1");
        var (_, morning) = await again.GetPageAsync(url);
        morning.QuerySelector("[data-testid=hardship-check] .tag")!.TextContent.Should().Be("符合");
        morning.QuerySelector("[data-testid=hardship-check]")!.TextContent.Should().Contain("男性，申请日年龄 50 岁 0 个月，已满 50 周岁");
    }
}

/// <summary>Dates typed on a form are judged against today in Beijing, also in the hours the UTC date lags behind.</summary>
public sealed class BusinessDateFormTests(MorningOf15MarchFixture portal) : IClassFixture<MorningOf15MarchFixture>
{
    [Fact]
    public async Task RegisterUnemployment_TodayInBeijingAfterUtcMidnight_IsAcceptedAndTomorrowIsNot()
    {
        using var staff = await portal.SignInAsync("community1");
        var url = await staff.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1990, 5, 1), Sex.Female), "早班登记");
        portal.Today.Should().Be(new DateOnly(2027, 3, 15));
        var today = portal.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = portal.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = tomorrow }, "form[action*=OpenRegistration]"))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a registration cannot be dated after today in Beijing");
        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = today }, "form[action*=OpenRegistration]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, "today in Beijing is a valid registration date");
    }
}
