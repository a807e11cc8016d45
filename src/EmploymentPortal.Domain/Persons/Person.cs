namespace EmploymentPortal.Domain.Persons;

/// <summary>The identity number as stored: encrypted, with a keyed hash for lookup and uniqueness.</summary>
public sealed record ProtectedIdNumber(byte[] Cipher, byte[] LookupHash);

/// <summary>What staff type about a person (everything but the ID number and what derives from it).</summary>
public sealed record PersonDetails(
    string Name,
    string? Phone,
    string Address,
    HukouType Hukou,
    EducationLevel Education,
    string? Skills,
    string? WishedOccupation,
    decimal? WishedMonthlyPay,
    string? WishedArea,
    WorkType? WishedWorkType,
    LaborCapacity LaborCapacity,
    bool WantsWork,
    EmploymentStatus EmploymentStatus,
    string? EmploymentHistory,
    PriorityGroups PriorityGroups,
    string? LivingNeeds,
    string? Notes,
    bool FemaleCadre = false);

/// <summary>
/// A resident in the ledger 台账. Birth date and sex come from the ID number; the full number is
/// kept only encrypted (shown masked, revealed by an audited action).
/// </summary>
public sealed class Person
{
    public const int NameMaxLength = 50;
    public const int AddressMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int ShortTextMaxLength = 100;
    public const int CancelReasonMaxLength = 500;

    private Person()
    {
        RegionCode = string.Empty;
        Name = string.Empty;
        Address = string.Empty;
        IdNumberMasked = string.Empty;
        IdNumberLastFour = string.Empty;
        IdNumberCipher = [];
        IdNumberHash = [];
    }

    public Guid Id { get; private set; }

    public int RegionId { get; private set; }

    public string RegionCode { get; private set; }

    public string Name { get; private set; }

    public byte[] IdNumberCipher { get; private set; }

    public byte[] IdNumberHash { get; private set; }

    public string IdNumberMasked { get; private set; }

