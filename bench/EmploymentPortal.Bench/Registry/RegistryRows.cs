using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Bench.Registry;

/// <summary>A community or street persons can be registered in, with the names an address is made of.</summary>
public sealed record RegionTarget(int Id, string Code, string Name, string StreetName, string DistrictName, string CityName);

/// <summary>One <c>households</c> row as the generator writes it (status None: the app derives it).</summary>
public sealed class HouseholdRow
{
    public required Guid Id { get; init; }

    public required RegionTarget Region { get; init; }

    public required string Address { get; init; }

    public required HukouType Hukou { get; init; }

    public required bool HasBusinessIncome { get; init; }
}

/// <summary>One <c>persons</c> row; the ID-number columns come from the app's protector.</summary>
public sealed class PersonRow
{
    public required Guid Id { get; init; }

    public required RegionTarget Region { get; init; }

    public required string Name { get; init; }

    public required byte[] IdNumberCipher { get; init; }

    public required byte[] IdNumberHash { get; init; }

    public required string IdNumberMasked { get; init; }

    public required string IdNumberLastFour { get; init; }

    public required DateOnly BirthDate { get; init; }

    public required Sex Sex { get; init; }

    public string? Phone { get; init; }

    public required string Address { get; init; }

    public required HukouType Hukou { get; init; }

    public required EducationLevel Education { get; init; }

    public string? Skills { get; init; }

    public string? WishedOccupation { get; init; }

    public decimal? WishedMonthlyPay { get; init; }

    public string? WishedArea { get; init; }

    public WorkType? WishedWorkType { get; init; }

    public required LaborCapacity LaborCapacity { get; init; }

    public required bool WantsWork { get; init; }

    public required EmploymentStatus EmploymentStatus { get; init; }

    public string? EmploymentHistory { get; init; }

    public required PriorityGroups PriorityGroups { get; init; }

    public string? LivingNeeds { get; init; }

    public string? Notes { get; init; }

    public Guid? HouseholdId { get; init; }

    public Relationship? Relationship { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One <c>unemployment_registrations</c> row (open when <see cref="EndedOn"/> is null).</summary>
public sealed class RegistrationRow
{
    public required Guid Id { get; init; }

    public required Guid PersonId { get; init; }

    public required string RegionCode { get; init; }

    public required DateOnly RegisteredOn { get; init; }

    public DateOnly? EndedOn { get; init; }

    public UnemploymentEndReason? EndReason { get; init; }
}

/// <summary>One <c>follow_ups</c> row.</summary>
public sealed class FollowUpRow
{
    public required Guid Id { get; init; }

    public required Guid PersonId { get; init; }

    public required string RegionCode { get; init; }

    public required FollowUpKind Kind { get; init; }

    public required DateOnly OccurredOn { get; init; }

    public required string StaffName { get; init; }

    public required string Notes { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>What one COPY round writes: a slice of the registry, households before their members.</summary>
public sealed class RegistryBatch
{
    public List<HouseholdRow> Households { get; } = [];

    public List<PersonRow> Persons { get; } = [];

    public List<RegistrationRow> Registrations { get; } = [];

    public List<FollowUpRow> FollowUps { get; } = [];
}
