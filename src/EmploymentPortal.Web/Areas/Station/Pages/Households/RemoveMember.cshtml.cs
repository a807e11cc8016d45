using EmploymentPortal.Core.Households;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Households;

/// <summary>Confirms, then removes a member (the last member's removal dissolves the household).</summary>
[Authorize(Policy = Capabilities.ManageHouseholds)]
public sealed class RemoveMemberModel(HouseholdRegistry households, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public HouseholdView Household { get; private set; } = null!;

    public HouseholdMember Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid personId, CancellationToken cancellationToken) =>
        await LoadAsync(id, personId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid personId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, personId, cancellationToken))
        {
            return NotFound();
        }

        var result = await households.RemoveMemberAsync(id, personId, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        TempData["Message"] = texts["Household.MemberRemoved"].Value;
        return Household.Members.Count == 1 ? Redirect($"/Station/Persons/{personId}") : Redirect($"/Station/Households/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, Guid personId, CancellationToken cancellationToken)
    {
        var household = await households.GetAsync(id, cancellationToken);
        var member = household?.Members.SingleOrDefault(m => m.PersonId == personId);
        if (household is null || member is null)
        {
            return false;
        }

        Household = household;
        Member = member;
        return true;
    }
}
