using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Domain.Tests;

public sealed class SubsidyWorkflowTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Community = new(Guid.NewGuid(), "community1", Roles.CommunityStaff);
    private static readonly Actor Community2 = new(Guid.NewGuid(), "community1b", Roles.CommunityStaff);
    private static readonly Actor Street = new(Guid.NewGuid(), "street1", Roles.StreetStaff);
    private static readonly Actor Street2 = new(Guid.NewGuid(), "street1b", Roles.StreetStaff);
    private static readonly Actor County = new(Guid.NewGuid(), "county1", Roles.CountyOfficial);

    private static EligibilityResult Check(string scheme, Decision decision = Decision.Eligible) =>
        new(scheme, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), JudgedAt.Application, decision, [new Criterion("X", decision == Decision.Eligible ? Outcome.Met : Outcome.NotMet, Reason.Of("X.Met", ("on", new DateArg(new DateOnly(2026, 11, 2)))), new Dictionary<string, string>())], [], decision == Decision.Eligible ? 500m : null, null);

    private static SubsidyApplication Standard(Actor? by = null) =>
        SubsidyApplication.Submit(Guid.NewGuid(), SchemeCatalog.Find(SchemeCatalog.CommunityJobDevelopment)!, Guid.NewGuid(), "370702001001", "向阳社区便民服务部",
            new Dictionary<string, string> { ["ContractStart"] = "2026-01-01" }, Check(SchemeCatalog.CommunityJobDevelopment), null, by ?? Community, At);

    [Fact]
    public void Standard_workflow_runs_street_then_county_and_stores_the_check()
    {
        var app = Standard();
        app.Status.Should().Be(ApplicationStatus.InReview);
        app.CurrentStep!.Code.Should().Be("StreetReview");
        app.Amount.Should().Be(500m);
        var stored = Reason.Of("X.Met", ("on", new DateArg(new DateOnly(2026, 11, 2))));
        app.Check.Should().ContainSingle(c => c.Reason == stored, "the check is stored as reason codes and typed arguments");
        app.PersonJudgedOn.Should().Be(new DateOnly(2026, 11, 2));

        app.Act(StepAction.Approved, null, null, Street, At.AddHours(1));
        app.CurrentStep!.Code.Should().Be("CountyApprove");
        app.Act(StepAction.Approved, null, null, County, At.AddHours(2));

        app.Status.Should().Be(ApplicationStatus.Approved);
        app.Actions.Select(a => a.Action).Should().Equal(StepAction.Submitted, StepAction.Approved, StepAction.Approved);
    }

    [Fact]
    public void The_wrong_role_cannot_act_on_a_step()
    {
        var app = Standard();
        var act = () => app.Act(StepAction.Approved, null, null, County, At);
        act.Should().Throw<SubsidyException>().WithMessage("Application.WrongRole");
    }

    [Fact]
    public void The_submitter_may_not_approve_a_later_step()
    {
        // A street staff member may submit; the same account may not then review it.
        var app = Standard(Street);
        var act = () => app.Act(StepAction.Approved, null, null, Street, At);
        act.Should().Throw<SubsidyException>().WithMessage("Application.SeparationOfDuties");
        app.MayAct(Street.Id).Should().BeFalse();
        app.MayAct(Street2.Id).Should().BeTrue();
    }

    [Fact]
    public void An_actor_of_an_earlier_step_may_not_act_on_a_later_one()
    {
        var loan = SubsidyApplication.Submit(Guid.NewGuid(), SchemeCatalog.Find(SchemeCatalog.SmallLoan)!, Guid.NewGuid(), "370702001001", "张三",
            new Dictionary<string, string>(), Check(SchemeCatalog.SmallLoan), null, Community, At);
        loan.Act(StepAction.Approved, null, null, Community2, At);
        loan.Act(StepAction.Approved, null, null, Street, At);
        loan.CurrentStep!.Code.Should().Be("Guarantee");

        var again = () => loan.Act(StepAction.Approved, null, "DB-2026-001", Street, At);
        again.Should().Throw<SubsidyException>().WithMessage("Application.SeparationOfDuties");
    }

    [Fact]
    public void Guarantee_and_bank_steps_record_reference_numbers()
    {
        var loan = SubsidyApplication.Submit(Guid.NewGuid(), SchemeCatalog.Find(SchemeCatalog.SmallLoan)!, Guid.NewGuid(), "370702001001", "张三",
            new Dictionary<string, string>(), Check(SchemeCatalog.SmallLoan), null, Community, At);
        loan.Act(StepAction.Approved, null, null, Community2, At);
        loan.Act(StepAction.Approved, null, null, Street, At);

        var noReference = () => loan.Act(StepAction.Approved, null, "  ", Street2, At);
        noReference.Should().Throw<SubsidyException>().WithMessage("Application.ReferenceRequired");

        loan.Act(StepAction.Approved, null, "DB-2026-001", Street2, At);
        loan.Act(StepAction.Approved, null, "BANK-77", County, At);
        loan.Status.Should().Be(ApplicationStatus.Approved);
        loan.Actions.Where(a => a.Reference != null).Select(a => a.Reference).Should().Equal("DB-2026-001", "BANK-77");
    }

    [Theory]
    [InlineData(StepAction.Rejected)]
    [InlineData(StepAction.Returned)]
    public void Reject_and_return_need_a_reason(StepAction action)
    {
        var app = Standard();
        var act = () => app.Act(action, " ", null, Street, At);
        act.Should().Throw<SubsidyException>().WithMessage("Application.ReasonRequired");
        app.Status.Should().Be(ApplicationStatus.InReview);
    }

    [Fact]
    public void A_rejected_or_approved_application_takes_no_more_actions()
    {
        var app = Standard();
        app.Act(StepAction.Rejected, "合同不足三年", null, Street, At);
        app.Status.Should().Be(ApplicationStatus.Rejected);
        var act = () => app.Act(StepAction.Approved, null, null, County, At);
        act.Should().Throw<SubsidyException>().WithMessage("Application.NotInReview");
        var resubmit = () => app.Resubmit("x", new Dictionary<string, string>(), Check(SchemeCatalog.CommunityJobDevelopment), null, Community, At);
        resubmit.Should().Throw<SubsidyException>().WithMessage("Application.NotReturned");
    }

    [Fact]
    public void Returned_then_resubmitted_starts_the_workflow_again_with_a_new_check()
    {
        var app = Standard();
        app.Act(StepAction.Approved, null, null, Street, At);
        app.Act(StepAction.Returned, "请补充社保缴费证明", null, County, At);
        app.Status.Should().Be(ApplicationStatus.Returned);

        app.Resubmit("向阳社区便民服务部", new Dictionary<string, string> { ["SocialInsurancePaidOnTime"] = "true" }, Check(SchemeCatalog.CommunityJobDevelopment), null, Community, At.AddDays(1));

        app.Status.Should().Be(ApplicationStatus.InReview);
        app.Round.Should().Be(2);
        app.CurrentStep!.Code.Should().Be("StreetReview");
        app.Facts.Should().ContainKey("SocialInsurancePaidOnTime");

        // The street reviewer of round 1 may review round 2 again; the county official may approve.
        app.Act(StepAction.Approved, null, null, Street, At.AddDays(2));
        app.Act(StepAction.Approved, null, null, County, At.AddDays(3));
        app.Status.Should().Be(ApplicationStatus.Approved);
    }

    [Fact]
    public void An_ineligible_check_needs_an_override_reason_which_is_kept()
    {
        var scheme = SchemeCatalog.Find(SchemeCatalog.CommunityJobDevelopment)!;
        var notEligible = Check(scheme.Code, Decision.NotEligible);
        var without = () => SubsidyApplication.Submit(Guid.NewGuid(), scheme, Guid.NewGuid(), "370702001001", "x", new Dictionary<string, string>(), notEligible, null, Community, At);
        without.Should().Throw<SubsidyException>().WithMessage("Application.OverrideRequired");

        var with = SubsidyApplication.Submit(Guid.NewGuid(), scheme, Guid.NewGuid(), "370702001001", "x", new Dictionary<string, string>(), notEligible, "合同已续签，待补材料", Community, At);
        with.OverrideReason.Should().Be("合同已续签，待补材料");
        with.Amount.Should().BeNull();
    }

    [Fact]
    public void Only_station_and_street_staff_submit()
    {
        var act = () => Standard(County);
        act.Should().Throw<SubsidyException>().WithMessage("Application.WrongRole");
    }

    [Fact]
    public void Notice_then_payable_or_withheld_then_paid_once()
    {
        var app = Standard();
        app.Act(StepAction.Approved, null, null, Street, At);
        var early = () => app.PublishOn(Guid.NewGuid());
        early.Should().Throw<SubsidyException>().WithMessage("Notice.NotApproved");
        app.Act(StepAction.Approved, null, null, County, At);

        app.PublishOn(Guid.NewGuid());
        app.Status.Should().Be(ApplicationStatus.InNotice);
        app.EndNotice(objectionUpheld: false);
        app.Status.Should().Be(ApplicationStatus.Payable);
        app.MarkPaid();
        var twice = () => app.MarkPaid();
        twice.Should().Throw<SubsidyException>().WithMessage("Payment.NotPayable");
    }
}

