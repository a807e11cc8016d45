using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Policies;

/// <summary>One scheme in plain language, with a link to its technical page (the history of its numbers).</summary>
[AllowAnonymous]
public sealed class DetailModel(SchemeParameters parameters, BusinessClock clock) : PageModel
{
    public SchemeDefinition Scheme { get; private set; } = null!;

    public IReadOnlyDictionary<string, decimal> InForce { get; private set; } = new Dictionary<string, decimal>();

    /// <summary>
    /// Where the numbers in force come from: the parameter versions that set them, newest first. A
    /// number's source is its version's, not the scheme's (the small loan's 200,000 yuan is not 003's 20,000).
    /// </summary>
    public IReadOnlyList<SchemeVersion> NumberSources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (SchemeCatalog.Find(code) is not { } scheme)
        {
            return NotFound();
        }

        Scheme = scheme;
        var today = clock.Today;
        var all = await parameters.InForceAsync(today, cancellationToken);
        InForce = all[scheme.Code];
        // Newest first: the first version that sets a number is the one in force.
        var history = (await parameters.HistoryAsync(code, cancellationToken) ?? []).Where(v => v.EffectiveFrom <= today).ToList();
        NumberSources = history.Where(v => InForce.Keys.Any(name => history.First(h => h.Set.ContainsKey(name)) == v)).ToList();
        return Page();
    }
}
