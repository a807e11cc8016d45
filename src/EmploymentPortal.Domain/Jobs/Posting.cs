using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Jobs;

public enum PostingType
{
    FullTime = 1,

    /// <summary>非全日制.</summary>
    PartTime = 2,
    Temporary = 3,
    Seasonal = 4,

    /// <summary>公益性岗位: reserved for hardship groups.</summary>
    PublicWelfare = 5,

    /// <summary>社区岗位.</summary>
    Community = 6,
}

public enum PostingStatus
{
    Draft = 1,
    PendingReview = 2,
    Published = 3,
    Closed = 4,
    Filled = 5,

    /// <summary>Its end date passed while published (set by the daily job).</summary>
    Expired = 6,
}

/// <summary>The details of a posting as entered.</summary>
public sealed record PostingDetails(
    string Title,
    string Description,
    string OccupationCode,
    int RegionId,
    string RegionCode,
    int PayMin,
    int PayMax,
    int Headcount,
    PostingType Type,
    EducationLevel? Education,
    string? Skills,
    string ContactName,
    string ContactPhone,
    DateOnly ValidFrom,
    DateOnly ValidTo);

/// <summary>
/// A job posting: draft → pending review → published → closed or filled, and expired after its
/// end date. Only a verified employer's posting is published; a rejected review returns it to
/// draft with the reviewer's note.
/// </summary>
public sealed class Posting
{
    public const int TitleMaxLength = 60;
    public const int DescriptionMaxLength = 4000;
    public const int MaxPay = 1_000_000;

