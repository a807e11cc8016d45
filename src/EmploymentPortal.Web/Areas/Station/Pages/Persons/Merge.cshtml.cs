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
/// Merges a duplicate into the record that stays: without <c>into</c>, the records of the area
/// with the same name to choose from; with it, what the merge will do (or why it cannot) and the
/// form that does it.
/// </summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class MergeModel(PersonCorrections corrections, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public Guid Id { get; private set; }

    public IReadOnlyList<PersonSummary> Candidates { get; private set; } = [];

    public MergePreview? Preview { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Into { get; set; }

    [BindProperty]
    [Display(Name = "Correction.Reason")]
    [Required(ErrorMessage = "Correction.ReasonRequired")]
    [StringLength(Person.CancelReasonMaxLength, ErrorMessage = "Correction.ReasonRequired")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        Into is { } into
            ? await CommandAsync(texts, () => corrections.MergeAsync(id, into, Reason!, cancellationToken), "Merge.Done", new { id = into }, () => LoadAsync(id, cancellationToken), "Detail")
            : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (Into is { } into)
        {
            Preview = await corrections.PreviewMergeAsync(id, into, cancellationToken);
            return Preview is not null;
        }

        var candidates = await corrections.MergeCandidatesAsync(id, cancellationToken);
        Candidates = candidates ?? [];
        return candidates is not null;
    }
}
