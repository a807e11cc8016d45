using System.Globalization;
using EmploymentPortal.Core.Reports;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Reports;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Targets;

/// <summary>
/// Annual targets of a region and its children (003 §二(一)): city officials set them, county
/// officials read theirs. Every cell is a field named "region:indicator"; an empty one clears it.
/// </summary>
[Authorize(Policy = Capabilities.ViewTargets)]
public sealed class IndexModel(Core.Reports.Targets targets, BusinessClock clock, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>What was typed, by cell key: kept when the sheet is refused.</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public TargetSheet Sheet { get; private set; } = null!;

    public int ShownYear => Year ?? clock.Today.Year;

    public static string Key(string regionCode, TargetIndicator indicator) => $"{regionCode}:{indicator}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await targets.SheetAsync(ShownYear, Region, cancellationToken) is not { } sheet)
        {
            return NotFound();
        }

        Sheet = sheet;
        Values = sheet.Rows.SelectMany(r => r.Cells.Select(c => (Key(r.Region.Code, c.Indicator), c.Value?.ToString(CultureInfo.InvariantCulture))))
            .ToDictionary(p => p.Item1, p => p.Item2);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await targets.SheetAsync(ShownYear, Region, cancellationToken) is not { } sheet)
        {
            return NotFound();
        }

        if (!sheet.MaySet)
        {
            return Forbid();
        }

        Sheet = sheet;
        var inputs = new List<TargetInput>();
        foreach (var row in sheet.Rows)
        {
            foreach (var cell in row.Cells)
            {
                var key = Key(row.Region.Code, cell.Indicator);
                var typed = Values.GetValueOrDefault(key)?.Trim();
                if (string.IsNullOrEmpty(typed))
                {
                    inputs.Add(new TargetInput(row.Region.Code, cell.Indicator, null));
                }
                else if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= AnnualTarget.MaxValue)
                {
                    inputs.Add(new TargetInput(row.Region.Code, cell.Indicator, value));
                }
                else
                {
                    ModelState.AddModelError($"Values[{key}]", texts["Target.Value", row.Region.Name, texts["Target.Indicator." + cell.Indicator]]);
                }
            }
        }

        if (ModelState.IsValid)
        {
            var result = await targets.SetAsync(ShownYear, inputs, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Target.SavedMessage", ShownYear, sheet.Region.Name].Value;
                return RedirectToPage(new { Year = ShownYear, Region = sheet.Region.Code });
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        return InvalidPage();
    }
}
