using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Domain.Reports;

namespace EmploymentPortal.Core.Reports;

/// <summary>
/// The registry's figures for one region (or one row of a dashboard) as of a date
/// (docs/policy-rules.md, "Reports"). Counts of registrations open on the date and of events in
/// the date's month and year up to the date; zero-employment households by status on the date;
/// persons placed through referrals (outcome "hired") in the month and the year up to the date.
/// </summary>
public sealed record RegistryFigures(
    int Registered,
    int NewInMonth,
    int NewInYear,
    int ReemployedInMonth,
    int ReemployedInYear,
    int LongTerm,
    int LowEducation,
    int Age4050,
    int HouseholdsIdentified,
    int HouseholdsAssisting,
    int HouseholdsEliminated,
    int HouseholdsStable,
    int PlacedInMonth,
    int PlacedInYear)
{
    public static RegistryFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Share of the registered unemployed on the date (null when there are none).</summary>
    public decimal? ShareOf(int part) => Registered == 0 ? null : (decimal)part / Registered;

    public static RegistryFigures Sum(IEnumerable<RegistryFigures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Aggregate(Zero, (a, b) => new RegistryFigures(
            a.Registered + b.Registered, a.NewInMonth + b.NewInMonth, a.NewInYear + b.NewInYear, a.ReemployedInMonth + b.ReemployedInMonth,
            a.ReemployedInYear + b.ReemployedInYear, a.LongTerm + b.LongTerm, a.LowEducation + b.LowEducation, a.Age4050 + b.Age4050,
            a.HouseholdsIdentified + b.HouseholdsIdentified, a.HouseholdsAssisting + b.HouseholdsAssisting,
            a.HouseholdsEliminated + b.HouseholdsEliminated, a.HouseholdsStable + b.HouseholdsStable,
            a.PlacedInMonth + b.PlacedInMonth, a.PlacedInYear + b.PlacedInYear));
    }
}

/// <summary>
/// One row of a dashboard: a child region, or the records kept directly at the parent's own code
/// (<see cref="Direct"/>: persons registered at a street, not in one of its communities).
/// </summary>
public sealed record RegistryRow(string RegionCode, string Name, bool Direct, bool CanDrillDown, RegistryFigures Figures);

/// <summary>A region's figures on a date, one row per child region; the rows add up to <see cref="Total"/>.</summary>
public sealed record RegistryDashboard(
    string RegionCode,
    string RegionName,
    RegionLevel Level,
    string? ParentCode,
    DateOnly On,
    IReadOnlyList<RegistryRow> Rows,
    RegistryFigures Total);

/// <summary>One month of a region's trend: registrations opened and ended by re-employment (the current month up to the date).</summary>
public sealed record MonthFigures(DateOnly Month, int NewlyRegistered, int Reemployed);

/// <summary>
/// The services' work in one row of a dashboard in the date's year up to the date: hardship
/// certifications approved, postings published and filled, referrals made, subsidy applications
/// approved (their amounts) and payments made (their amounts).
/// </summary>
public sealed record ActivityFigures(int Certified, int PostingsPublished, int PostingsFilled, int Referred, int Approved, decimal ApprovedAmount, int Paid, decimal PaidAmount)
{
    public static ActivityFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public ActivityFigures Add(ActivityFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Certified + other.Certified, PostingsPublished + other.PostingsPublished, PostingsFilled + other.PostingsFilled, Referred + other.Referred,
            Approved + other.Approved, ApprovedAmount + other.ApprovedAmount, Paid + other.Paid, PaidAmount + other.PaidAmount);
    }
}

/// <summary>The activity of a dashboard's rows (keyed by the row's region code) and per subsidy scheme for the whole region.</summary>
public sealed record DashboardActivity(IReadOnlyDictionary<string, ActivityFigures> Rows, ActivityFigures Total, IReadOnlyList<(string SchemeCode, ActivityFigures Figures)> Schemes);

public sealed record ReportRebuildSummary(long RegistrationDays, long HouseholdDays, TimeSpan Elapsed);

/// <summary>Everything a dashboard page shows, for its export.</summary>
public sealed record DashboardTables(
    RegistryDashboard Dashboard,
    DashboardActivity Activity,
    IReadOnlyList<(string RegionName, TargetIndicator Indicator, TargetProgress Progress)> Targets,
    IReadOnlyList<MonthFigures> Trend);
