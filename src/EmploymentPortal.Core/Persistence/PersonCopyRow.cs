using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persistence;

/// <summary>
/// One <c>persons</c> row as binary COPY writes it (<see cref="BinaryCopy.WritePersonsAsync"/>,
/// the columns of <see cref="CopyTargets.Persons"/>): the ledger import's new persons
/// (<see cref="Of"/>) and the bench's generated register.
/// </summary>
public sealed class PersonCopyRow
{
    public required Guid Id { get; init; }

    public required int RegionId { get; init; }

    public required string RegionCode { get; init; }

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

    public DateOnly? UnemployedSince { get; init; }

    public Guid? HouseholdId { get; init; }

    public Relationship? Relationship { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required bool FemaleCadre { get; init; }

    /// <summary>The row of a newly registered person, not yet saved (a cancellation's columns are not written).</summary>
    public static PersonCopyRow Of(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new PersonCopyRow
        {
            Id = person.Id,
            RegionId = person.RegionId,
            RegionCode = person.RegionCode,
            Name = person.Name,
            IdNumberCipher = person.IdNumberCipher,
            IdNumberHash = person.IdNumberHash,
            IdNumberMasked = person.IdNumberMasked,
            IdNumberLastFour = person.IdNumberLastFour,
            BirthDate = person.BirthDate,
            Sex = person.Sex,
            Phone = person.Phone,
            Address = person.Address,
            Hukou = person.Hukou,
            Education = person.Education,
            Skills = person.Skills,
            WishedOccupation = person.WishedOccupation,
            WishedMonthlyPay = person.WishedMonthlyPay,
            WishedArea = person.WishedArea,
            WishedWorkType = person.WishedWorkType,
            LaborCapacity = person.LaborCapacity,
            WantsWork = person.WantsWork,
            EmploymentStatus = person.EmploymentStatus,
            EmploymentHistory = person.EmploymentHistory,
            PriorityGroups = person.PriorityGroups,
            LivingNeeds = person.LivingNeeds,
            Notes = person.Notes,
            UnemployedSince = person.UnemployedSince,
            HouseholdId = person.HouseholdId,
            Relationship = person.Relationship,
            CreatedAt = person.CreatedAt,
            UpdatedAt = person.UpdatedAt,
            FemaleCadre = person.FemaleCadre,
        };
    }
}
