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

/// <summary>Cancels (注销) a record registered in error: the page says what will happen (or why it cannot), the post does it.</summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class CancelModel(PersonCorrections corrections, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public CancelPreview Preview { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Correction.Reason")]
    [Required(ErrorMessage = "Correction.ReasonRequired")]
    [StringLength(Person.CancelReasonMaxLength, ErrorMessage = "Correction.ReasonRequired")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var name = Preview.Person.Name;
        return await CommandAsync(texts, () => corrections.CancelAsync(id, Reason!, cancellationToken), () => texts["Cancel.DoneMessage", name].Value, new { id }, () => LoadAsync(id, cancellationToken), "History");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var preview = await corrections.PreviewCancelAsync(id, cancellationToken);
        if (preview is null)
        {
            return false;
        }

        Preview = preview;
        return true;
    }
}
