using EmploymentPortal.Domain.Households;

namespace EmploymentPortal.Core.Households;

/// <summary>
/// <paramref name="Corrected"/> households had a false elimination; <paramref name="Confirmed"/>
/// eliminations were found to follow a member finding work and now say so.
/// </summary>
public sealed record HouseholdRepairSummary(int Examined, int Corrected, int Confirmed, TimeSpan Elapsed);

public sealed record RecomputeSummary(int Households, int Changed, TimeSpan Elapsed);

public sealed record HouseholdDetails(string Address, Domain.Persons.HukouType Hukou, bool HasBusinessIncome);

public sealed record HouseholdListQuery(ZeroEmploymentStatus? Status, string? RegionCode, int Page, int PageSize);

public sealed record HouseholdListItem(
    Guid Id,
    string HeadName,
    string Address,
    string RegionName,
    int Members,
    ZeroEmploymentStatus Status,
    DateOnly? StatusSince,
    string? AssignedStaffName);

public sealed record HouseholdMember(
    Guid PersonId,
    string Name,
    string IdNumberMasked,
    Relationship Relationship,
    int Age,
    Domain.Persons.Sex Sex,
    Domain.Persons.EmploymentStatus EmploymentStatus,
    bool InLabourForce);

public sealed record StatusStep(ZeroEmploymentStatus From, ZeroEmploymentStatus To, DateOnly On, HouseholdChangeCause Cause);

/// <summary>A member joined (with the relationship) or left; <paramref name="Name"/> is null for a person outside the caller's area now.</summary>
public sealed record MembershipStep(Guid PersonId, string? Name, Relationship Relationship, bool Joined, DateOnly On);

/// <summary>A member to add when a household is created: the full ID number and the relationship to the head (a row without a number is ignored).</summary>
public sealed record NewMember(string? IdNumber, Relationship? Relationship);

/// <summary>A household as it would be created: its members (head first) and the status they give it.</summary>
public sealed record HouseholdPreview(ZeroEmploymentStatus Status, IReadOnlyList<HouseholdMember> Members);

public sealed record HouseholdView(
    Guid Id,
    string RegionCode,
    string RegionName,
    HouseholdDetails Details,
    ZeroEmploymentStatus Status,
    DateOnly? StatusSince,
    string? AssistancePlan,
    string? AssignedStaffName,
    IReadOnlyList<HouseholdMember> Members,
    IReadOnlyList<StatusStep> History,
    IReadOnlyList<MembershipStep> Membership) : Scoping.IRegionScoped;

public sealed record StaffOption(Guid Id, string Name, string UnitName);
