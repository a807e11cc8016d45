using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Layoffs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Monitoring;

/// <summary>
/// The monitoring points of the staff member's area for a month (default the previous month):
/// which have filed, and the form for one point's figures (once per point and month).
/// </summary>
[Authorize(Policy = Capabilities.FileMonitoringReports)]
public sealed class IndexModel(Core.Layoffs.Monitoring monitoring, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    /// <summary>The point whose form is open.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Point { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    [Display(Name = "Monitoring.EmployedCount")]
    public int? EmployedCount { get; set; }

    [BindProperty]
    [Display(Name = "Monitoring.NewlyUnemployed")]
    public int? NewlyUnemployed { get; set; }

    [BindProperty]
    [Display(Name = "Monitoring.Note")]
    [StringLength(MonitoringFiling.NoteMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }

    public DateOnly MonthStart { get; private set; }

    public IReadOnlyList<PointMonth> Points { get; private set; } = [];

    public PointMonth? Open => Points.FirstOrDefault(p => p.Point.Id == Point && p.Filing is null);

    public PagedResult<FilingRow> Filings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (EmployedCount is null && ModelState[nameof(EmployedCount)]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError(nameof(EmployedCount), texts["Monitoring.EmployedRequired"]);
        }

        if (NewlyUnemployed is null && ModelState[nameof(NewlyUnemployed)]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError(nameof(NewlyUnemployed), texts["Monitoring.NewlyUnemployedRequired"]);
        }

        var month = ParseMonth();
        if (month is null)
        {
            ModelState.AddModelError(nameof(Month), texts["Monitoring.MonthRequired"]);
        }

        return await CommandAsync(
            texts,
            () => monitoring.FileAsync(Point ?? Guid.Empty, month!.Value, EmployedCount!.Value, NewlyUnemployed!.Value, Note, cancellationToken),
            "Monitoring.Filed",
            new { Month, Point = (Guid?)null },
            async () =>
            {
                await LoadAsync(cancellationToken);
                return true;
            });
    }

    public string PageUrl(int page) => Url.Page("Index", new { Month, p = page })!;

    private DateOnly? ParseMonth() =>
        DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) ? chosen : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = monitoring.Today;
        MonthStart = ParseMonth() ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Month = MonthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Points = await monitoring.MonthAsync(MonthStart, cancellationToken);
        Filings = await monitoring.FilingsAsync(PageNumber, 20, cancellationToken);
    }
}
