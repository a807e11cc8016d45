using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;

namespace EmploymentPortal.Domain.Subsidies;

public enum ApplicationStatus
{
    InReview = 1,
    Returned = 2,
    Rejected = 3,

    /// <summary>Every step approved; waiting to be published for public notice.</summary>
    Approved = 4,
    InNotice = 5,

    /// <summary>The notice ended with no upheld objection.</summary>
    Payable = 6,

    /// <summary>An objection to it was upheld during the notice: not paid.</summary>
    Withheld = 7,
    Paid = 8,
}

public enum StepAction
{
    Submitted = 1,
    Approved = 2,
    Rejected = 3,
    Returned = 4,
    Resubmitted = 5,
}

/// <summary>Who is acting on an application: the account and its one role.</summary>
public sealed record Actor(Guid? Id, string Name, string? Role);

/// <summary>A criterion of the check stored with an application or a certification request: its outcome and its reason as data.</summary>
public sealed record StoredCriterion(string Code, Outcome Outcome, Reason Reason);

/// <summary>One entry of an application's history: a submission or an action on a step.</summary>
public sealed class ApplicationAction
{
    private ApplicationAction()
    {
        StepCode = string.Empty;
        ActorName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>Submission round: 1, then one more for each resubmission after a return.</summary>
    public int Round { get; private set; }

    /// <summary>-1 for a submission, else the index of the workflow step acted on.</summary>
    public int StepIndex { get; private set; }

    public string StepCode { get; private set; }

    public StepAction Action { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The guarantee institution's or bank's reference number, for the steps that record one.</summary>
    public string? Reference { get; private set; }

    internal static ApplicationAction Create(Guid applicationId, int round, int stepIndex, string stepCode, StepAction action, Actor actor, DateTimeOffset at, string? reason, string? reference) => new()
    {
        Id = Guid.CreateVersion7(),
        ApplicationId = applicationId,
        Round = round,
        StepIndex = stepIndex,
        StepCode = stepCode,
        Action = action,
        ActorId = actor.Id,
        ActorName = actor.Name,
        At = at,
        Reason = reason,
        Reference = reference,
    };
}

/// <summary>
/// A subsidy application: for a person (and, for employer and investor schemes, the employer or
/// investor that is paid), with the facts staff entered, the eligibility check computed at
/// submission and stored with it, an override reason when staff submit against the check, and
/// its way through the scheme's workflow. The approver of a step may not be the submitter or an
/// actor of an earlier step of the same round.
/// </summary>
public sealed class SubsidyApplication
{
    public const int TextMaxLength = 500;
    public const int ReferenceMaxLength = 64;
    public const int ApplicantNameMaxLength = 100;

    private readonly List<ApplicationAction> _actions = [];

    private SubsidyApplication()
    {
        SchemeCode = string.Empty;
        RegionCode = string.Empty;
        ApplicantName = string.Empty;
        Facts = new Dictionary<string, string>();
        Check = [];
        SubmittedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public string SchemeCode { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The person's community: the application is scoped with it.</summary>
    public string RegionCode { get; private set; }

    public Beneficiary ApplicantKind { get; private set; }

    /// <summary>The person, or the employer or investor the scheme pays.</summary>
    public string ApplicantName { get; private set; }

    public DateOnly ApplicationDate { get; private set; }

    /// <summary>The date the check judged the person at (<see cref="JudgedAt"/>: the hire, or the application date).</summary>
    public DateOnly PersonJudgedOn { get; private set; }

    public JudgedAt JudgedAt { get; private set; }

    /// <summary>The entered facts, by <see cref="FactField.Name"/>, as invariant text.</summary>
    public Dictionary<string, string> Facts { get; private set; }

    public Decision Decision { get; private set; }

    public List<StoredCriterion> Check { get; private set; }

    public decimal? Amount { get; private set; }

    public int? DurationMonths { get; private set; }

    /// <summary>Why staff submitted although the check did not say "eligible"; shown flagged to approvers.</summary>
    public string? OverrideReason { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>The workflow step waiting for action (index into <see cref="Workflows.Steps"/>).</summary>
    public int StepIndex { get; private set; }

    public int Round { get; private set; }

    public Guid? SubmittedById { get; private set; }

    public string SubmittedByName { get; private set; }

    /// <summary>When the current round was submitted: the queue's "days waiting" count from the last action.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset LastActionAt { get; private set; }

    public Guid? NoticeId { get; private set; }

    /// <summary>A typed payment amount (the rule computed none) waiting for a second official's confirmation.</summary>
    public decimal? PendingPaymentAmount { get; private set; }

    public DateOnly? PendingPaymentPaidOn { get; private set; }

    public string? PendingPaymentReference { get; private set; }

    /// <summary>Who typed the pending amount; another official must confirm it.</summary>
    public Guid? PendingPaymentById { get; private set; }

    public string? PendingPaymentByName { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<ApplicationAction> Actions => _actions;

    public SchemeDefinition Scheme => SchemeCatalog.Find(SchemeCode) ?? throw new InvalidOperationException($"Unknown scheme {SchemeCode}.");

    public IReadOnlyList<WorkflowStep> Steps => Workflows.Steps(Scheme.Workflow);

    public WorkflowStep? CurrentStep => Status == ApplicationStatus.InReview ? Steps[StepIndex] : null;

    /// <summary>
    /// Submits an application with its check. A check that is not "eligible" needs an override
    /// reason. <paramref name="id"/> comes from the form, so a double-clicked submit inserts once.
    /// </summary>
    public static SubsidyApplication Submit(
        Guid id,
        SchemeDefinition scheme,
        Guid personId,
        string regionCode,
        string applicantName,
        IReadOnlyDictionary<string, string> facts,
        EligibilityResult check,
        string? overrideReason,
        Actor actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(actor);
        RequireSubmitter(actor);
        var application = new SubsidyApplication
        {
            Id = id,
            SchemeCode = scheme.Code,
            PersonId = personId,
            RegionCode = regionCode,
            ApplicantKind = scheme.Beneficiary,
        };
        application.SetApplicant(applicantName);
        application.Record(facts, check, overrideReason);
        application.Round = 1;
        application.StartRound(StepAction.Submitted, actor, at);
        return application;
    }

    /// <summary>After a return for correction: new facts and check, and the workflow starts again.</summary>
    public void Resubmit(string applicantName, IReadOnlyDictionary<string, string> facts, EligibilityResult check, string? overrideReason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status != ApplicationStatus.Returned)
        {
            throw new SubsidyException("Application.NotReturned");
        }

        RequireSubmitter(actor);
        SetApplicant(applicantName);
        Record(facts, check, overrideReason);
        Round++;
        StartRound(StepAction.Resubmitted, actor, at);
    }

    /// <summary>
    /// Approves, rejects (reason required) or returns (reason required) the current step. The
    /// actor must hold a role of the step and must not have submitted the application or acted on
    /// an earlier step of this round.
    /// </summary>
    public ApplicationAction Act(StepAction action, string? reason, string? reference, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (action is not (StepAction.Approved or StepAction.Rejected or StepAction.Returned))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Not a step action.");
        }

        if (CurrentStep is not { } step)
        {
            throw new SubsidyException("Application.NotInReview");
        }

        if (actor.Role is null || !step.Roles.Contains(actor.Role))
        {
            throw new SubsidyException("Application.WrongRole");
        }

        if (!MayAct(actor.Id))
        {
            throw new SubsidyException("Application.SeparationOfDuties");
        }

        reason = Clean(reason, TextMaxLength, "Reason");
        reference = Clean(reference, ReferenceMaxLength, "Reference");
        if (action != StepAction.Approved && reason is null)
        {
            throw new SubsidyException("Application.ReasonRequired", "Reason");
        }

        if (action == StepAction.Approved && step.RecordsReference && reference is null)
        {
            throw new SubsidyException("Application.ReferenceRequired", "Reference");
        }

        var entry = ApplicationAction.Create(Id, Round, StepIndex, step.Code, action, actor, at, reason, action == StepAction.Approved ? reference : null);
        _actions.Add(entry);
        LastActionAt = at;
        switch (action)
        {
            case StepAction.Approved when StepIndex + 1 == Steps.Count:
                Status = ApplicationStatus.Approved;
                break;
            case StepAction.Approved:
                StepIndex++;
                break;
            case StepAction.Rejected:
                Status = ApplicationStatus.Rejected;
                break;
            default:
                Status = ApplicationStatus.Returned;
                break;
        }

        return entry;
    }

    /// <summary>
    /// Separation of duties: whoever submitted the application (in any round) or acted on an
    /// earlier step of this round may not act on the current one. System actors (no id) are not
    /// workflow actors.
    /// </summary>
    public bool MayAct(Guid? actorId) =>
        actorId is { } id
        && !_actions.Any(a => a.ActorId == id && (a.StepIndex < 0 || (a.Round == Round && a.StepIndex < StepIndex)));

    /// <summary>Puts an approved application on a public notice.</summary>
    public void PublishOn(Guid noticeId)
    {
        if (Status != ApplicationStatus.Approved)
        {
            throw new SubsidyException("Notice.NotApproved");
        }

        Status = ApplicationStatus.InNotice;
        NoticeId = noticeId;
    }

    /// <summary>The notice ended: payable unless an objection to it was upheld.</summary>
    public void EndNotice(bool objectionUpheld)
    {
        if (Status != ApplicationStatus.InNotice)
        {
            throw new SubsidyException("Notice.NotInNotice");
        }

        Status = objectionUpheld ? ApplicationStatus.Withheld : ApplicationStatus.Payable;
    }

    public void MarkPaid()
    {
        if (Status != ApplicationStatus.Payable)
        {
            throw new SubsidyException("Payment.NotPayable");
        }

        Status = ApplicationStatus.Paid;
        ClearPendingPayment();
    }

    /// <summary>Who approved the last step of the current round (the approver may not pay it: separation of duties).</summary>
    public Guid? LastStepApproverId =>
        _actions.Where(a => a.Round == Round && a.StepIndex == Steps.Count - 1 && a.Action == StepAction.Approved).Select(a => a.ActorId).LastOrDefault();

    internal void HoldPendingPayment(decimal amount, DateOnly paidOn, string reference, Guid? byId, string byName)
    {
        if (Status != ApplicationStatus.Payable)
        {
            throw new SubsidyException("Payment.NotPayable");
        }

        if (PendingPaymentAmount is not null)
        {
            throw new SubsidyException("Payment.AwaitingConfirmation", "Amount");
        }

        PendingPaymentAmount = amount;
        PendingPaymentPaidOn = paidOn;
        PendingPaymentReference = reference;
        PendingPaymentById = byId;
        PendingPaymentByName = byName;
    }

    internal void ClearPendingPayment()
    {
        PendingPaymentAmount = null;
        PendingPaymentPaidOn = null;
        PendingPaymentReference = null;
        PendingPaymentById = null;
        PendingPaymentByName = null;
    }

    private static void RequireSubmitter(Actor actor)
    {
        if (actor.Role is null || !Workflows.SubmitterRoles.Contains(actor.Role))
        {
            throw new SubsidyException("Application.WrongRole");
        }
    }

    private static string? Clean(string? text, int max, string field)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length > max ? throw new SubsidyException("Validation.TooLong", field) : text;
    }

    private void SetApplicant(string applicantName)
    {
        ApplicantName = Clean(applicantName, ApplicantNameMaxLength, string.Empty) ?? throw new SubsidyException("Application.ApplicantRequired");
    }

    private void Record(IReadOnlyDictionary<string, string> facts, EligibilityResult check, string? overrideReason)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!string.Equals(check.SchemeCode, SchemeCode, StringComparison.Ordinal))
        {
            throw new ArgumentException("The check is of another scheme.", nameof(check));
        }

        // A reason made only of spaces or zero-width characters is no reason (issue 15).
        overrideReason = Clean(TextInput.Clean(overrideReason), TextMaxLength, "OverrideReason");
        if (check.Decision != Decision.Eligible && overrideReason is null)
        {
            throw new SubsidyException("Application.OverrideRequired", "OverrideReason");
        }

        Facts = new Dictionary<string, string>(facts);
        ApplicationDate = check.On;
        PersonJudgedOn = check.PersonOn;
        JudgedAt = check.JudgedAt;
        Decision = check.Decision;
        Check = check.Criteria.Select(c => new StoredCriterion(c.Code, c.Outcome, c.Reason)).ToList();
        Amount = check.Amount;
        DurationMonths = check.DurationMonths;
        OverrideReason = check.Decision == Decision.Eligible ? null : overrideReason;
    }

    private void StartRound(StepAction action, Actor actor, DateTimeOffset at)
    {
        Status = ApplicationStatus.InReview;
        StepIndex = 0;
        SubmittedById = actor.Id;
        SubmittedByName = actor.Name;
        SubmittedAt = at;
        LastActionAt = at;
        _actions.Add(ApplicationAction.Create(Id, Round, -1, "Submit", action, actor, at, OverrideReason, null));
    }
}

/// <summary>A broken rule of an application, notice or payment; a text key and the form field it belongs to.</summary>
public sealed class SubsidyException : DomainException
{
    public SubsidyException(string messageKey, string field = "")
        : base(messageKey, field)
    {
    }
}
