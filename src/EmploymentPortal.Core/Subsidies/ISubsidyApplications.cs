using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Subsidy applications: staff prepare and submit them with the facts the rule needs (the check is
/// computed and stored at submission), and staff and officials act on the workflow's steps.
/// Scoped to the caller's area; every change audited.
/// </summary>
public interface ISubsidyApplications
{
    /// <summary>
    /// The person and the check the entered facts give today, for the form (no check before a
    /// scheme with a rule is chosen); null when the person is not in the area.
    /// </summary>
    Task<ApplicationPreview?> PreviewAsync(Guid personId, string? scheme, IReadOnlyDictionary<string, string?> facts, CancellationToken cancellationToken);

    /// <summary>Submits; <see cref="ApplicationInput.RequestId"/> becomes the id, so a double-clicked submit inserts once.</summary>
    Task<CommandResult> SubmitAsync(ApplicationInput input, CancellationToken cancellationToken);

    /// <summary>Corrects and resubmits a returned application (station or street staff).</summary>
    Task<CommandResult> ResubmitAsync(Guid id, ApplicationInput input, CancellationToken cancellationToken);

    /// <summary>
    /// Approves, rejects or returns the current step. <paramref name="version"/> is the one the
    /// actor saw: if someone acted in between, nothing happens and the caller is told (a repeat of
    /// the caller's own action, a double click, counts as done).
    /// </summary>
    Task<CommandResult> ActAsync(Guid id, StepAction action, string? reason, string? reference, uint version, CancellationToken cancellationToken);

    /// <summary>Approves each selected application's current step; one result per item.</summary>
    Task<IReadOnlyList<BulkItemResult>> ApproveManyAsync(IReadOnlyList<(Guid Id, uint Version)> items, CancellationToken cancellationToken);

    Task<PagedResult<ApplicationRow>> ListAsync(ApplicationQuery query, CancellationToken cancellationToken);

    Task<ApplicationDetail?> GetAsync(Guid id, CancellationToken cancellationToken);
}

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
    bool Overridden,
    decimal? Amount,
    DateTimeOffset SubmittedAt,
    int DaysWaiting,
    uint Version,
    bool MayAct);

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
