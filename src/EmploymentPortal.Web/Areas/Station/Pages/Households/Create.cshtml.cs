using EmploymentPortal.Application.Households;
using EmploymentPortal.Application.Persons;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Households;

/// <summary>Creates a household with a registered person as its head, in the head's community.</summary>
public sealed class CreateModel(IHouseholdRegistry households, IPersonRegistry persons, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public HouseholdForm Input { get; set; } = new();

    public PersonView Head { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid head, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(head, cancellationToken))
        {
            return NotFound();
        }

        if (Head.Household is { } existing)
        {
            return Redirect($"/Station/Households/{existing.Id}");
        }

        Input = new HouseholdForm { Address = Head.Details.Address, Hukou = Head.Details.Hukou };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid head, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(head, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var (result, id) = await households.CreateAsync(head, Input.ToDetails(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Household.Created"].Value;
                return Redirect($"/Station/Households/{id}");
            }

            AddErrors(result, texts);
        }

        return InvalidPage();
    }

    private async Task<bool> LoadAsync(Guid head, CancellationToken cancellationToken)
    {
        var person = await persons.GetAsync(head, cancellationToken);
        Head = person!;
        return person is not null;
    }
}
