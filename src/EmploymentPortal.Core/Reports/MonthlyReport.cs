using EmploymentPortal.Domain.Reports;

namespace EmploymentPortal.Core.Reports;

/// <summary>One line of the monthly report form: its number, what it counts, and its figures (null: not applicable).</summary>
public sealed record MonthlyReportLine(string Number, string Key, string UnitKey, decimal? Month, decimal? Year, decimal? End, bool Share = false);

/// <summary>
/// The monthly report form 月报 of one region and month (docs/policy-rules.md, "Reports: the monthly
/// report form"): a fixed list of lines, each the figures of the dashboard's total as of the month's
/// last day (or today while the month runs). The layout lives here once, for the page and the .xlsx.
/// </summary>
public sealed record MonthlyReport(string RegionCode, string RegionName, DateOnly Month, DateOnly AsOf, IReadOnlyList<MonthlyReportLine> Lines)
{
    public static MonthlyReport From(RegistryDashboard dashboard, DateOnly month, IReadOnlyDictionary<TargetIndicator, int> targets)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(targets);
        var f = dashboard.Total;
        var lines = new List<MonthlyReportLine>
        {
            new("1", "MonthlyReport.Registered", "MonthlyReport.Persons", null, null, f.Registered),
            new("1.1", "MonthlyReport.LongTerm", "MonthlyReport.Persons", null, null, f.LongTerm),
            new("1.2", "MonthlyReport.LongTermShare", "MonthlyReport.Percent", null, null, f.ShareOf(f.LongTerm), Share: true),
            new("1.3", "MonthlyReport.LowEducation", "MonthlyReport.Persons", null, null, f.LowEducation),
            new("1.4", "MonthlyReport.LowEducationShare", "MonthlyReport.Percent", null, null, f.ShareOf(f.LowEducation), Share: true),
            new("1.5", "MonthlyReport.Age4050", "MonthlyReport.Persons", null, null, f.Age4050),
            new("1.6", "MonthlyReport.Age4050Share", "MonthlyReport.Percent", null, null, f.ShareOf(f.Age4050), Share: true),
            new("2", "MonthlyReport.NewlyRegistered", "MonthlyReport.Persons", f.NewInMonth, f.NewInYear, null),
            new("3", "MonthlyReport.Reemployed", "MonthlyReport.Persons", f.ReemployedInMonth, f.ReemployedInYear, null),
            new("3.1", "MonthlyReport.ReemployedTarget", "MonthlyReport.Persons", null, targets.TryGetValue(TargetIndicator.ReEmployed, out var re) ? re : null, null),
            new("4", "MonthlyReport.Placed", "MonthlyReport.Persons", f.PlacedInMonth, f.PlacedInYear, null),
            new("4.1", "MonthlyReport.PlacedTarget", "MonthlyReport.Persons", null, targets.TryGetValue(TargetIndicator.ReferralPlacements, out var placed) ? placed : null, null),
            new("5", "MonthlyReport.HouseholdsIdentified", "MonthlyReport.Households", null, null, f.HouseholdsIdentified),
            new("5.1", "MonthlyReport.HouseholdsAssisting", "MonthlyReport.Households", null, null, f.HouseholdsAssisting),
            new("5.2", "MonthlyReport.HouseholdsEliminated", "MonthlyReport.Households", null, null, f.HouseholdsEliminated),
            new("5.3", "MonthlyReport.HouseholdsStable", "MonthlyReport.Households", null, null, f.HouseholdsStable),
        };
        return new MonthlyReport(dashboard.RegionCode, dashboard.RegionName, month, dashboard.On, lines);
    }

    /// <summary>The date a month is reported as of: its last day, or today while it runs; null for a month not begun.</summary>
    public static DateOnly? ReportedOn(DateOnly month, DateOnly today)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > today)
        {
            return null;
        }

        var last = first.AddMonths(1).AddDays(-1);
        return last < today ? last : today;
    }
}
