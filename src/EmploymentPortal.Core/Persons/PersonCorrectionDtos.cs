using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

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
