using EmploymentPortal.Core.Reports;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Domain.Reports;
using Microsoft.AspNetCore.Mvc;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// The registry dashboard of the caller's area (or of a region inside it, <c>?region=</c>) as of a
/// date (<c>?on=</c>, default today): one row per child region, linking one level down. A region
/// outside the caller's area is not found.
/// </summary>
public abstract class DashboardPageModel(Reports reports, Targets targets, ReportExcel excel, BusinessClock clock) : PortalPageModel
{
    /// <summary>How many months the trend shows, the date's month last.</summary>
    public const int TrendMonths = 12;

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    public RegistryDashboard? Dashboard { get; private set; }

    public IReadOnlyList<MonthFigures> Trend { get; private set; } = [];

    public DashboardActivity? Activity { get; private set; }

    /// <summary>The year's targets of the region and its rows, each against its actual on the date.</summary>
    public IReadOnlyList<(string RegionName, TargetIndicator Indicator, TargetProgress Progress)> Targets { get; private set; } = [];

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || (Region is not null && !RegionCode.TryParse(Region, out _)))
        {
            return BadRequest();
        }

        Dashboard = await reports.RegistryDashboardAsync(Region, On ?? Today, cancellationToken);
        if (Dashboard is not { } d)
        {
            return NotFound();
        }

        Trend = await reports.MonthlyAsync(d.RegionCode, d.On, TrendMonths, cancellationToken) ?? [];
        Activity = await reports.ActivityAsync(d, cancellationToken);
        var lines = d.Rows.Where(r => !r.Direct).Select(r => (Code: r.RegionCode, r.Name, r.Figures))
            .Prepend((Code: d.RegionCode, Name: d.RegionName, Figures: d.Total)).DistinctBy(l => l.Code).ToList();
        var values = await targets.ValuesAsync(d.On.Year, lines.Select(l => l.Code).ToList(), cancellationToken);
        Targets = lines
            .SelectMany(l => Enum.GetValues<TargetIndicator>().Where(i => values.ContainsKey((l.Code, i))).Select(i =>
                (l.Name, i, TargetProgress.Of(values[(l.Code, i)], i == TargetIndicator.ReEmployed ? l.Figures.ReemployedInYear : l.Figures.PlacedInYear, d.On.Year, d.On))))
            .ToList();
        return Page();
    }

    /// <summary>The page's tables as .xlsx, for the same region and date.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var shown = await OnGetAsync(cancellationToken);
        if (shown is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            return shown;
        }

        var d = Dashboard!;
        using var buffer = new MemoryStream();
        await excel.WriteAsync(new DashboardTables(d, Activity!, Targets, Trend), buffer, cancellationToken);
        return File(buffer.ToArray(), ExcelContentType, $"{d.RegionName}-{d.On:yyyyMMdd}.xlsx");
    }

    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
