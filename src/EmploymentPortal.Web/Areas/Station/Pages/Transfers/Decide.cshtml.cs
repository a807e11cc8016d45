using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Transfers;

/// <summary>The holding station or street office releases a resident to the requesting community, or refuses with a reason.</summary>
[Authorize(Policy = Capabilities.TransferPersons)]
public sealed class DecideModel(TransferService transfers, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public TransferItem Transfer { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Transfer.Note")]
    [StringLength(Domain.Persons.TransferRequest.NoteMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, bool release, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await transfers.DecideAsync(id, release, Note, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts[release ? "Transfer.Released" : "Transfer.Refused"].Value;
                return RedirectToPage("Index");
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        return InvalidPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var transfer = await transfers.GetAsync(id, cancellationToken);
        if (transfer is null || !transfer.CanDecide)
        {
            return false;
        }

        Transfer = transfer;
        return true;
    }
}
