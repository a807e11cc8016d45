using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Calendar;

/// <summary>
/// The working-day calendar officials keep from the State Council's yearly notice: weekday
/// holidays and weekend working days 调休. Notices count working days from it. City-wide, so
/// kept by city officials only.
/// </summary>
[Authorize(Policy = Capabilities.KeepCalendar)]
public sealed class IndexModel(Core.Subsidies.Notices notices, IStringLocalizer<Texts> texts, BusinessClock clock) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; } = clock.Today.Year;

    /// <summary>A day asked to be removed: the page shows a confirmation first.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Remove { get; set; }

    [BindProperty]
    [Display(Name = "Calendar.Date")]
    public DateOnly? Date { get; set; }

    [BindProperty]
    [Display(Name = "Calendar.Kind")]
    public bool IsWorkingDay { get; set; }

    [BindProperty]
    [Display(Name = "Calendar.Note")]
    [StringLength(CalendarDay.NoteMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }

    public IReadOnlyList<CalendarDayView> Days { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Days = await notices.CalendarAsync(Year, cancellationToken);

    public async Task<IActionResult> OnPostSetAsync(CancellationToken cancellationToken)
    {
        if (Date is null)
        {
            ModelState.AddModelError(nameof(Date), texts["Validation.Required"]);
        }

        if (ModelState.IsValid)
        {
            var result = await notices.SetCalendarDayAsync(Date!.Value, IsWorkingDay, Note, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts[IsWorkingDay ? "Calendar.SetWorkingMessage" : "Calendar.SetRestMessage", Date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value;
                return RedirectToPage(new { Year = Date.Value.Year });
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        Days = await notices.CalendarAsync(Year, cancellationToken);
        return InvalidPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (Remove is { } day)
        {
            var result = await notices.RemoveCalendarDayAsync(day, cancellationToken);
            TempData["Message"] = texts[result.Succeeded ? "Calendar.Removed" : result.Errors[0].MessageKey].Value;
        }

        return RedirectToPage(new { Year });
    }
}
