using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Transfers;

/// <summary>
/// The receiving station asks the holding unit to release a resident who moved here. Reached from
/// the registration page's "held elsewhere" message with the number already filled in (posted,
/// never in the URL).
/// </summary>
[Authorize(Policy = Capabilities.TransferPersons)]
public sealed class RequestModel(TransferService transfers, PersonRegistry persons, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> RegionOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Pre-fills the form from the registration page; writes nothing.</summary>
    public async Task<IActionResult> OnPostStartAsync(string? idNumber, int? regionId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Input = new RequestForm { IdNumber = idNumber ?? string.Empty, RegionId = regionId };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.RegionId is null)
        {
            ModelState.AddModelError("Input.RegionId", texts["Validation.Required"]);
        }

        if (ModelState.IsValid)
        {
            var (result, _) = await transfers.RequestAsync(Input.IdNumber, Input.RegionId!.Value, Input.Reason, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Transfer.Requested.Done"].Value;
                return RedirectToPage("Index");
            }

            AddErrors(result, texts);
        }

        await LoadAsync(cancellationToken);
        return InvalidPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var regions = await persons.RegionsInScopeAsync(cancellationToken);
        RegionOptions = regions.Select(r => new SelectListItem(r.Name, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Input.RegionId ??= regions.Count == 1 ? regions[0].Id : null;
    }

    public sealed class RequestForm
    {
        [Display(Name = "Person.IdNumber")]
        [Required(ErrorMessage = "IdNumber.Empty")]
        public string IdNumber { get; set; } = string.Empty;

        [Display(Name = "Transfer.To")]
        public int? RegionId { get; set; }

        [Display(Name = "Transfer.Reason")]
        [Required(ErrorMessage = "Transfer.ReasonRequired")]
        [StringLength(Domain.Persons.TransferRequest.NoteMaxLength, ErrorMessage = "Validation.TooLong")]
        public string Reason { get; set; } = string.Empty;
    }
}
