using System.Globalization;
using System.Security.Claims;
using EmploymentPortal.Core.Reports;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Regions;
using Microsoft.AspNetCore.Mvc;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// The monthly report form 月报 of the caller's area (or a region inside it, <c>?region=</c>) for a
/// month (<c>?month=yyyy-MM</c>, default the last full month), on the page and as .xlsx.
/// </summary>
public abstract class MonthlyReportPageModel(Reports reports, Targets targets, ReportExcel excel, BusinessClock clock, ReportFormHeader formHeader) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public MonthlyReport? Report { get; private set; }

    /// <summary>The form's standard lines: 表号, 制表机关, 填报单位 (the caller's unit), 填报日期, 填表人 (the caller's name).</summary>
    public MonthlyReportHeader? Header { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } problem ? problem : Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } problem)
        {
            return problem;
        }

        using var buffer = new MemoryStream();
        await excel.WriteAsync(Report!, Header!, buffer, cancellationToken);
        return File(buffer.ToArray(), DashboardPageModel.ExcelContentType, $"{Report!.RegionName}-{Report.Month:yyyyMM}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if ((Region is not null && !RegionCode.TryParse(Region, out _))
            || (Month is not null && !DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)))
        {
            return BadRequest();
        }

        if (MonthlyReport.ReportedOn(month, today) is not { } asOf)
        {
            return BadRequest();
        }

        if (await reports.RegistryDashboardAsync(Region, asOf, cancellationToken) is not { } dashboard)
        {
            return NotFound();
        }

        var values = await targets.ValuesAsync(month.Year, [dashboard.RegionCode], cancellationToken);
        Report = MonthlyReport.From(dashboard, month, values.Where(v => v.Key.RegionCode == dashboard.RegionCode).ToDictionary(v => v.Key.Indicator, v => v.Value));
        Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Header = await formHeader.ForAsync(User.FindFirstValue(PortalClaims.UnitName), User.FindFirstValue(PortalClaims.DisplayName), cancellationToken);
        return null;
    }
}
