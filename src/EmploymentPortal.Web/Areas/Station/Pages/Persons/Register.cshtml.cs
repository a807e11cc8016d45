using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>Registers a resident in the ledger; birth date, sex and age come from the ID number.</summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class RegisterModel(PersonRegistry registry, IStringLocalizer<Texts> texts, BusinessClock clock) : PortalPageModel
{
    [BindProperty]
    [Display(Name = "Person.IdNumber")]
    [Required(ErrorMessage = "IdNumber.Empty")]
    public string IdNumber { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Person.Region")]
    [Required(ErrorMessage = "Person.RegionRequired")]
    public int? RegionId { get; set; }

    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> RegionOptions { get; private set; } = [];

    public Guid? ExistingPersonId { get; private set; }

    /// <summary>The number is registered in another area: only that is told, with the way to request a transfer in.</summary>
    public bool RegisteredElsewhere { get; private set; }


    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadRegionsAsync(cancellationToken);
        RegionId = DefaultRegion();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadRegionsAsync(cancellationToken);

        // Checked here too, so a wrong number is reported together with the other fields' errors.
        var problem = ResidentIdNumber.TryParse(IdNumber, clock.Today, out _);
        if (problem is not (IdNumberProblem.None or IdNumberProblem.Empty))
        {
            ModelState.AddModelError(nameof(IdNumber), texts["IdNumber." + problem]);
        }

        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var result = await registry.RegisterAsync(new RegisterPersonInput(IdNumber, RegionId!.Value, Input.ToDetails()), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, key) in result.Errors)
            {
                ModelState.AddModelError(field, texts[key]);
            }

            ExistingPersonId = result.ExistingPersonId;
            RegisteredElsewhere = result.RegisteredElsewhere;
            return InvalidPage();
        }

        TempData["Message"] = texts["Person.Registered", Input.Name].Value;
        return RedirectToPage("Detail", new { id = result.PersonId });
    }

    private IReadOnlyList<RegionOption> _regions = [];

    private async Task LoadRegionsAsync(CancellationToken cancellationToken)
    {
        _regions = await registry.RegionsInScopeAsync(cancellationToken);
        RegionOptions = _regions.Select(r => new SelectListItem($"{r.Name} ({r.Code})", r.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>The staff member's own community when they have one, else no preselection.</summary>
    private int? DefaultRegion()
    {
        var own = User.FindFirst(Core.Scoping.PortalClaims.RegionCode)?.Value;
        return _regions.FirstOrDefault(r => r.Code == own)?.Id;
    }
}
