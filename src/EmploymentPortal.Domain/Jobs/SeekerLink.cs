namespace EmploymentPortal.Domain.Jobs;

public enum SeekerLinkStatus
{
    Pending = 1,
    Confirmed = 2,
    Rejected = 3,
}

/// <summary>
/// A self-registered job seeker's request to be linked to their person record. The seeker names
/// the community they live in; staff there confirm it only when the ID number and the phone both
/// match a person of their area. Until then the seeker learns nothing about any person.
/// </summary>
public sealed class SeekerLink
{
    private SeekerLink()
    {
        RegionCode = string.Empty;
        IdNumberHash = [];
        IdNumberMasked = string.Empty;
        Phone = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public string Name { get; private set; }

    public byte[] IdNumberHash { get; private set; }

    public string IdNumberMasked { get; private set; }

    public string Phone { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The community the seeker says they live in: its staff decide.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The seeker's own wish, a code of <see cref="OccupationCatalog"/> (matching prefers it to the ledger's free text).</summary>
    public string? WishedOccupationCode { get; private set; }

    public SeekerLinkStatus Status { get; private set; }

    public Guid? PersonId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public static SeekerLink Request(Guid accountId, string name, byte[] idNumberHash, string idNumberMasked, string phone, int regionId, string regionCode, string? wishedOccupationCode, DateTimeOffset at)
    {
        if (wishedOccupationCode is not null && OccupationCatalog.Find(wishedOccupationCode) is null)
        {
            throw new JobsException("Seeker.OccupationUnknown", "WishedOccupationCode");
        }

        return new SeekerLink
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Name = Employer.Required(name, 50, "Seeker.NameRequired", "Name"),
            IdNumberHash = idNumberHash,
            IdNumberMasked = idNumberMasked,
            Phone = Employer.Required(phone, 11, "Seeker.PhoneRequired", "Phone"),
            RegionId = regionId,
            RegionCode = regionCode,
            WishedOccupationCode = wishedOccupationCode,
            Status = SeekerLinkStatus.Pending,
            RequestedAt = at,
        };
    }

    /// <summary>Staff confirm with the person whose ID number and phone matched.</summary>
    public void Confirm(Guid personId, string byName, DateTimeOffset at)
    {
        EnsurePending();
        Status = SeekerLinkStatus.Confirmed;
        PersonId = personId;
        DecidedByName = byName;
        DecidedAt = at;
    }

    public void Reject(string byName, DateTimeOffset at)
    {
        EnsurePending();
        Status = SeekerLinkStatus.Rejected;
        DecidedByName = byName;
        DecidedAt = at;
    }

    private void EnsurePending()
    {
        if (Status != SeekerLinkStatus.Pending)
        {
            throw new JobsException("Seeker.LinkDecided");
        }
    }
}

/// <summary>A posting a seeker keeps to look at again.</summary>
public sealed class SavedPosting
{
    private SavedPosting()
    {
    }

    public Guid AccountId { get; private set; }

    public Guid PostingId { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public static SavedPosting Save(Guid accountId, Guid postingId, DateTimeOffset at) => new() { AccountId = accountId, PostingId = postingId, SavedAt = at };
}

/// <summary>
/// A seeker's application to a published posting: one per seeker and posting (a unique index,
/// so a double click makes one). The employer of the posting sees it.
/// </summary>
public sealed class JobApplication
{
    private JobApplication()
    {
        Name = string.Empty;
        Phone = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PostingId { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>The linked person when the seeker's link was confirmed (public-welfare posts rank certified hardship first).</summary>
    public Guid? PersonId { get; private set; }

    public string Name { get; private set; }

    public string Phone { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>
    /// The seeker consented, when applying and told what it means, to the employer seeing their
    /// hardship category 就业困难人员类别 (and a public-welfare post ranking them by it). Without it the
    /// employer sees none.
    /// </summary>
    public bool SharesHardship { get; private set; }

    /// <summary>Where the employer has taken the application (已投递 until they set it); the seeker sees it under 我的投递.</summary>
    public JobApplicationStatus Status { get; private set; }

    /// <summary>The day the employer last set <see cref="Status"/> (null while 已投递).</summary>
    public DateOnly? StatusOn { get; private set; }

    /// <summary>The employer moves the application on (查看, 邀请面试, 录用, 未录用); it never goes back to 已投递.</summary>
    public void SetStatus(JobApplicationStatus status, DateOnly on)
    {
        if (status == JobApplicationStatus.Submitted || !Enum.IsDefined(status))
        {
            throw new JobsException("JobApplication.StatusInvalid", nameof(Status));
        }

        Status = status;
        StatusOn = on;
    }

    public static JobApplication Apply(Guid postingId, PostingStatus status, Guid accountId, Guid? personId, string name, string phone, bool sharesHardship, DateTimeOffset at)
    {
        if (status != PostingStatus.Published)
        {
            throw new JobsException("Posting.NotPublished");
        }

        return new JobApplication
        {
            Id = Guid.CreateVersion7(),
            PostingId = postingId,
            AccountId = accountId,
            PersonId = personId,
            Name = Employer.Required(name, 50, "Seeker.NameRequired", "Name"),
            Phone = Employer.Required(phone, 20, "Seeker.PhoneRequired", "Phone"),
            AppliedAt = at,
            SharesHardship = sharesHardship,
        };
    }
}

/// <summary>Where an employer has taken a job application, as the seeker sees it.</summary>
public enum JobApplicationStatus
{
    Submitted = 0,
    Viewed = 1,
    Interview = 2,
    Hired = 3,
    NotHired = 4,
}
