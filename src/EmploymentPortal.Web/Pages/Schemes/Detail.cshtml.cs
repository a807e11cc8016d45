using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Schemes;

/// <summary>One scheme: the numbers in force today and every version with its date and source (public).</summary>
[AllowAnonymous]
public sealed class DetailModel(SchemeParameters parameters, BusinessClock clock) : PageModel
{
    public SchemeDefinition Scheme { get; private set; } = null!;

    public IReadOnlyList<SchemeVersion> History { get; private set; } = [];

    /// <summary>The newest version already in force (a later one may be announced for a future date).</summary>
    public SchemeVersion? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var scheme = SchemeCatalog.Find(code);
        var history = await parameters.HistoryAsync(code, cancellationToken);
        if (scheme is null || history is null)
        {
            return NotFound();
        }

        var today = clock.Today;
        Scheme = scheme;
        History = history;
        Current = history.FirstOrDefault(v => v.EffectiveFrom <= today);
        return Page();
    }
}
