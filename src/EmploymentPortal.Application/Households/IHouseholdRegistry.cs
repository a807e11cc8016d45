using EmploymentPortal.Application.Common;
using EmploymentPortal.Application.Persons;
using EmploymentPortal.Domain.Households;

namespace EmploymentPortal.Application.Households;

/// <summary>
/// Households and their zero-employment status. The status is derived from the members on every
/// change that can move it and by <see cref="IHouseholdStatusJob"/> for the passing of time; staff
/// only start the assistance plan. Limited to the caller's area, every change audited.
/// </summary>
public interface IHouseholdRegistry
{
    /// <summary>Creates a household in the head's community with the head as its first member.</summary>
    Task<(CommandResult Result, Guid? Id)> CreateAsync(Guid headPersonId, HouseholdDetails details, CancellationToken cancellationToken);

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

public sealed record StatusStep(ZeroEmploymentStatus From, ZeroEmploymentStatus To, DateOnly On);

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
    IReadOnlyList<StatusStep> History) : Scoping.IRegionScoped;

public sealed record StaffOption(Guid Id, string Name, string UnitName);
