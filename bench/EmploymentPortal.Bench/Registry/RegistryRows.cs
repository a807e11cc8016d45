using EmploymentPortal.Core.Persistence;
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

    /// <summary>The persons (<see cref="PersonCopyRow"/>: the app's own persons COPY); the ID-number columns come from the app's protector.</summary>
    public List<PersonCopyRow> Persons { get; } = [];

    public List<RegistrationRow> Registrations { get; } = [];

    public List<FollowUpRow> FollowUps { get; } = [];
}
