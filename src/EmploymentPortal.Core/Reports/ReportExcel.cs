using System.Globalization;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using MiniExcelLibs;

namespace EmploymentPortal.Core.Reports;

/// <summary>
/// The dashboard in .xlsx (MiniExcel): one row per region as on the page, numbers as numbers,
/// shares as fractions, headers in the reader's language; every export is audited.
/// </summary>
public sealed class ReportExcel(PortalDbContext db, AuditLog audit, ILabelCatalog labels)
{
    /// <summary>Writes every table of the dashboard, a sheet each: the figures, the services' work, per scheme, the targets and the trend.</summary>
    public async Task WriteAsync(DashboardTables tables, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var (dashboard, activity) = (tables.Dashboard, tables.Activity);
        string NameOf(RegistryRow r) => r.Direct ? string.Format(CultureInfo.CurrentCulture, labels.Text("Dashboard.Direct"), r.Name) : r.Name;
        var rows = dashboard.Rows
            .Select(r => Row(NameOf(r), r.RegionCode, r.Figures))
            .Append(Row(labels.Text("Dashboard.Total"), dashboard.RegionCode, dashboard.Total))
            .ToList();
        var work = dashboard.Rows
            .Select(r => Work(NameOf(r), activity.Rows.GetValueOrDefault(r.RegionCode, ActivityFigures.Zero)))
            .Append(Work(labels.Text("Dashboard.Total"), activity.Total))
            .ToList();
        var schemes = activity.Schemes.Select(s => new Dictionary<string, object?>
        {
            [labels.Text("Application.Scheme")] = Domain.Subsidies.SchemeCatalog.Find(s.SchemeCode)?.Name(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal)) ?? s.SchemeCode,
            [labels.Text("Dashboard.Approved")] = s.Figures.Approved,
            [labels.Text("Dashboard.ApprovedAmount")] = s.Figures.ApprovedAmount,
            [labels.Text("Dashboard.Paid")] = s.Figures.Paid,
            [labels.Text("Dashboard.PaidAmount")] = s.Figures.PaidAmount,
        }).ToList();
        var targets = tables.Targets.Select(t => new Dictionary<string, object?>
        {
            [labels.Text("Dashboard.Region")] = t.RegionName,
            [labels.Text("Dashboard.Indicator")] = labels.Text("Target.Indicator." + t.Indicator),
            [labels.Text("Dashboard.Actual")] = t.Progress.Actual,
            [labels.Text("Dashboard.Target")] = t.Progress.Target,
            [labels.Text("Dashboard.Reached")] = t.Progress.Reached,
            [labels.Text("Dashboard.YearElapsed")] = t.Progress.YearElapsed,
        }).ToList();
        var months = tables.Trend.Select(m => new Dictionary<string, object?>
        {
            [labels.Text("Dashboard.Month")] = m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            [labels.Text("Dashboard.NewInMonth")] = m.NewlyRegistered,
            [labels.Text("Dashboard.ReemployedInMonth")] = m.Reemployed,
        }).ToList();

