using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Domain.Tests;

/// <summary>
/// Separation of duties outside the subsidy steps (issue 15, finding 7): for each rule the same
/// person is refused and a second person succeeds.
/// </summary>
public sealed class SeparationOfDutiesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;
    private static readonly Guid Clerk = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();

    [Fact]
    public void Employer_WhoeverEnteredIt_CannotVerifyIt_AnotherCan()
    {
        var employer = Employer.Create(CreditCode(), "潍城保安服务有限公司", "保安服务", EmployerSize.Small, 1, "370702001001", "王经理", "13800000000", null, At, enteredById: Clerk);

        var own = () => employer.Verify(true, null, "street1", At, Clerk);
        own.Should().Throw<JobsException>().WithMessage("Employer.OwnEntry");
        var ownRejection = () => employer.Verify(false, "材料不全", "street1", At, Clerk);
        ownRejection.Should().Throw<JobsException>().WithMessage("Employer.OwnEntry");
        employer.Status.Should().Be(EmployerStatus.Pending);

        employer.Verify(true, null, "street1b", At, Colleague);
        employer.Status.Should().Be(EmployerStatus.Verified);
    }

    [Fact]
    public void Posting_WhoeverCreatedOrLastChangedIt_CannotReviewIt_AThirdPersonCan()
    {
        var editor = Guid.NewGuid();
        var posting = Posting.Create(Guid.NewGuid(), Details(), "street1", At, Today, Clerk);
        posting.Update(Details() with { Title = "小区保安员" }, Today, editor);
        posting.SubmitForReview();

        var byCreator = () => posting.Review(true, null, EmployerStatus.Verified, "street1", At, Today, Clerk);
        byCreator.Should().Throw<JobsException>().WithMessage("Posting.OwnEntry");
        var byEditor = () => posting.Review(false, "请写明工作时间", EmployerStatus.Verified, "county1", At, Today, editor);
        byEditor.Should().Throw<JobsException>().WithMessage("Posting.OwnEntry");
        posting.Status.Should().Be(PostingStatus.PendingReview);

        posting.Review(true, null, EmployerStatus.Verified, "street1b", At, Today, Colleague);
        posting.Status.Should().Be(PostingStatus.Published);
    }

    [Fact]
    public void Transfer_TheRequester_CannotReleaseIt_AnotherCan()
    {
        var transfer = TransferRequest.Request(Guid.NewGuid(), 7, "370702001001", 8, "370702001002", "搬家", Clerk, "street1", At);

        var own = () => transfer.Decide(true, null, Clerk, "street1", At);
        own.Should().Throw<PersonException>().WithMessage("Transfer.OwnRequest");
        transfer.Status.Should().Be(TransferStatus.Pending);

        transfer.Decide(true, null, Colleague, "community1", At);
        transfer.Status.Should().Be(TransferStatus.Released);
    }

    [Fact]
    public void Payment_TheApproverOfTheLastStep_CannotPay_AnotherCan()
    {
        var approver = Guid.NewGuid();
        var app = PayableApplication(500m, approver);

        var own = () => Payment.Record(app, null, Today, "PAY-1", Today, "county1", At, approver);
        own.Should().Throw<SubsidyException>().WithMessage("Payment.ApproverMayNotPay");
        app.Status.Should().Be(ApplicationStatus.Payable);

        var payment = Payment.Record(app, null, Today, "PAY-1", Today, "city1", At, Colleague);
        payment!.Amount.Should().Be(500m);
        app.Status.Should().Be(ApplicationStatus.Paid);
    }

    [Fact]
    public void Payment_TypedAmount_WaitsForASecondOfficial_NotTheTypistNorTheApprover()
    {
        var approver = Guid.NewGuid();
        var app = PayableApplication(null, approver);

        Payment.Record(app, 1234.5m, Today, "PAY-9", Today, "county1b", At, Clerk).Should().BeNull("a typed amount is not paid on one person's word");
        app.Status.Should().Be(ApplicationStatus.Payable);
        app.PendingPaymentAmount.Should().Be(1234.5m);
        var again = () => Payment.Record(app, 99m, Today, "PAY-10", Today, "county1b", At, Clerk);
        again.Should().Throw<SubsidyException>().WithMessage("Payment.AwaitingConfirmation");

        var bySelf = () => Payment.Confirm(app, "county1b", At, Clerk);
        bySelf.Should().Throw<SubsidyException>().WithMessage("Payment.SecondPersonRequired");
        var byApprover = () => Payment.Confirm(app, "county1", At, approver);
        byApprover.Should().Throw<SubsidyException>().WithMessage("Payment.ApproverMayNotPay");
        app.Status.Should().Be(ApplicationStatus.Payable);

        var payment = Payment.Confirm(app, "city1", At, Colleague);
        payment.Amount.Should().Be(1234.5m);
        payment.Reference.Should().Be("PAY-9");
        payment.RecordedByName.Should().Be("county1b");
        payment.RecordedById.Should().Be(Clerk);
        payment.ConfirmedByName.Should().Be("city1");
        app.Status.Should().Be(ApplicationStatus.Paid);
        app.PendingPaymentAmount.Should().BeNull();
    }

    [Fact]
    public void Payment_TypedAmount_SentBack_IsTypedAgain()
    {
        var app = PayableApplication(null, Guid.NewGuid());
        Payment.Record(app, 800m, Today, "PAY-11", Today, "county1b", At, Clerk);

        Payment.Discard(app);

        app.PendingPaymentAmount.Should().BeNull();
        var confirm = () => Payment.Confirm(app, "city1", At, Colleague);
        confirm.Should().Throw<SubsidyException>().WithMessage("Payment.NothingToConfirm");
        Payment.Record(app, 880m, Today, "PAY-11", Today, "county1b", At, Clerk).Should().BeNull();
        app.PendingPaymentAmount.Should().Be(880m);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u200B\u200B")]
    [InlineData(" \u3000\uFEFF ")]
    public void Override_ReasonOfSpacesOrZeroWidthCharacters_IsNoReason(string reason)
    {
        var check = new EligibilityResult(SchemeCatalog.CommunityJobDevelopment, Today, Today, JudgedAt.Application, Decision.NotEligible, [], [], 500m, null);
        var submit = () => SubsidyApplication.Submit(Guid.NewGuid(), SchemeCatalog.Find(SchemeCatalog.CommunityJobDevelopment)!, Guid.NewGuid(), "370702001001", "向阳社区便民服务部",
            new Dictionary<string, string>(), check, reason, new Actor(Guid.NewGuid(), "community1", Roles.CommunityStaff), At);

        submit.Should().Throw<SubsidyException>().WithMessage("Application.OverrideRequired");
    }

    [Fact]
    public void Override_ReasonIsStoredWithoutSurroundingZeroWidthCharacters()
    {
        var check = new EligibilityResult(SchemeCatalog.CommunityJobDevelopment, Today, Today, JudgedAt.Application, Decision.NotEligible, [], [], 500m, null);
        var app = SubsidyApplication.Submit(Guid.NewGuid(), SchemeCatalog.Find(SchemeCatalog.CommunityJobDevelopment)!, Guid.NewGuid(), "370702001001", "向阳社区便民服务部",
            new Dictionary<string, string>(), check, "\u200B 已补交劳动合同 \u200B", new Actor(Guid.NewGuid(), "community1", Roles.CommunityStaff), At);

        app.OverrideReason.Should().Be("已补交劳动合同");
    }

    [Fact]
    public void Administrators_HoldNoCapabilityOverPersonalData_AndNoCaseWork()
    {
        var personal = new[]
        {
            Capabilities.RegisterPersons, Capabilities.ManageHouseholds, Capabilities.ViewSubsidyApplications, Capabilities.ViewEmployers,
            Capabilities.ManagePostings, Capabilities.ViewAreaCandidates, Capabilities.ApproveSubsidies, Capabilities.PaySubsidies, Capabilities.EditPolicyNumbers,
        };
        foreach (var role in Roles.Administrators)
        {
            personal.Where(c => Capabilities.Allows(role, c)).Should().BeEmpty(role);
        }

        // The system administrator runs the system: accounts, the organisation, and the scheduled jobs
        // (their times, outcomes, and "run now": no page of theirs shows a person; ADR 0009).
        Capabilities.Map.Where(c => c.Value.Contains(Roles.SystemAdmin)).Select(c => c.Key).Should().BeEquivalentTo(
            [Capabilities.ManageAccounts, Capabilities.ViewOrganisation, Capabilities.RunScheduledJobs, Capabilities.SignOut, Capabilities.ManageOwnAccount]);
        Capabilities.Map.Where(c => c.Value.Contains(Roles.SecurityAdmin)).Select(c => c.Key).Should().BeEquivalentTo([Capabilities.ManageSecurity, Capabilities.SignOut, Capabilities.ManageOwnAccount]);
        Capabilities.Map.Where(c => c.Value.Contains(Roles.AuditAdmin)).Select(c => c.Key).Should().BeEquivalentTo([Capabilities.ReadAudit, Capabilities.SignOut, Capabilities.ManageOwnAccount]);
        Capabilities.RolesWith(Capabilities.KeepCalendar).Should().Equal(Roles.CityOfficial);
    }

    private static PostingDetails Details() =>
        new("小区保安", "负责小区门岗值守", "3-02", 1, "370702001001", 3000, 4500, 2, PostingType.FullTime, null, null, "王经理", "13800000000", Today, Today.AddDays(30));

    private static CreditCode CreditCode() =>
        Jobs.CreditCode.TryParse("91110108551385082Q", out var code) ? code : throw new InvalidOperationException();

    private static SubsidyApplication PayableApplication(decimal? amount, Guid lastApprover)
    {
        var check = new EligibilityResult(SchemeCatalog.CommunityJobDevelopment, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), JudgedAt.Application, Decision.Eligible, [], [], amount, null);
        var app = SubsidyApplication.Submit(Guid.NewGuid(), SchemeCatalog.Find(SchemeCatalog.CommunityJobDevelopment)!, Guid.NewGuid(), "370702001001", "向阳社区便民服务部",
            new Dictionary<string, string>(), check, null, new Actor(Guid.NewGuid(), "community1", Roles.CommunityStaff), At);
        app.Act(StepAction.Approved, null, null, new Actor(Guid.NewGuid(), "street1", Roles.StreetStaff), At);
        app.Act(StepAction.Approved, null, null, new Actor(lastApprover, "county1", Roles.CountyOfficial), At);
        app.PublishOn(Guid.NewGuid());
        app.EndNotice(objectionUpheld: false);
        return app;
    }
}
