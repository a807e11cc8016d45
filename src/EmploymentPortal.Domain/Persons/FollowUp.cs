using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Persons;

public enum FollowUpKind
{
    HomeVisit = 1,
    PhoneCall = 2,
    JobReferral = 3,
    TrainingReferral = 4,
    PolicyConsultation = 5,
}

/// <summary>A dated contact with a person (定期家访, 跟踪服务): who, when, what kind, notes.</summary>
public sealed class FollowUp
{
    public const int NotesMaxLength = 2000;

    private FollowUp()
    {
        RegionCode = string.Empty;
        StaffName = string.Empty;
        Notes = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string RegionCode { get; private set; }

    public FollowUpKind Kind { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public Guid? StaffId { get; private set; }

    public string StaffName { get; private set; }

    public string Notes { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static FollowUp Record(Guid personId, string regionCode, FollowUpKind kind, DateOnly occurredOn, Guid? staffId, string staffName, string notes, BusinessClock clock)
    {
        notes = (notes ?? string.Empty).Trim();
        if (notes.Length is 0 or > NotesMaxLength)
        {
            throw new PersonException("FollowUp.NotesRequired", "Notes");
        }

        if (occurredOn > clock.Today)
        {
            throw new PersonException("FollowUp.FutureDate", "OccurredOn");
        }

        return new FollowUp
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            RegionCode = regionCode,
            Kind = kind,
            OccurredOn = occurredOn,
            StaffId = staffId,
            StaffName = staffName,
            Notes = notes,
            RecordedAt = clock.UtcNow,
        };
    }
}