        // MiniExcel writes no sheet from an empty list of rows: an empty table keeps its headers as one empty row.
        var sheets = new Dictionary<string, object>
        {
            [labels.Text("Dashboard.Title")] = rows,
            [labels.Text("Dashboard.WorkSheet")] = work,
            [labels.Text("Dashboard.BySchemes")] = schemes.Count > 0 ? schemes : [new Dictionary<string, object?> { [labels.Text("Application.Scheme")] = null }],
            [labels.Text("Target.Title")] = targets.Count > 0 ? targets : [new Dictionary<string, object?> { [labels.Text("Dashboard.Region")] = null }],
            [labels.Text("Dashboard.Trend")] = months,
        };
        await output.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        audit.Add("DashboardExported", "Dashboard", dashboard.RegionCode, dashboard.RegionCode, null, new { on = dashboard.On, rows = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
    }

    private Dictionary<string, object?> Work(string name, ActivityFigures f) => new()
    {
        [labels.Text("Dashboard.Region")] = name,
        [labels.Text("Dashboard.Certified")] = f.Certified,
        [labels.Text("Dashboard.PostingsPublished")] = f.PostingsPublished,
        [labels.Text("Dashboard.PostingsFilled")] = f.PostingsFilled,
        [labels.Text("Dashboard.Referred")] = f.Referred,
        [labels.Text("Dashboard.Approved")] = f.Approved,
        [labels.Text("Dashboard.ApprovedAmount")] = f.ApprovedAmount,
        [labels.Text("Dashboard.Paid")] = f.Paid,
        [labels.Text("Dashboard.PaidAmount")] = f.PaidAmount,
    };

    /// <summary>
    /// Writes the monthly report form on one sheet, laid out as a printed statistical form: the
    /// title, the area and month; 表号 and 制表机关; 填报单位 and 计量单位; the table with its header row; and below it
    /// 单位负责人, 填表人 and 填报日期. Numbers stay numbers.
    /// </summary>
    public async Task WriteAsync(MonthlyReport report, MonthlyReportHeader header, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(header);
        string Line(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, labels.Text(key), args);
        var title = Line("MonthlyReport.Heading", report.RegionName, report.Month.Year, report.Month.Month);
        var form = new List<Dictionary<string, object?>>
        {
            FormRow(labels.Text("MonthlyReport.Title")),
            FormRow(title),
            FormRow(Line("ReportForm.FormNumber", header.FormNumber ?? labels.Text("ReportForm.NotSet")), d: Line("ReportForm.Authority", header.Authority ?? "—")),
            FormRow(Line("ReportForm.FilingUnit", header.FilingUnit ?? "—"), d: labels.Text("ReportForm.Units")),
            FormRow(labels.Text("MonthlyReport.Number"), labels.Text("MonthlyReport.Line"), labels.Text("MonthlyReport.Unit"),
                labels.Text("MonthlyReport.ThisMonth"), labels.Text("MonthlyReport.ThisYear"), labels.Text("MonthlyReport.AtEnd")),
        };
        form.AddRange(report.Lines.Select(l => FormRow(l.Number, labels.Text(l.Key), labels.Text(l.UnitKey), l.Month, l.Year, l.End)));
        form.Add(FormRow(labels.Text("ReportForm.HeadOfUnit"), c: Line("ReportForm.Preparer", header.Preparer ?? "—"),
            e: Line("ReportForm.FiledOn", header.FiledOn.Year, header.FiledOn.Month, header.FiledOn.Day)));
        await output.SaveAsAsync(form, printHeader: false, sheetName: labels.Text("MonthlyReport.Title"), cancellationToken: cancellationToken);
        audit.Add("MonthlyReportExported", "MonthlyReport", $"{report.RegionCode}:{report.Month:yyyy-MM}", report.RegionCode, null, new { title, asOf = report.AsOf });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One row of the form's six columns (A–F).</summary>
    private static Dictionary<string, object?> FormRow(object? a, object? b = null, object? c = null, object? d = null, object? e = null, object? f = null) =>
        new() { ["A"] = a, ["B"] = b, ["C"] = c, ["D"] = d, ["E"] = e, ["F"] = f };

    private Dictionary<string, object?> Row(string name, string code, RegistryFigures f) => new()
    {
        [labels.Text("Dashboard.Region")] = name,
        [labels.Text("Dashboard.RegionCode")] = code,
        [labels.Text("Dashboard.Registered")] = f.Registered,
        [labels.Text("Dashboard.NewInMonth")] = f.NewInMonth,
        [labels.Text("Dashboard.NewInYear")] = f.NewInYear,
        [labels.Text("Dashboard.ReemployedInMonth")] = f.ReemployedInMonth,
        [labels.Text("Dashboard.ReemployedInYear")] = f.ReemployedInYear,
        [labels.Text("Dashboard.LongTerm")] = f.LongTerm,
        [labels.Text("Dashboard.LongTermShare")] = f.ShareOf(f.LongTerm),
        [labels.Text("Dashboard.LowEducation")] = f.LowEducation,
        [labels.Text("Dashboard.LowEducationShare")] = f.ShareOf(f.LowEducation),
        [labels.Text("Dashboard.Age4050")] = f.Age4050,
        [labels.Text("Dashboard.Age4050Share")] = f.ShareOf(f.Age4050),
        [labels.Text("Dashboard.HouseholdsIdentified")] = f.HouseholdsIdentified,
        [labels.Text("Dashboard.HouseholdsAssisting")] = f.HouseholdsAssisting,
        [labels.Text("Dashboard.HouseholdsEliminated")] = f.HouseholdsEliminated,
        [labels.Text("Dashboard.HouseholdsStable")] = f.HouseholdsStable,
        [labels.Text("Dashboard.PlacedInMonth")] = f.PlacedInMonth,
        [labels.Text("Dashboard.PlacedInYear")] = f.PlacedInYear,
    };
}
