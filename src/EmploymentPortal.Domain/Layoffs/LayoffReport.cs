using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Layoffs;

/// <summary>
/// When a planned reduction must be reported and goes on the county's early-warning list: it
/// cuts at least <see cref="MinPeople"/> people, or at least <see cref="MinShare"/> of the
/// workforce (both bounds inclusive, "以上"). The numbers are policy parameters with dates: the
/// provincial notice (004 §七(二): 100 people or 10 %) and the Labour Contract Law art. 41
/// reading (20 people, or fewer than 20 but 10 %) are both this shape, two versions of the same keys.
/// </summary>
public sealed record LayoffThreshold(int MinPeople, decimal MinShare)
{
    /// <summary>The threshold in force on the date, or null when either number has no version yet.</summary>
    public static LayoffThreshold? On(PolicyParameterSet parameters, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.TryValueOn(ParameterKeys.LayoffMinPeople, date) is { } people
            && parameters.TryValueOn(ParameterKeys.LayoffMinShare, date) is { } share
            ? new LayoffThreshold((int)people, share)
            : null;
    }

    /// <summary>The reduction as a share of the workforce (0–1), rounded to four places for display and sorting.</summary>
    public static decimal Share(int reduction, int workforce) =>
        workforce <= 0 ? 0m : Math.Round((decimal)reduction / workforce, 4, MidpointRounding.AwayFromZero);

    /// <summary>Compared exactly (reduction ≥ share × workforce), never on a rounded share.</summary>
    public bool IsReportable(int reduction, int workforce) =>
        reduction >= MinPeople || (workforce > 0 && reduction >= MinShare * workforce);
}

public enum LayoffStatus
{
    /// <summary>Filed by the employer or staff; waiting for the county.</summary>
    Filed = 1,

    /// <summary>The county has taken note, with its note.</summary>
    Acknowledged = 2,
}

/// <summary>
/// A planned reduction 规模裁员报告 filed by an employer (or staff for it) before it happens
/// (004 §七(二)). The share and the reportable flag are computed when it is filed, from the
/// threshold then in force, which is kept with the report so the flag can be explained later.
/// </summary>
public sealed class LayoffReport
{
    public const int ReasonMaxLength = 500;
    public const int ContactMaxLength = 100;
    public const int PhoneMaxLength = 20;
    public const int NoteMaxLength = 500;

    private LayoffReport()
    {
        RegionCode = string.Empty;
        Reason = string.Empty;
        ContactName = string.Empty;
        ContactPhone = string.Empty;
        FiledByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid EmployerId { get; private set; }

    /// <summary>The employer's region when filed: officials of the area see the report.</summary>
    public string RegionCode { get; private set; }

    public int ReductionCount { get; private set; }

    public int WorkforceCount { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    public string Reason { get; private set; }

    public string ContactName { get; private set; }

    public string ContactPhone { get; private set; }

    /// <summary>Computed: at or over the threshold below.</summary>
    public bool Reportable { get; private set; }

    /// <summary>The threshold in force on the filing day (people).</summary>
    public int ThresholdPeople { get; private set; }

    /// <summary>The threshold in force on the filing day (share of the workforce, 0–1).</summary>
    public decimal ThresholdShare { get; private set; }

    public LayoffStatus Status { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string FiledByName { get; private set; }

    public string? AcknowledgementNote { get; private set; }

    public string? AcknowledgedByName { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public uint Version { get; private set; }

    public decimal Share => LayoffThreshold.Share(ReductionCount, WorkforceCount);

    /// <summary>
    /// The refusals of the two counts (each positive, the reduction not over the workforce), of
    /// those given (null: not typed); <see cref="File"/> throws the first, the service reports all.
    /// </summary>
    public static IReadOnlyList<LayoffsException> CountProblems(int? reductionCount, int? workforceCount)
    {
        var problems = new List<LayoffsException>();
        if (workforceCount < 1)
        {
            problems.Add(new LayoffsException("Layoff.WorkforcePositive", "WorkforceCount"));
        }

        if (reductionCount < 1)
        {
            problems.Add(new LayoffsException("Layoff.ReductionPositive", "ReductionCount"));
        }
        else if (workforceCount >= 1 && reductionCount > workforceCount)
        {
            problems.Add(new LayoffsException("Layoff.ReductionOverWorkforce", "ReductionCount"));
        }

        return problems;
    }

    public static LayoffReport File(
        Guid employerId,
        string regionCode,
        int reductionCount,
        int workforceCount,
        DateOnly plannedOn,
        string? reason,
        string? contactName,
        string? contactPhone,
        LayoffThreshold threshold,
        string byName,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentException.ThrowIfNullOrWhiteSpace(regionCode);
        if (CountProblems(reductionCount, workforceCount) is [var first, ..])
        {
            throw first;
        }

        return new LayoffReport
        {
            Id = Guid.CreateVersion7(),
            EmployerId = employerId,
            RegionCode = regionCode,
            ReductionCount = reductionCount,
            WorkforceCount = workforceCount,
            PlannedOn = plannedOn,
            Reason = Required(reason, ReasonMaxLength, "Layoff.ReasonRequired", "Reason"),
            ContactName = Required(contactName, ContactMaxLength, "Layoff.ContactRequired", "ContactName"),
            ContactPhone = Required(contactPhone, PhoneMaxLength, "Layoff.PhoneRequired", "ContactPhone"),
            Reportable = threshold.IsReportable(reductionCount, workforceCount),
            ThresholdPeople = threshold.MinPeople,
            ThresholdShare = threshold.MinShare,
            Status = LayoffStatus.Filed,
            FiledAt = at,
            FiledByName = byName,
        };
    }

    /// <summary>The county takes note of a filed report, with a note of what it will do.</summary>
    public void Acknowledge(string? note, string byName, DateTimeOffset at)
    {
        if (Status != LayoffStatus.Filed)
        {
            throw new LayoffsException("Layoff.AlreadyAcknowledged");
        }

        AcknowledgementNote = Required(note, NoteMaxLength, "Layoff.NoteRequired", "Note");
        AcknowledgedByName = byName;
        AcknowledgedAt = at;
        Status = LayoffStatus.Acknowledged;
    }

    internal static string Required(string? text, int max, string key, string field)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new LayoffsException(key, field);
        }

        return text.Length > max ? throw new LayoffsException("Validation.TooLong", field) : text;
    }
}

/// <summary>A broken rule of layoff reports and monitoring points; a text key and the form field it belongs to.</summary>
public sealed class LayoffsException : DomainException
{
    public LayoffsException(string messageKey, string field = "")
        : base(messageKey, field)
    {
    }
}
