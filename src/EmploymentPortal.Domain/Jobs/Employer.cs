using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Jobs;

public enum EmployerSize
{
    Micro = 1,
    Small = 2,
    Medium = 3,
    Large = 4,
}

public enum EmployerStatus
{
    /// <summary>Signed up or entered, waiting for street or county staff to verify it.</summary>
    Pending = 1,
    Verified = 2,
    Rejected = 3,
}

/// <summary>
/// An employer with its unified social credit code. Its postings go public only once street or
/// county staff have verified it. An employer that signed up is linked to its account and sees
/// only its own postings and applicants.
/// </summary>
public sealed class Employer
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 100;

    private Employer()
    {
        CreditCode = string.Empty;
        Name = string.Empty;
        Industry = string.Empty;
        RegionCode = string.Empty;
        ContactName = string.Empty;
        ContactPhone = string.Empty;
    }

    public Guid Id { get; private set; }

    public string CreditCode { get; private set; }

    public string Name { get; private set; }

    public string Industry { get; private set; }

    public EmployerSize Size { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>Where it is registered: staff of the area see and verify it.</summary>
    public string RegionCode { get; private set; }

    public string ContactName { get; private set; }

    public string ContactPhone { get; private set; }

    /// <summary>The employer account that manages it (null when staff entered it for the employer).</summary>
    public Guid? AccountId { get; private set; }

    /// <summary>The account that entered it (staff, or the employer's own account); it may not verify it (separation of duties).</summary>
    public Guid? EnteredById { get; private set; }

    public EmployerStatus Status { get; private set; }

    public string? StatusNote { get; private set; }

    public string? VerifiedByName { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Employer Create(CreditCode code, string name, string industry, EmployerSize size, int regionId, string regionCode, string contactName, string contactPhone, Guid? accountId, DateTimeOffset at, Guid? enteredById = null)
    {
        var employer = new Employer
        {
            Id = Guid.CreateVersion7(),
            CreditCode = code.Value,
            AccountId = accountId,
            EnteredById = enteredById,
            Status = EmployerStatus.Pending,
            CreatedAt = at,
        };
        employer.Update(name, industry, size, regionId, regionCode, contactName, contactPhone);
        return employer;
    }

    /// <summary>Changes the details; a verified employer goes back to waiting when its name or area changes.</summary>
    public void Update(string name, string industry, EmployerSize size, int regionId, string regionCode, string contactName, string contactPhone)
    {
        var renamed = Status == EmployerStatus.Verified && (Name != name.Trim() || RegionCode != regionCode);
        Name = Required(name, NameMaxLength, "Employer.NameRequired", "Name");
        Industry = Required(industry, TextMaxLength, "Employer.IndustryRequired", "Industry");
        ContactName = Required(contactName, TextMaxLength, "Employer.ContactRequired", "ContactName");
        ContactPhone = Required(contactPhone, 20, "Employer.ContactRequired", "ContactName");
        Size = Enum.IsDefined(size) ? size : throw new JobsException("Employer.SizeRequired", "Size");
        RegionId = regionId;
        RegionCode = regionCode;
        if (renamed)
        {
            Status = EmployerStatus.Pending;
        }
    }

    /// <summary>
    /// Street or county staff verify or reject (a rejection gives its reason). Whoever entered the
    /// employer may not decide it (separation of duties); system actors (no id) are not checked.
    /// </summary>
    public void Verify(bool verified, string? note, string byName, DateTimeOffset at, Guid? byId = null)
    {
        if (byId is not null && byId == EnteredById)
        {
            throw new JobsException("Employer.OwnEntry", "Note");
        }

        note = note?.Trim();
        if (!verified && string.IsNullOrEmpty(note))
        {
            throw new JobsException("Employer.ReasonRequired", "Note");
        }

        Status = verified ? EmployerStatus.Verified : EmployerStatus.Rejected;
        StatusNote = string.IsNullOrEmpty(note) ? null : note;
        VerifiedByName = byName;
        VerifiedAt = at;
    }

    internal static string Required(string? text, int max, string key, string field)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new JobsException(key, field);
        }

        return text.Length > max ? throw new JobsException("Validation.TooLong", field) : text;
    }
}

/// <summary>A broken rule of employers, postings, referrals; a text key and the form field it belongs to.</summary>
public sealed class JobsException : DomainException
{
    public JobsException(string messageKey, string field = "")
        : base(messageKey, field)
    {
    }
}
