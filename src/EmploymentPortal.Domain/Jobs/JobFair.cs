namespace EmploymentPortal.Domain.Jobs;

/// <summary>
/// 招聘会, on site or online (004 §二(一)): a date, a venue or "online", and the employers taking
/// part (their published postings are shown with it). Staff of the organising area edit it.
/// </summary>
public sealed class JobFair
{
    public const int TitleMaxLength = 100;
    public const int VenueMaxLength = 200;

    private readonly List<Guid> _employerIds = [];

    private JobFair()
    {
        Title = string.Empty;
        RegionCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public DateOnly Date { get; private set; }

    public bool Online { get; private set; }

    /// <summary>Where it takes place; null when online.</summary>
    public string? Venue { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The organising unit's region.</summary>
    public string RegionCode { get; private set; }

    public IReadOnlyCollection<Guid> EmployerIds => _employerIds.AsReadOnly();

    public uint Version { get; private set; }

    public static JobFair Create(string regionCode, string title, DateOnly date, bool online, string? venue, string? description, IEnumerable<Guid> employerIds)
    {
        var fair = new JobFair { Id = Guid.CreateVersion7(), RegionCode = regionCode };
        fair.Update(title, date, online, venue, description, employerIds);
        return fair;
    }

    /// <summary>A fair on site needs its venue; null when kept.</summary>
    public static JobsException? VenueProblem(bool online, string? venue) =>
        !online && string.IsNullOrWhiteSpace(venue) ? new JobsException("JobFair.VenueRequired", "Venue") : null;

    public void Update(string title, DateOnly date, bool online, string? venue, string? description, IEnumerable<Guid> employerIds)
    {
        ArgumentNullException.ThrowIfNull(employerIds);
        Title = Employer.Required(title, TitleMaxLength, "JobFair.TitleRequired", "Title");
        venue = venue?.Trim();
        if (VenueProblem(online, venue) is { } noVenue)
        {
            throw noVenue;
        }

        Venue = online ? null : Employer.Required(venue, VenueMaxLength, "JobFair.VenueRequired", "Venue");
        Online = online;
        Date = date;
        description = description?.Trim();
        Description = string.IsNullOrEmpty(description) ? null : Employer.Required(description, Posting.DescriptionMaxLength, "JobFair.TitleRequired", "Description");
        _employerIds.Clear();
        _employerIds.AddRange(employerIds.Distinct());
    }
}