    public string IdNumberLastFour { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public Sex Sex { get; private set; }

    public string? Phone { get; private set; }

    public string Address { get; private set; }

    public HukouType Hukou { get; private set; }

    public EducationLevel Education { get; private set; }

    public string? Skills { get; private set; }

    public string? WishedOccupation { get; private set; }

    public decimal? WishedMonthlyPay { get; private set; }

    public string? WishedArea { get; private set; }

    public WorkType? WishedWorkType { get; private set; }

    public LaborCapacity LaborCapacity { get; private set; }

    public bool WantsWork { get; private set; }

    public EmploymentStatus EmploymentStatus { get; private set; }

    public string? EmploymentHistory { get; private set; }

    public PriorityGroups PriorityGroups { get; private set; }

    public string? LivingNeeds { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>
    /// The start of the open unemployment registration (null without one): a copy kept by
    /// <see cref="SetRegisteredUnemployed"/> so the ledger's long-term filter is an index range.
    /// </summary>
    public DateOnly? UnemployedSince { get; private set; }

    /// <summary>
    /// A woman on the cadre retirement schedule (女干部: management and professional posts, 55 before
    /// the reform) rather than the worker schedule (女工人, 50). Always false for men.
    /// </summary>
    public bool FemaleCadre { get; private set; }

    public Guid? HouseholdId { get; private set; }

    public Households.Relationship? Relationship { get; private set; }

    /// <summary>
    /// When the record was cancelled (注销): registered in error, or merged into
    /// <see cref="MergedIntoId"/>. A cancelled record leaves the ledger, its lists and statistics,
    /// and is read only through its audit history.
    /// </summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>The record a duplicate was merged into (null when cancelled without a merge).</summary>
    public Guid? MergedIntoId { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Person Register(ResidentIdNumber id, ProtectedIdNumber protectedId, int regionId, string regionCode, PersonDetails details, DateTimeOffset now)
    {
        var person = new Person
        {
            Id = Guid.CreateVersion7(),
            RegionId = regionId,
            RegionCode = regionCode,
            IdNumberCipher = protectedId.Cipher,
            IdNumberHash = protectedId.LookupHash,
            IdNumberMasked = id.Masked,
            IdNumberLastFour = id.LastFour,
            BirthDate = id.BirthDate,
            Sex = id.Sex,
            CreatedAt = now,
        };
        person.Update(details, now);
        return person;
    }

    /// <summary>
    /// Every refusal <see cref="Update"/> would make of these details, in field order (none when
    /// they are valid): the one place of the rules, for forms and the import that report all
    /// problems at once; <see cref="Update"/> throws the first.
    /// </summary>
    public static IReadOnlyList<PersonException> Problems(PersonDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<PersonException>();
        void Check(Action rule)
        {
            try
            {
                rule();
            }
            catch (PersonException e)
            {
                problems.Add(e);
            }
        }

        Check(() => Required(details.Name, NameMaxLength, "Person.NameRequired", "Name"));
        Check(() => Required(details.Address, AddressMaxLength, "Person.AddressRequired", "Address"));
        Check(() =>
        {
            var phone = Optional(details.Phone, 11, "Phone");
            if (phone is not null && (phone.Length != 11 || !phone.All(char.IsAsciiDigit) || phone[0] != '1'))
            {
                throw new PersonException("Person.PhoneInvalid", "Phone");
            }
        });
        if (details.WishedMonthlyPay is < 0 or > 1_000_000)
        {
            problems.Add(new PersonException("Person.PayRange", "WishedMonthlyPay"));
        }

        Check(() => Optional(details.Skills, TextMaxLength, "Skills"));
        Check(() => Optional(details.WishedOccupation, ShortTextMaxLength, "WishedOccupation"));
        Check(() => Optional(details.WishedArea, ShortTextMaxLength, "WishedArea"));
        Check(() => Optional(details.EmploymentHistory, TextMaxLength, "EmploymentHistory"));
        Check(() => Optional(details.LivingNeeds, TextMaxLength, "LivingNeeds"));
        Check(() => Optional(details.Notes, TextMaxLength, "Notes"));
        return problems;
    }

    public void Update(PersonDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Problems(details) is [var first, ..])
        {
            throw first;
        }

        Name = Required(details.Name, NameMaxLength, "Person.NameRequired", "Name");
        Address = Required(details.Address, AddressMaxLength, "Person.AddressRequired", "Address");
        Phone = Optional(details.Phone, 11, "Phone");
        Hukou = details.Hukou;
        Education = details.Education;
        Skills = Optional(details.Skills, TextMaxLength, "Skills");
        WishedOccupation = Optional(details.WishedOccupation, ShortTextMaxLength, "WishedOccupation");
        WishedMonthlyPay = details.WishedMonthlyPay;
        WishedArea = Optional(details.WishedArea, ShortTextMaxLength, "WishedArea");
        WishedWorkType = details.WishedWorkType;
        LaborCapacity = details.LaborCapacity;
        WantsWork = details.WantsWork;
        EmploymentStatus = details.EmploymentStatus;
        EmploymentHistory = Optional(details.EmploymentHistory, TextMaxLength, "EmploymentHistory");
        PriorityGroups = details.PriorityGroups;
        LivingNeeds = Optional(details.LivingNeeds, TextMaxLength, "LivingNeeds");
        Notes = Optional(details.Notes, TextMaxLength, "Notes");
        FemaleCadre = Sex == Sex.Female && details.FemaleCadre;
        UpdatedAt = now;
    }

    public void MoveTo(int regionId, string regionCode, DateTimeOffset now)
    {
        RegionId = regionId;
        RegionCode = regionCode;
        UpdatedAt = now;
    }

    public void SetEmploymentStatus(EmploymentStatus status, DateTimeOffset now)
    {
        EmploymentStatus = status;
        UpdatedAt = now;
    }

    /// <summary>Follows the person's open unemployment registration (opened on a date, or ended: null).</summary>
    public void SetRegisteredUnemployed(DateOnly? since, DateTimeOffset now)
    {
        UnemployedSince = since;
        if (since is not null)
        {
            EmploymentStatus = EmploymentStatus.Unemployed;
        }

        UpdatedAt = now;
    }

    /// <summary>Cancels the record (注销); it must have left its household first.</summary>
    public void Cancel(string reason, Guid? mergedInto, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            throw new PersonException("Person.AlreadyCancelled");
        }

        if (HouseholdId is not null)
        {
            throw new PersonException("Cancel.InHousehold");
        }

        if (mergedInto == Id)
        {
            throw new PersonException("Merge.IntoItself");
        }

        CancelReason = Required(reason, CancelReasonMaxLength, "Correction.ReasonRequired", "Reason");
        MergedIntoId = mergedInto;
        CancelledAt = now;
        UpdatedAt = now;
    }

    public void JoinHousehold(Guid householdId, Households.Relationship relationship)
    {
        if (HouseholdId is not null && HouseholdId != householdId)
        {
            throw new PersonException("Household.AlreadyMember");
        }

        HouseholdId = householdId;
        Relationship = relationship;
    }

    public void LeaveHousehold()
    {
        HouseholdId = null;
        Relationship = null;
    }

    public PersonDetails Details => new(Name, Phone, Address, Hukou, Education, Skills, WishedOccupation, WishedMonthlyPay, WishedArea,
        WishedWorkType, LaborCapacity, WantsWork, EmploymentStatus, EmploymentHistory, PriorityGroups, LivingNeeds, Notes, FemaleCadre);

    /// <summary>The statutory retirement schedule the person is on.</summary>
    public Policies.RetirementSchedule RetirementSchedule() => WorkingAge.ScheduleFor(Sex, FemaleCadre);

    public static string MaskPhone(string? phone) => phone is { Length: 11 } ? phone[..3] + "****" + phone[7..] : string.Empty;

    private static string Required(string? text, int max, string key, string field)
    {
        var value = (text ?? string.Empty).Trim();
        return value.Length is 0 || value.Length > max ? throw new PersonException(key, field) : value;
    }

    private static string? Optional(string? text, int max, string field)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length > max ? throw new PersonException("Validation.TooLong", field) : value;
    }
}
