using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>Corrects what staff typed about a person; the ID number and what derives from it stay.</summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class EditModel(PersonRegistry registry, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public PersonView Person { get; private set; } = null!;


    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await registry.GetAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        Input = PersonForm.From(person.Details);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await registry.GetAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var result = await registry.UpdateAsync(id, Input.ToDetails(), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        TempData["Message"] = texts["Common.Saved"].Value;
        return Redirect($"/Station/Persons/{id}");
    }
}
