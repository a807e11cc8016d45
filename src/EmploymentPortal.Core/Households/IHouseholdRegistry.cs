using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Households;

namespace EmploymentPortal.Core.Households;

/// <summary>
/// Households and their zero-employment status. The status is derived from the members on every
/// change that can move it and by <see cref="IHouseholdStatusJob"/> for the passing of time; staff
/// only start the assistance plan. Limited to the caller's area, every change audited.
/// </summary>
public interface IHouseholdRegistry
{
    /// <summary>
    /// Checks a household as it would be created: the head, its details and its other members
    /// (registered persons of the head's community, by full ID number, each with a relationship),
    /// and the status the whole membership gives it. Errors name the field (<c>Address</c>,
    /// <c>Members[i].IdNumber</c>, <c>Members[i].Relationship</c>); nothing is saved.
    /// </summary>
    Task<(CommandResult Result, HouseholdPreview? Preview)> PreviewAsync(Guid headPersonId, HouseholdDetails details, IReadOnlyList<NewMember> members, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a household in the head's community with all its members at once; its status is
    /// derived once, from the whole membership (the same checks as <see cref="PreviewAsync"/>).
    /// </summary>
    Task<(CommandResult Result, Guid? Id)> CreateAsync(Guid headPersonId, HouseholdDetails details, IReadOnlyList<NewMember> members, CancellationToken cancellationToken);

    Task<PagedResult<HouseholdListItem>> ListAsync(HouseholdListQuery query, CancellationToken cancellationToken);

    Task<HouseholdView?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<CommandResult> UpdateAsync(Guid id, HouseholdDetails details, CancellationToken cancellationToken);

    /// <summary>Adds a registered person of the same community, found by the full ID number.</summary>
    Task<CommandResult> AddMemberAsync(Guid id, string idNumber, Relationship relationship, CancellationToken cancellationToken);

    /// <summary>Removes a member; the head is removed only as the last member, which dissolves the household.</summary>
    Task<CommandResult> RemoveMemberAsync(Guid id, Guid personId, CancellationToken cancellationToken);

    Task<CommandResult> StartAssistanceAsync(Guid id, string plan, Guid staffId, CancellationToken cancellationToken);

    /// <summary>Station and street staff of the caller's area, who may be assigned a household.</summary>
    Task<IReadOnlyList<StaffOption>> AssignableStaffAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>?> GetHistoryAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Corrects eliminations no member's work caused (issue 13), then rebuilds the report rollups.</summary>
public interface IHouseholdRepair
{
    Task<HouseholdRepairSummary> RepairAsync(CancellationToken cancellationToken);
}

/// <summary>
/// <paramref name="Corrected"/> households had a false elimination; <paramref name="Confirmed"/>
/// eliminations were found to follow a member finding work and now say so.
/// </summary>
public sealed record HouseholdRepairSummary(int Examined, int Corrected, int Confirmed, TimeSpan Elapsed);

/// <summary>Recomputes every household's status on a date (ages reached or left, "stable" after months).</summary>
public interface IHouseholdStatusJob
{
    Task<RecomputeSummary> RecomputeAllAsync(CancellationToken cancellationToken);
}

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
