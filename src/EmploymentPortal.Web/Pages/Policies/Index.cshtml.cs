using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Policies;

/// <summary>Every scheme in plain language, for residents: who it is for, what it gives today, what to bring (public).</summary>
[AllowAnonymous]
public sealed class IndexModel(SchemeParameters parameters, BusinessClock clock) : PageModel
{
    /// <summary>Scheme code → parameter name → value in force today; a number not set is absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> InForce { get; private set; } =
        new Dictionary<string, IReadOnlyDictionary<string, decimal>>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        InForce = await parameters.InForceAsync(clock.Today, cancellationToken);
}