public sealed class ApplicationFactsTests
{
    [Fact]
    public void Every_scheme_with_a_rule_asks_for_the_facts_its_rule_reads_and_the_registry_cannot_know()
    {
        foreach (var scheme in SchemeCatalog.All)
        {
            ApplicationFacts.For(scheme.Code).Should().NotBeEmpty($"{scheme.Code} needs facts staff enter");
        }
    }

    [Fact]
    public void Typed_values_set_facts_blank_stays_unknown_and_bad_values_are_named()
    {
        var registry = new EligibilityFacts { ApplicationDate = new DateOnly(2026, 11, 23) };
        var (facts, invalid) = ApplicationFacts.Apply(SchemeCatalog.SmallLoan, registry, new Dictionary<string, string?>
        {
            ["StartingSelfEmployment"] = "true",
            ["RequestedLoanAmount"] = "15万",
            ["RequestedLoanTermMonths"] = " ",
            ["ContractStart"] = "2026-01-01", // not a small-loan fact: ignored
        });

        facts.StartingSelfEmployment.Should().BeTrue();
        facts.RequestedLoanAmount.Should().BeNull();
        facts.RequestedLoanTermMonths.Should().BeNull();
        facts.ContractStart.Should().BeNull();
        invalid.Should().Equal("RequestedLoanAmount");
    }
}
