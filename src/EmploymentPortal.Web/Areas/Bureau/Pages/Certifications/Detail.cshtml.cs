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

    /// <summary>The approval awaits its confirmation (the page shows what certifying means).</summary>
    public bool Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Confirmed)
        {
            return await DecideAsync(id, true, cancellationToken);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Confirming = ModelState.IsValid;
        return ModelState.IsValid ? Page() : InvalidPage();
    }

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, false, cancellationToken);

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
                TempData["Message"] = texts[approve ? "Certification.Approved" : "Certification.Rejected"].Value;
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
