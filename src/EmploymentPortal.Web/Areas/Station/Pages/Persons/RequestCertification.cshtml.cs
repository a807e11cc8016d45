using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>
/// Asks the county to certify a person in one hardship category: the page shows today's check
/// and what a request sets going, asks why when the check does not say "eligible", and the post
/// sends the request.
/// </summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class RequestCertificationModel(
    PersonRegistry registry,
    EligibilityService eligibility,
    CertificationService certifications,
    BusinessClock clock,
    IStringLocalizer<Texts> texts) : PortalPageModel
{
    public PersonView Person { get; private set; } = null!;

    public EligibilityResult Check { get; private set; } = null!;

    public bool Eligible => Check.Decision == Decision.Eligible;

    /// <summary>Why certification is requested although today's check does not say "eligible" (required then; the service refuses without it).</summary>
    [BindProperty]
    [Display(Name = "Certification.OverrideReason")]
    [StringLength(HardshipCertification.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.MultilineText)]
    public string? OverrideReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string category, CancellationToken cancellationToken) =>
        await LoadAsync(id, category, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string category, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, category, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var result = await certifications.RequestAsync(id, category, OverrideReason, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts, prefix: string.Empty);
            return InvalidPage();
        }

        TempData["Message"] = texts["Certification.RequestedMessage", Person.Details.Name, texts["Category." + category].Value].Value;
        return RedirectToPage("Detail", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, string category, CancellationToken cancellationToken)
    {
        if (!EligibilityRules.HardshipCategories.Any(c => c.Code == category) || await registry.GetAsync(id, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        Check = (await eligibility.EvaluatePersonAsync(id, category, clock.Today, cancellationToken))!;
        return true;
    }
}
