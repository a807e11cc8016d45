using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

public sealed record RegisterPersonInput(string IdNumber, int RegionId, PersonDetails Details);

/// <summary>
/// A registration's outcome. When the ID is already registered, <see cref="ExistingPersonId"/> is
/// set if the record lies in the caller's area; otherwise only <see cref="RegisteredElsewhere"/>
/// is told (no unit, no personal data: issue 15, finding 8).
/// </summary>
public sealed record RegisterPersonResult(Guid? PersonId, IReadOnlyList<(string Field, string MessageKey)> Errors, Guid? ExistingPersonId = null, bool RegisteredElsewhere = false)
{
    public bool Succeeded => PersonId is not null;
}

public enum PersonSort
{
    Name = 0,
    Newest = 1,
    Age = 2,
}

public sealed record PersonListQuery(
    string? Search,
    EmploymentStatus? Status,
    PriorityGroups? Group,
    bool LongTermOnly,
    bool Age4050Only,
    EducationLevel? MaxEducation,
    string? RegionCode,
    PersonSort Sort,
    int Page,
    int PageSize,
    bool CertifiedHardshipOnly = false,
    bool LongTermSoonOnly = false,
    bool DueVisitOnly = false);

public sealed record PersonListItem(
    Guid Id,
    string Name,
    string IdNumberMasked,
    Sex Sex,
    int Age,
    string PhoneMasked,
    EmploymentStatus Status,
    PriorityGroups Groups,
    string RegionName,
    DateOnly? RegisteredUnemployedOn,
    bool LongTerm);

public enum TimelineKind
{
    Registered = 1,
    UnemploymentRegistered = 2,
    UnemploymentEnded = 3,
    FollowUp = 4,
    HouseholdStatus = 5,
    Transferred = 6,
}

public sealed record TimelineEntry(
    DateOnly On,
    TimelineKind Kind,
    string? Detail,
    string? By,
    FollowUpKind? FollowUpKind,
    UnemploymentEndReason? EndReason,
    Domain.Households.ZeroEmploymentStatus? HouseholdStatus = null);

public sealed record UnemploymentView(DateOnly RegisteredOn, DateOnly? EndedOn, UnemploymentEndReason? EndReason, int Months, bool LongTerm);

public sealed record PersonView(
    Guid Id,
    string RegionCode,
    string RegionName,
    string IdNumberMasked,
    DateOnly BirthDate,
    Sex Sex,
    Age Age,
    PersonDetails Details,
    string PhoneMasked,
    UnemploymentView? OpenRegistration,
    PersonHousehold? Household,
    IReadOnlyList<TimelineEntry> Timeline) : IRegionScoped;

/// <summary>The household a person belongs to, as shown on their page.</summary>
public sealed record PersonHousehold(Guid Id, Domain.Households.Relationship Relationship, Domain.Households.ZeroEmploymentStatus Status);

public sealed record RegionOption(int Id, string Code, string Name);

public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Before, string? After);
