using EmploymentPortal.Application.Households;
using EmploymentPortal.Application.Persons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Households;

/// <summary>Who changed a household, its members, plan and status, and when.</summary>
public sealed class HistoryModel(IHouseholdRegistry households) : PageModel
{
    public Guid Id { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var entries = await households.GetHistoryAsync(id, cancellationToken);
        if (entries is null)
        {
            return NotFound();
        }

        Id = id;
        Entries = entries;
        return Page();
    }
}