    private Posting()
    {
        Title = string.Empty;
        SearchText = string.Empty;
        Description = string.Empty;
        OccupationCode = string.Empty;
        RegionCode = string.Empty;
        ContactName = string.Empty;
        ContactPhone = string.Empty;
        CreatedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid EmployerId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>The search tokens of the title and description (<see cref="SearchTokens.ForPosting"/>), kept with them.</summary>
    public string SearchText { get; private set; }

    public string OccupationCode { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The workplace: staff of its area review it; search filters by its prefix.</summary>
    public string RegionCode { get; private set; }

    public int PayMin { get; private set; }

    public int PayMax { get; private set; }

    public int Headcount { get; private set; }

    public PostingType Type { get; private set; }

    public EducationLevel? Education { get; private set; }

    public string? Skills { get; private set; }

    public string ContactName { get; private set; }

    public string ContactPhone { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly ValidTo { get; private set; }

    public PostingStatus Status { get; private set; }

    public string? ReviewNote { get; private set; }

    public string? ReviewedByName { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The business day it was first published (the dashboards count postings published by it); null before.</summary>
    public DateOnly? PublishedOn { get; private set; }

    /// <summary>The day it was closed or filled (the dashboards count postings filled by it); null before.</summary>
    public DateOnly? EndedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedByName { get; private set; }

    /// <summary>The account that created it; it may not publish or return it (separation of duties).</summary>
    public Guid? CreatedById { get; private set; }

    /// <summary>The account that last changed its details; it may not publish or return it either.</summary>
    public Guid? EditedById { get; private set; }

    public uint Version { get; private set; }

    public static Posting Create(Guid employerId, PostingDetails details, string byName, DateTimeOffset at, DateOnly today, Guid? byId = null)
    {
        var posting = new Posting { Id = Guid.CreateVersion7(), EmployerId = employerId, Status = PostingStatus.Draft, CreatedAt = at, CreatedByName = byName, CreatedById = byId };
        posting.Update(details, today, byId);
        return posting;
    }

    /// <summary>
    /// Every refusal <see cref="Update"/> would make of these details, in field order (none when
    /// they are valid); <see cref="Update"/> throws the first, the service reports them all.
    /// </summary>
    public static IReadOnlyList<JobsException> Problems(PostingDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<JobsException>();
        if (OccupationCatalog.Find(details.OccupationCode) is null)
        {
            problems.Add(new JobsException("Posting.OccupationRequired", "OccupationCode"));
        }

        if (PayRangeProblem(details.PayMin, details.PayMax) is { } pay)
        {
            problems.Add(pay);
        }

        if (details.Headcount is < 1 or > 10_000)
        {
            problems.Add(new JobsException("Posting.Headcount", "Headcount"));
        }

        if (ValidRangeProblem(details.ValidFrom, details.ValidTo, today) is { } valid)
        {
            problems.Add(valid);
        }

        if (!Enum.IsDefined(details.Type))
        {
            problems.Add(new JobsException("Posting.TypeRequired", "Type"));
        }

        void Check(Action rule)
        {
            try
            {
                rule();
            }
            catch (JobsException e)
            {
                problems.Add(e);
            }
        }

        Check(() => Employer.Required(details.Title, TitleMaxLength, "Posting.TitleRequired", "Title"));
        Check(() => Employer.Required(details.Description, DescriptionMaxLength, "Posting.DescriptionRequired", "Description"));
        Check(() => Employer.Required(details.ContactName, Employer.TextMaxLength, "Posting.ContactRequired", "ContactName"));
        Check(() => Employer.Required(details.ContactPhone, 20, "Posting.ContactRequired", "ContactPhone"));
        Check(() => _ = string.IsNullOrWhiteSpace(details.Skills) ? null : Employer.Required(details.Skills, 500, "Posting.Skills", "Skills"));
        return problems;
    }

    /// <summary>The pay range rule (lower bound not negative, not above the upper one, the upper one at most <see cref="MaxPay"/>); null when kept, or when a bound is missing.</summary>
    public static JobsException? PayRangeProblem(int? payMin, int? payMax) =>
        payMin is { } min && payMax is { } max && (min < 0 || max < min || max > MaxPay)
            ? new JobsException("Posting.PayRange", "PayMax")
            : null;

    /// <summary>The validity rule (the end not before the start, nor before today); null when kept, or when a date is missing.</summary>
    public static JobsException? ValidRangeProblem(DateOnly? validFrom, DateOnly? validTo, DateOnly today) =>
        validFrom is { } from && validTo is { } to && (to < from || to < today)
            ? new JobsException("Posting.ValidRange", "ValidTo")
            : null;

    /// <summary>Edits a draft (or a posting sent back); a published one is closed and posted again instead.</summary>
    public void Update(PostingDetails details, DateOnly today, Guid? byId = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status is not PostingStatus.Draft)
        {
            throw new JobsException("Posting.NotDraft");
        }

        if (Problems(details, today) is [var first, ..])
        {
            throw first;
        }

        Title = Employer.Required(details.Title, TitleMaxLength, "Posting.TitleRequired", "Title");
        Description = Employer.Required(details.Description, DescriptionMaxLength, "Posting.DescriptionRequired", "Description");
        RefreshSearchText();
        ContactName = Employer.Required(details.ContactName, Employer.TextMaxLength, "Posting.ContactRequired", "ContactName");
        ContactPhone = Employer.Required(details.ContactPhone, 20, "Posting.ContactRequired", "ContactName");
        Skills = string.IsNullOrWhiteSpace(details.Skills) ? null : Employer.Required(details.Skills, 500, "Posting.Skills", "Skills");
        OccupationCode = details.OccupationCode;
        RegionId = details.RegionId;
        RegionCode = details.RegionCode;
        PayMin = details.PayMin;
        PayMax = details.PayMax;
        Headcount = details.Headcount;
        Type = details.Type;
        Education = details.Education;
        ValidFrom = details.ValidFrom;
        ValidTo = details.ValidTo;
        EditedById = byId ?? EditedById;
    }

    /// <summary>
    /// Makes <see cref="SearchText"/> from the title and description again: the one place the rule
    /// is applied, on every edit and by the back-fill of postings saved before the tokens existed.
    /// Any status; changes nothing else.
    /// </summary>
    public void RefreshSearchText() => SearchText = SearchTokens.ForPosting(Title, Description);

    public void SubmitForReview()
    {
        if (Status != PostingStatus.Draft)
        {
            throw new JobsException("Posting.NotDraft");
        }

        Status = PostingStatus.PendingReview;
    }

    /// <summary>Street or county staff publish it (the employer must be verified) or send it back with a note.</summary>
    /// <remarks>
    /// Whoever created the posting or last changed its details may not review it (separation of
    /// duties); system actors (no id) are not checked.
    /// </remarks>
    public void Review(bool publish, string? note, EmployerStatus employer, string byName, DateTimeOffset at, DateOnly today, Guid? byId = null)
    {
        if (Status != PostingStatus.PendingReview)
        {
            throw new JobsException("Posting.NotPending", "Note");
        }

        if (byId is not null && (byId == CreatedById || byId == EditedById))
        {
            throw new JobsException("Posting.OwnEntry", "Note");
        }

        note = note?.Trim();
        if (publish && employer != EmployerStatus.Verified)
        {
            throw new JobsException("Posting.EmployerNotVerified", "Note");
        }

        if (publish && ValidTo < today)
        {
            throw new JobsException("Posting.ValidRange", "ValidTo");
        }

        if (!publish && string.IsNullOrEmpty(note))
        {
            throw new JobsException("Posting.ReasonRequired", "Note");
        }

        Status = publish ? PostingStatus.Published : PostingStatus.Draft;
        ReviewNote = string.IsNullOrEmpty(note) ? null : note;
        ReviewedByName = byName;
        PublishedAt = publish ? at : PublishedAt;
        PublishedOn = publish ? today : PublishedOn;
    }

    /// <summary>The employer or staff end a published posting: filled, or closed.</summary>
    public void End(bool filled, DateOnly on)
    {
        if (Status != PostingStatus.Published)
        {
            throw new JobsException("Posting.NotPublished");
        }

        Status = filled ? PostingStatus.Filled : PostingStatus.Closed;
        EndedOn = on;
    }

    /// <summary>True once the end date has passed: the daily job marks it expired.</summary>
    public bool ExpiredOn(DateOnly today) => Status == PostingStatus.Published && ValidTo < today;

    public void Expire(DateOnly today)
    {
        if (!ExpiredOn(today))
        {
            throw new JobsException("Posting.NotExpired");
        }

        Status = PostingStatus.Expired;
    }
}
