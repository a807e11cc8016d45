using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Core.Subsidies;

public sealed record ApplicationInput(
    Guid RequestId,
    Guid PersonId,
    string Scheme,
    string? ApplicantName,
    IReadOnlyDictionary<string, string?> Facts,
    string? OverrideReason);

public sealed record ApplicationPreview(string PersonName, string IdNumberMasked, EligibilityResult? Check, IReadOnlyList<string> InvalidFacts);

/// <summary>
/// The list filters. <see cref="ActionableOnly"/> keeps applications whose current step the
/// caller's role acts on; <see cref="MinDaysWaiting"/> those waiting at least that long.
/// </summary>
public sealed record ApplicationQuery(
    ApplicationStatus? Status = null,
    string? Scheme = null,
    string? RegionCode = null,
    int? MinDaysWaiting = null,
    bool ActionableOnly = false,
    Guid? PersonId = null,
    int Page = 1,
    Guid? NoticeId = null,
    int PageSize = 50);

public sealed record ApplicationRow(
    Guid Id,
    string Scheme,
    string PersonName,
    string IdNumberMasked,
    string ApplicantName,
    string RegionName,
    ApplicationStatus Status,
    string? StepCode,
    Decision Decision,
    string? OverrideReason,
    decimal? Amount,
    DateTimeOffset SubmittedAt,
    int DaysWaiting,
    uint Version,
    bool MayAct)
{
    /// <summary>
    /// Submitted against a check that did not say 符合 (flagged ⚑): never approved in bulk, each is
    /// opened and decided on its own with its override reason in view. Read from the decision, not
    /// from the reason, so a row whose stored reason is blank is flagged all the same.
    /// </summary>
    public bool Overridden => Decision != Decision.Eligible;

    /// <summary>Whether the row may be ticked for bulk approval.</summary>
    public bool MayBulkApprove => MayAct && !Overridden;
}

public sealed record ApplicationDetail(
    SubsidyApplication Application,
    string PersonName,
    string IdNumberMasked,
    string RegionName,
    int DaysWaiting,
    bool MayAct,
    bool MayResubmit,
    PaymentView? Payment,
    IReadOnlyList<Persons.AuditEntry> Audit);

public sealed record PaymentView(decimal Amount, DateOnly PaidOn, string Reference, string RecordedBy);

public sealed record BulkItemResult(Guid Id, string PersonName, bool Succeeded, string MessageKey);
