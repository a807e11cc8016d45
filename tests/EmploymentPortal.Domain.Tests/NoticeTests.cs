using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Domain.Tests;

public sealed class NoticeTests
{
    // National Day 2026 as an example calendar: 1–7 October off, Saturday 10 October worked (调休).
    private static readonly Dictionary<DateOnly, bool> Calendar = new()
    {
        [new(2026, 10, 1)] = false,
        [new(2026, 10, 2)] = false,
        [new(2026, 10, 5)] = false,
        [new(2026, 10, 6)] = false,
        [new(2026, 10, 7)] = false,
        [new(2026, 10, 10)] = true,
    };

    [Theory]
    [InlineData("2026-11-23", 5, "2026-11-23", "2026-11-27")] // Monday: Monday to Friday
    [InlineData("2026-11-25", 5, "2026-11-25", "2026-12-01")] // Wednesday: over the weekend
    [InlineData("2026-11-28", 5, "2026-11-30", "2026-12-04")] // published on a Saturday: starts Monday
    [InlineData("2026-09-29", 5, "2026-09-29", "2026-10-10")] // over National Day: 29, 30 Sep, 8, 9, 10 (Saturday worked) Oct
    [InlineData("2026-10-01", 1, "2026-10-08", "2026-10-08")] // a holiday: starts on the next working day
    [InlineData("2026-11-23", 7, "2026-11-23", "2026-12-01")] // a county that sets seven days
    public void A_notice_runs_for_working_days_from_the_kept_calendar(string published, int days, string starts, string ends)
    {
        var period = WorkingDays.Period(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), days, Calendar);
        period.Should().Be((DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("张三丰", "张*丰")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("王", "*")]
    public void Names_are_masked_keeping_first_and_last(string name, string masked) =>
        Notice.MaskName(name).Should().Be(masked);

    [Fact]
    public void Objections_are_taken_only_while_the_notice_runs_and_are_resolved_once()
    {
        var app = ApprovedApplication();
        var notice = Notice.Publish("370702", "2026年第1批", 5, new DateOnly(2026, 11, 23), Calendar, "county1", DateTimeOffset.UnixEpoch);
        app.PublishOn(notice.Id);

        var late = () => Objection.Lodge(notice, app, "不符合条件", null, new DateOnly(2026, 11, 30), DateTimeOffset.UnixEpoch);
        late.Should().Throw<SubsidyException>().WithMessage("Objection.NoticeNotOpen");
        var empty = () => Objection.Lodge(notice, app, "  ", null, new DateOnly(2026, 11, 24), DateTimeOffset.UnixEpoch);
        empty.Should().Throw<SubsidyException>().WithMessage("Objection.TextRequired");

        var objection = Objection.Lodge(notice, app, "此人已就业", "138****0000", new DateOnly(2026, 11, 24), DateTimeOffset.UnixEpoch);
        objection.Resolve(upheld: true, "经核实属实", "county2", DateTimeOffset.UnixEpoch);
        objection.Status.Should().Be(ObjectionStatus.Upheld);
        var again = () => objection.Resolve(false, "x", "county1", DateTimeOffset.UnixEpoch);
        again.Should().Throw<SubsidyException>().WithMessage("Objection.AlreadyResolved");
    }

    [Fact]
    public void A_payment_takes_the_computed_amount_and_happens_once()
    {
        var app = ApprovedApplication();
        app.PublishOn(Guid.NewGuid());
        app.EndNotice(objectionUpheld: false);
        var today = new DateOnly(2026, 12, 2);

        var typed = () => Payment.Record(app, 600m, today, "PAY-1", today, "county1", DateTimeOffset.UnixEpoch);
        typed.Should().Throw<SubsidyException>().WithMessage("Payment.AmountIsComputed");
        var future = () => Payment.Record(app, null, today.AddDays(1), "PAY-1", today, "county1", DateTimeOffset.UnixEpoch);
        future.Should().Throw<SubsidyException>().WithMessage("Payment.FutureDate");

        var payment = Payment.Record(app, null, today, "PAY-1", today, "county1", DateTimeOffset.UnixEpoch);
        payment.Should().NotBeNull("a computed amount is paid at once");
        payment!.Amount.Should().Be(500m);
        app.Status.Should().Be(ApplicationStatus.Paid);
        var twice = () => Payment.Record(app, null, today, "PAY-2", today, "county1", DateTimeOffset.UnixEpoch);
        twice.Should().Throw<SubsidyException>().WithMessage("Payment.NotPayable");
    }

    [Fact]
    public void An_entry_holds_what_the_public_sees_and_takes_objections_only_on_its_notice()
    {
        var notice = Notice.Publish("370702", "2026年第2批", 5, new DateOnly(2026, 11, 23), Calendar, "county1", DateTimeOffset.UnixEpoch);
        var other = Notice.Publish("370702", "2026年第3批", 5, new DateOnly(2026, 11, 23), Calendar, "county1", DateTimeOffset.UnixEpoch);
        var byUnit = ApprovedApplication();
        var byPerson = ApprovedApplication(SchemeCatalog.PostSubsidy, "欧阳娜娜");
        var notYet = () => NoticeEntry.Of(byUnit, "欧阳娜娜", "370702********0021", "向阳社区");
        notYet.Should().Throw<InvalidOperationException>("only an application on a notice has a public entry");
        byUnit.PublishOn(notice.Id);
        byPerson.PublishOn(notice.Id);

        var unit = NoticeEntry.Of(byUnit, "欧阳娜娜", "370702********0021", "向阳社区");
        var person = NoticeEntry.Of(byPerson, "欧阳娜娜", "370702********0021", "向阳社区");

        unit.Should().BeEquivalentTo(new
        {
            ApplicationId = byUnit.Id,
            NoticeId = notice.Id,
            RegionCode = "370702001001",
            MaskedName = "欧**娜",
            MaskedIdNumber = "370702********0021",
            SchemeCode = SchemeCatalog.CommunityJobDevelopment,
            ApplicantName = "向阳社区便民服务部",
            Amount = (decimal?)500m,
            RegionName = "向阳社区",
        });
        person.ApplicantName.Should().Be("欧**娜", "a person paid is masked like the person listed");

        var elsewhere = () => Objection.Lodge(other, unit, "不符合条件", null, new DateOnly(2026, 11, 24), DateTimeOffset.UnixEpoch);
        elsewhere.Should().Throw<SubsidyException>().WithMessage("Objection.NoticeNotOpen");
        var objection = Objection.Lodge(notice, unit, "此人已就业", null, new DateOnly(2026, 11, 24), DateTimeOffset.UnixEpoch);
        objection.ApplicationId.Should().Be(byUnit.Id);
        objection.RegionCode.Should().Be("370702001001", "the application's area resolves it");
    }

    private static SubsidyApplication ApprovedApplication(string scheme, string applicant)
    {
        var check = new EligibilityResult(scheme, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), JudgedAt.Application, Decision.Eligible, [], [], 500m, null);
        var app = SubsidyApplication.Submit(Guid.NewGuid(), SchemeCatalog.Find(scheme)!, Guid.NewGuid(), "370702001001", applicant,
            new Dictionary<string, string>(), check, null, new Actor(Guid.NewGuid(), "community1", Roles.CommunityStaff), DateTimeOffset.UnixEpoch);
        app.Act(StepAction.Approved, null, null, new Actor(Guid.NewGuid(), "street1", Roles.StreetStaff), DateTimeOffset.UnixEpoch);
        app.Act(StepAction.Approved, null, null, new Actor(Guid.NewGuid(), "county1", Roles.CountyOfficial), DateTimeOffset.UnixEpoch);
        return app;
    }

    private static SubsidyApplication ApprovedApplication()
    {
        var check = new EligibilityResult(SchemeCatalog.CommunityJobDevelopment, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), JudgedAt.Application, Decision.Eligible, [], [], 500m, null);
        var app = SubsidyApplication.Submit(Guid.NewGuid(), SchemeCatalog.Find(SchemeCatalog.CommunityJobDevelopment)!, Guid.NewGuid(), "370702001001", "向阳社区便民服务部",
            new Dictionary<string, string>(), check, null, new Actor(Guid.NewGuid(), "community1", Roles.CommunityStaff), DateTimeOffset.UnixEpoch);
        app.Act(StepAction.Approved, null, null, new Actor(Guid.NewGuid(), "street1", Roles.StreetStaff), DateTimeOffset.UnixEpoch);
        app.Act(StepAction.Approved, null, null, new Actor(Guid.NewGuid(), "county1", Roles.CountyOfficial), DateTimeOffset.UnixEpoch);
        return app;
    }
}
