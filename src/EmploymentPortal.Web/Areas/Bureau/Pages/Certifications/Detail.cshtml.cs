using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Certifications;

/// <summary>An official approves or rejects (with a reason) a certification request, seeing the check made at request time.</summary>
[Authorize(Policy = Capabilities.DecideCertifications)]
public sealed class DetailModel(CertificationService certifications, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public CertificationItem Item { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Certification.Reason")]
    [StringLength(HardshipCertification.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Reason { get; set; }

    /// <summary>Set by the confirmation step: certifying is a decision that pays, so it is confirmed first.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The decision awaiting its confirmation (the page shows what it means), or null.</summary>
    public bool? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) => ConfirmThenDecideAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) => ConfirmThenDecideAsync(id, false, cancellationToken);

    /// <summary>Either decision is confirmed first: the first post shows what it will do (a rejection needs its reason before that), the confirmed post decides.</summary>
    private async Task<IActionResult> ConfirmThenDecideAsync(Guid id, bool approve, CancellationToken cancellationToken)
    {
        if (Confirmed)
        {
            return await DecideAsync(id, approve, cancellationToken);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!approve && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), texts["Certification.ReasonRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        Confirming = approve;
        return Page();
    }

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await certifications.DecideAsync(id, approve, Reason, cancellationToken);
            if (result.Succeeded)
            {
                var category = texts["Category." + Item.Category].Value;
                TempData["Message"] = approve
                    ? texts["Certification.ApprovedMessage", Item.PersonName, category].Value
                    : texts["Certification.RejectedMessage", Item.PersonName, category, Reason?.Trim() ?? string.Empty].Value;
                return RedirectToPage("Index");
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        return InvalidPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await certifications.GetAsync(id, cancellationToken);
        Item = item!;
        return item is not null;
    }
}
