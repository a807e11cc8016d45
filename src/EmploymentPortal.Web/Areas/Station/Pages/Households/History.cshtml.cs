using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Households;

/// <summary>
/// A household's history: its status changes with their causes and its membership changes, each
/// as its own dated event, then who changed the household, its members, plan and status, and when.
/// </summary>
[Authorize(Policy = Capabilities.ManageHouseholds)]
public sealed class HistoryModel(HouseholdRegistry households) : PageModel
{
    public HouseholdView Household { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The audit trail, its members named (those who left too) so the lines about them read as names.</summary>
    public AuditTrail Trail => new(
        Entries,
        Household.Id,
        Household.Membership.Where(m => m.Name is not null).Select(m => (m.PersonId, m.Name!))
            .Concat(Household.Members.Select(m => (m.PersonId, m.Name)))
            .DistinctBy(m => m.PersonId)
            .ToDictionary(m => m.PersonId, m => m.Item2),
        new Dictionary<string, string> { [Household.RegionCode] = Household.RegionName });

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var household = await households.GetAsync(id, cancellationToken);
        var entries = await households.GetHistoryAsync(id, cancellationToken);
        if (household is null || entries is null)
        {
            return NotFound();
        }

        Household = household;
        Entries = entries;
        return Page();
    }
}
