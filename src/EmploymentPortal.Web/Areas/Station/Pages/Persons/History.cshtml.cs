using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>Who did what to a person's records, and when (the audit trail, newest first); a cancelled record's too, saying so.</summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class HistoryModel(PersonRegistry registry, PersonCorrections corrections) : PageModel
{
    public Guid Id { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The audit trail, the caller's communities named.</summary>
    public AuditTrail Trail { get; private set; } = new([]);

    /// <summary>Set when the record has been cancelled (注销).</summary>
    public CancelledPerson? Cancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var entries = await registry.GetHistoryAsync(id, cancellationToken);
        if (entries is null)
        {
            return NotFound();
        }

        Id = id;
        Entries = entries;
        var regions = await registry.RegionsInScopeAsync(cancellationToken);
        Trail = new AuditTrail(entries, id, Regions: regions.ToDictionary(r => r.Code, r => r.Name));
        Cancelled = await corrections.CancelledAsync(id, cancellationToken);
        return Page();
    }
}
