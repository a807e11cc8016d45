using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Households;

/// <summary>
/// Creates a household as a whole: the head (a registered person), the household's details and
/// its other members (registered persons of the head's community, by ID number, each with a
/// relationship), then a check page showing the members and the status the whole membership
/// gives, then the confirmed creation (one transaction, one derivation).
/// </summary>
[Authorize(Policy = Capabilities.ManageHouseholds)]
public sealed class CreateModel(HouseholdRegistry households, PersonRegistry persons, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public const int InitialRows = 3;

    [BindProperty]
    public HouseholdForm Input { get; set; } = new();

    [BindProperty]
    public List<MemberRow> Members { get; set; } = [];

    public PersonView Head { get; private set; } = null!;

    /// <summary>Set on the check page: the members and the status the household will have.</summary>
    public HouseholdPreview? Preview { get; private set; }

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
        return FormPage();
    }

    /// <summary>One more member row (up to the most a household has), with everything typed kept.</summary>
    public async Task<IActionResult> OnPostAddRowAsync(Guid head, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(head, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Members.Count < Household.MaxMembers - 1)
        {
            Members.Add(new MemberRow());
        }

        return FormPage();
    }

    /// <summary>Back from the check page to the form.</summary>
    public async Task<IActionResult> OnPostEditAsync(Guid head, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(head, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        return FormPage();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid head, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(head, cancellationToken))
        {
            return NotFound();
        }

        // Every problem at once: the form's own checks and the service's (members, duplicates, area).
        var (result, preview) = await households.PreviewAsync(head, Input.ToDetails(), NewMembers(), cancellationToken);
        if (ModelState.IsValid && result.Succeeded)
        {
            Preview = preview;
            Members = Members.Where(m => !string.IsNullOrWhiteSpace(m.IdNumber)).ToList();
            return Page();
        }

        AddServiceErrors(result);
        FormPage();
        return InvalidPage();
    }

    /// <summary>The confirmation: creates the household with everyone on the check page.</summary>
    public async Task<IActionResult> OnPostAsync(Guid head, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(head, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var (result, id) = await households.CreateAsync(head, Input.ToDetails(), NewMembers(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Household.Created"].Value;
                return Redirect($"/Station/Households/{id}");
            }

            // Something changed since the check page (a member joined another household meanwhile).
            AddServiceErrors(result);
        }

        FormPage();
        return InvalidPage();
    }

    private List<NewMember> NewMembers() => Members.Select(m => new NewMember(m.IdNumber, m.Relationship)).ToList();

    // The household's own fields are the Input form's; member rows keep their own names. A field
    // the form's own checks already refused keeps that one message.
    private void AddServiceErrors(Core.Common.CommandResult result)
    {
        foreach (var (field, key) in result.Errors)
        {
            var name = field.Length == 0 || field.StartsWith(nameof(Members), StringComparison.Ordinal) ? field : $"{nameof(Input)}.{field}";
            if (ModelState[name]?.Errors.Count is null or 0)
            {
                ModelState.AddModelError(name, texts[key]);
            }
        }
    }

    private PageResult FormPage()
    {
        while (Members.Count < InitialRows)
        {
            Members.Add(new MemberRow());
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid head, CancellationToken cancellationToken)
    {
        var person = await persons.GetAsync(head, cancellationToken);
        Head = person!;
        return person is not null;
    }

    /// <summary>One member to add: left empty, the row is ignored.</summary>
    public sealed class MemberRow
    {
        [Display(Name = "Household.MemberIdNumber")]
        public string? IdNumber { get; set; }

        [Display(Name = "Household.Relationship")]
        public Relationship? Relationship { get; set; }
    }
}
