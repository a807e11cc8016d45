using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>
/// A person's page: derived facts, unemployment registration, follow-ups and one timeline.
/// Another area's person is not found (404): the registry reads through the scope filter.
/// </summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class DetailModel(
    PersonRegistry registry,
    PersonReveals reveals,
    PersonCorrections corrections,
    EligibilityService eligibility,
    CertificationService certifications,
    BusinessClock clock,
    IStringLocalizer<Texts> texts) : PortalPageModel, IRevealReasonForm
{
    public PersonView Person { get; private set; } = null!;

    /// <summary>The check of each hardship category (4050, zero-employment household member, ...) on <see cref="CheckOn"/>, criterion by criterion.</summary>
    public IReadOnlyList<EligibilityResult> HardshipChecks { get; private set; } = [];

    /// <summary>The application date the checks are shown for (<c>?on=yyyy-MM-dd</c>; default today). A request is always made today.</summary>
    [BindProperty(SupportsGet = true, Name = "on")]
    public DateOnly? On { get; set; }

    public DateOnly CheckOn { get; private set; }

    public DateOnly Today => clock.Today;

    /// <summary>The newest certification request or decision in each category.</summary>
    public IReadOnlyList<CertificationItem> Certifications { get; private set; } = [];

    /// <summary>Set only in the response to the audited reveal action.</summary>
    public string? RevealedIdNumber { get; private set; }

    /// <summary>Why the full ID number is needed (required; kept in the audit row).</summary>
    [BindProperty(Name = RevealOutcome.ReasonField)]
    [Display(Name = "Reveal.Reason")]
    public string? RevealReason { get; set; }

    [BindProperty]
    public RegistrationForm Registration { get; set; } = new();

    [BindProperty]
    public FollowUpForm FollowUp { get; set; } = new();


    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken))
        {
            return Page();
        }

        // A cancelled record of the area is read through its history.
        return await corrections.CancelledAsync(id, cancellationToken) is null ? NotFound() : Redirect($"/Station/Persons/{id}/History");
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await reveals.RevealIdNumberAsync(id, RevealReason, cancellationToken);
        if (result.Refusal == RevealRefusal.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (RevealOutcome.Refusal(result, Response, ModelState, texts) is { } refused)
        {
            return refused;
        }

        RevealedIdNumber = result.Value;
        return Page();
    }

    public Task<IActionResult> OnPostOpenRegistrationAsync(Guid id, CancellationToken cancellationToken) =>
        RunFormAsync("Registration", texts, () => registry.OpenRegistrationAsync(id, Registration.RegisteredOn!.Value, cancellationToken), () => LoadAsync(id, cancellationToken), new { id }, async () => texts["Unemployment.OpenedMessage", await registry.NameAsync(id, cancellationToken), Registration.RegisteredOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value, nameof(RegistrationForm.RegisteredOn));

    public Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken cancellationToken) =>
        RunFormAsync("FollowUp", texts, () => registry.AddFollowUpAsync(id, FollowUp.Kind, FollowUp.OccurredOn!.Value, FollowUp.Notes, cancellationToken), () => LoadAsync(id, cancellationToken), new { id }, async () => texts["FollowUp.RecordedMessage", await registry.NameAsync(id, cancellationToken), texts["FollowUpKind." + FollowUp.Kind].Value, FollowUp.OccurredOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value, nameof(FollowUpForm.Notes));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await registry.GetAsync(id, cancellationToken);
        if (person is null)
        {
            return false;
        }

        Person = person;
        Certifications = await certifications.LatestForPersonAsync(id, cancellationToken);
        CheckOn = On ?? clock.Today;
        var checks = new List<EligibilityResult>();
        foreach (var category in EligibilityRules.HardshipCategories)
        {
            checks.Add((await eligibility.EvaluatePersonAsync(id, category.Code, CheckOn, cancellationToken))!);
        }

        HardshipChecks = checks;
        return true;
    }

    public sealed class RegistrationForm
    {
        [Display(Name = "Unemployment.RegisteredOn")]
        public DateOnly? RegisteredOn { get; set; }
    }

    public sealed class FollowUpForm
    {
        [Display(Name = "FollowUp.Kind")]
        public FollowUpKind Kind { get; set; } = FollowUpKind.HomeVisit;

        [Display(Name = "FollowUp.OccurredOn")]
        [Required(ErrorMessage = "FollowUp.DateRequired")]
        public DateOnly? OccurredOn { get; set; }

        [Display(Name = "FollowUp.Notes")]
        [Required(ErrorMessage = "FollowUp.NotesRequired")]
        [StringLength(Domain.Persons.FollowUp.NotesMaxLength, ErrorMessage = "Validation.TooLong")]
        public string Notes { get; set; } = string.Empty;
    }
}
