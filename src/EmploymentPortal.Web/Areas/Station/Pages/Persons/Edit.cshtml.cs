using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>
/// Corrects what staff typed about a person; the ID number and what derives from it stay. The phone number is shown
/// masked: a field left masked keeps the stored number, and the full number is revealed with a reason (audited and
/// counted like an ID number's reveal).
/// </summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class EditModel(PersonRegistry registry, PersonReveals reveals, IStringLocalizer<Texts> texts) : PortalPageModel, IRevealReasonForm
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public PersonView Person { get; private set; } = null!;

    /// <summary>Why the full phone number is needed (required for the reveal; kept in the audit row).</summary>
    [BindProperty(Name = RevealOutcome.ReasonField)]
    [Display(Name = "Reveal.Reason")]
    public string? RevealReason { get; set; }

    /// <summary>Whether the phone field holds the stored number's mask (so the reveal button is offered).</summary>
    public bool PhoneMasked => Person.Details.Phone is { Length: > 0 } stored && Input.Phone == Domain.Persons.Person.MaskPhone(stored);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await registry.GetAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        Input = PersonForm.From(person.Details);
        MaskPhone();
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

        // A phone field left as the mask keeps the stored number.
        var keepPhone = PhoneMasked;
        if (keepPhone)
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Phone)}");
            Input.Phone = person.Details.Phone;
        }

        if (!ModelState.IsValid)
        {
            return Invalid(keepPhone);
        }

        var result = await registry.UpdateAsync(id, Input.ToDetails(), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return Invalid(keepPhone);
        }

        TempData["Message"] = texts["Person.UpdatedMessage", Input.Name.Trim()].Value;
        return Redirect($"/Station/Persons/{id}");
    }

    /// <summary>Shows the full phone number in the field, with what was typed in the other fields kept.</summary>
    public async Task<IActionResult> OnPostRevealPhoneAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await registry.GetAsync(id, cancellationToken);
        var result = await reveals.RevealPhoneAsync(id, RevealReason, cancellationToken);
        if (person is null || result.Refusal == RevealRefusal.NotFound)
        {
            return NotFound();
        }

        Person = person;
        ModelState.Clear();
        if (RevealOutcome.Refusal(result, Response, ModelState, texts) is { } refused)
        {
            return refused;
        }

        Input.Phone = result.Value;
        return Page();
    }

    private PageResult Invalid(bool keepPhone)
    {
        if (keepPhone)
        {
            MaskPhone();
        }

        return InvalidPage();
    }

    private void MaskPhone()
    {
        if (Person.Details.Phone is { Length: > 0 } stored)
        {
            Input.Phone = Domain.Persons.Person.MaskPhone(stored);
        }
    }
}
