using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Correcting the register (docs/policy-rules.md, "Cancelling and merging records"): staff of the
/// area cancel (注销) a record registered in error, or merge a duplicate into the record that stays.
/// Each has a preview (what will happen, or why it cannot) and the command, which checks again,
/// audits and keeps the report rollups right in the same transaction.
/// </summary>
public interface IPersonCorrections
{
    /// <summary>What cancelling would do; null when the person is not a live record in the caller's area.</summary>
    Task<CancelPreview?> PreviewCancelAsync(Guid id, CancellationToken cancellationToken);

    Task<CommandResult> CancelAsync(Guid id, string reason, CancellationToken cancellationToken);

    /// <summary>The live records of the caller's area with the same name, which a duplicate may be merged into.</summary>
    Task<IReadOnlyList<PersonSummary>?> MergeCandidatesAsync(Guid duplicateId, CancellationToken cancellationToken);

    /// <summary>What merging would do; null when either is not a live record in the caller's area, or they are the same.</summary>
    Task<MergePreview?> PreviewMergeAsync(Guid duplicateId, Guid survivorId, CancellationToken cancellationToken);

    Task<CommandResult> MergeAsync(Guid duplicateId, Guid survivorId, string reason, CancellationToken cancellationToken);

    /// <summary>A cancelled record of the caller's area (for its history); null otherwise.</summary>
    Task<CancelledPerson?> CancelledAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>A record as the correction pages compare it.</summary>
public sealed record PersonSummary(
    Guid Id,
    string Name,
    string IdNumberMasked,
    DateOnly BirthDate,
    Sex Sex,
    string RegionName,
    DateOnly? UnemployedSince,
    Guid? HouseholdId,
    Relationship? Relationship,
    DateTimeOffset CreatedAt);

/// <summary>
/// What a cancellation does: the registrations and follow-ups stay with the cancelled record
/// (out of every list and figure); the person leaves their household (dissolved when they were
/// its last member). <see cref="Blocks"/> are message keys of what prevents it.
/// </summary>
public sealed record CancelPreview(PersonSummary Person, int Registrations, int FollowUps, bool LeavesHousehold, bool DissolvesHousehold, IReadOnlyList<string> Blocks);

/// <summary>
/// What a merge does: the duplicate's registrations that do not overlap one of the survivor's,
/// its follow-ups and its other records (applications, certifications, referrals, job
/// applications, links, pushes, transfers) move to the survivor; the duplicate's household place
/// goes to the survivor; the duplicate is cancelled. <see cref="Blocks"/> as for a cancellation.
/// </summary>
public sealed record MergePreview(
    PersonSummary Duplicate,
    PersonSummary Survivor,
    int RegistrationsMoved,
    int RegistrationsKept,
    int FollowUps,
    int OtherRecords,
    bool SurvivorJoinsHousehold,
    IReadOnlyList<string> Blocks);

/// <summary>A cancelled record: when, why, and the record it was merged into (if any).</summary>
public sealed record CancelledPerson(Guid Id, string Name, string IdNumberMasked, DateTimeOffset CancelledAt, string Reason, Guid? MergedIntoId);
