using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>
/// Ends (注销) a person's unemployment registration: the page says what will change and asks for
/// the date and the reason, neither filled in beforehand; the post does it and says what it did.
/// </summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class EndRegistrationModel(PersonRegistry registry, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public PersonView Person { get; private set; } = null!;

    public UnemploymentView Open => Person.OpenRegistration!;

    [BindProperty]
    [Display(Name = "Unemployment.EndedOn")]
    [Required(ErrorMessage = "Unemployment.EndedOnRequired")]
    public DateOnly? EndedOn { get; set; }

    [BindProperty]
    [Display(Name = "Unemployment.EndReason")]
    [Required(ErrorMessage = "Unemployment.EndReasonRequired")]
    public UnemploymentEndReason? EndReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) switch
    {
        null => NotFound(),
        false => NothingToEnd(id),
        true => Page(),
    };

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        switch (await LoadAsync(id, cancellationToken))
        {
            case null:
                return NotFound();
            case false:
                return NothingToEnd(id);
        }

        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var result = await registry.EndRegistrationAsync(id, EndedOn!.Value, EndReason!.Value, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts, prefix: string.Empty);
            return InvalidPage();
        }

        TempData["Message"] = texts["Unemployment.EndedMessage", Person.Details.Name, texts["UnemploymentEndReason." + EndReason].Value].Value;
        return RedirectToPage("Detail", new { id });
    }

    /// <summary>The status the person's record will show after ending for a reason (the registry's rule, shown before it applies).</summary>
    public EmploymentStatus StatusAfter(UnemploymentEndReason reason) => PersonRegistry.StatusAfterEnding(reason, Person.Details.EmploymentStatus);

    /// <summary>The person, and whether they have a registration to end (null: not found in the user's area).</summary>
    private async Task<bool?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await registry.GetAsync(id, cancellationToken) is not { } person)
        {
            return null;
        }

        Person = person;
        return person.OpenRegistration is not null;
    }

    private RedirectToPageResult NothingToEnd(Guid id)
    {
        TempData["Message"] = texts["Unemployment.NoneOpen"].Value;
        return RedirectToPage("Detail", new { id });
    }
}
