using System.Globalization;
using EmploymentPortal.Core.Layoffs;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Monitoring;

/// <summary>For a chosen month (yyyy-MM, default the previous month): the area's points that have not filed, and those that have.</summary>
[Authorize(Policy = Capabilities.OverseeMonitoring)]
public sealed class MissingModel(Core.Layoffs.Monitoring monitoring) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public DateOnly MonthStart { get; private set; }

    public IReadOnlyList<PointMonth> Missing { get; private set; } = [];

    public IReadOnlyList<PointMonth> Filed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = monitoring.Today;
        MonthStart = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen)
            ? chosen
            : new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Month = MonthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var rows = await monitoring.MonthAsync(MonthStart, cancellationToken);
        Missing = rows.Where(r => r.Filing is null).ToList();
        Filed = rows.Where(r => r.Filing is not null).ToList();
    }
}
