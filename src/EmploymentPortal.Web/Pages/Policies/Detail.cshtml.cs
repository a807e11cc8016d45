using EmploymentPortal.Application.Subsidies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Policies;

/// <summary>One scheme in plain language, with a link to its technical page (the history of its numbers).</summary>
public sealed class DetailModel(ISchemeParameters parameters, BusinessClock clock) : PageModel
{
    public SchemeDefinition Scheme { get; private set; } = null!;

    public IReadOnlyDictionary<string, decimal> InForce { get; private set; } = new Dictionary<string, decimal>();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (SchemeCatalog.Find(code) is not { } scheme)
        {
            return NotFound();
        }

        Scheme = scheme;
        var all = await parameters.InForceAsync(clock.Today, cancellationToken);
        InForce = all[scheme.Code];
        return Page();
    }
}
