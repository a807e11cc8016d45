namespace EmploymentPortal.Domain.Persons;

/// <summary>失业登记: from the registration date until it is ended with a reason.</summary>
public sealed class UnemploymentRegistration
{
    private UnemploymentRegistration()
    {
        RegionCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public UnemploymentEndReason? EndReason { get; private set; }

    public bool IsOpen => EndedOn is null;

    /// <summary>
    /// Opens a registration for a person of working age on the registration date
    /// (<paramref name="workingAge"/>: the person's check on that date). Refusals carry the text key
    /// of their message (<c>Unemployment.TooYoung</c>, <c>Unemployment.Retired</c>).
    /// </summary>
    /// <summary>The refusal <see cref="Open"/> would make (a date after today, not of working age then); null when it would open.</summary>
    public static PersonException? OpenProblem(DateOnly registeredOn, DateOnly today, WorkingAgeCheck workingAge)
    {
        ArgumentNullException.ThrowIfNull(workingAge);
        return registeredOn > today ? new PersonException("Unemployment.DateInvalid", "RegisteredOn")
            : !workingAge.IsWithin ? new PersonException(workingAge.Standing == WorkingAgeStanding.TooYoung ? "Unemployment.TooYoung" : "Unemployment.Retired", "RegisteredOn")
            : null;
    }

    public static UnemploymentRegistration Open(Guid personId, string regionCode, DateOnly registeredOn, DateOnly today, WorkingAgeCheck workingAge)
    {
        if (OpenProblem(registeredOn, today, workingAge) is { } refusal)
        {
            throw refusal;
        }

        return new UnemploymentRegistration { Id = Guid.CreateVersion7(), PersonId = personId, RegionCode = regionCode, RegisteredOn = registeredOn };
    }

    public void End(DateOnly endedOn, UnemploymentEndReason reason, DateOnly today)
    {
        if (!IsOpen)
        {
            throw new PersonException("Unemployment.NoneOpen");
        }

        if (endedOn < RegisteredOn || endedOn > today)
        {
            throw new PersonException("Unemployment.EndDateInvalid", "EndedOn");
        }

        EndedOn = endedOn;
        EndReason = reason;
    }

    /// <summary>Whole months registered as of <paramref name="on"/> (to the end date when ended).</summary>
    public int MonthsOn(DateOnly on)
    {
        var until = EndedOn is { } end && end < on ? end : on;
        if (until < RegisteredOn)
        {
            return 0;
        }

        var duration = Age.On(RegisteredOn, until);
        return (duration.Years * 12) + duration.Months;
    }

    /// <summary>
    /// Whether the two registrations share a day: [registered, ended) each, an open one without
    /// end. A person is registered once at a time, so two that overlap record the same spell.
    /// </summary>
    public bool Overlaps(UnemploymentRegistration other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (other.EndedOn is null || RegisteredOn < other.EndedOn) && (EndedOn is null || other.RegisteredOn < EndedOn);
    }

    public bool IsLongTermOn(DateOnly on, int longTermMonths) => IsOpen && MonthsOn(on) >= longTermMonths;
}
