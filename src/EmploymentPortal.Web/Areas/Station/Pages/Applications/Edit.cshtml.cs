using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Applications;

/// <summary>
/// Prepares a subsidy application for a person (new) or corrects a returned one: the facts the
/// scheme's rule reads, a check of them on demand, and submission (an override reason when the
/// check does not say "eligible").
/// </summary>
[Authorize(Policy = Capabilities.PrepareSubsidies)]
public sealed class EditModel(SubsidyApplications applications, IDataProtectionProvider protection, ICurrentActor actor, IStringLocalizer<Texts> texts) : PortalPageModel
{
    /// <summary>
    /// The id the server made for the new application, sealed (<see cref="NewRecordIds"/>), so a
    /// double-clicked submit inserts once; the client cannot choose it.
    /// </summary>
    [BindProperty]
    public string? RequestToken { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Application.Scheme")]
    public string? Scheme { get; set; }

    [BindProperty]
    [Display(Name = "Application.Applicant")]
    [StringLength(SubsidyApplication.ApplicantNameMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? ApplicantName { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Facts { get; set; } = [];

    [BindProperty]
    [Display(Name = "Application.OverrideReason")]
    [StringLength(SubsidyApplication.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? OverrideReason { get; set; }

    /// <summary>Set when correcting a returned application.</summary>
    public Guid? Id { get; private set; }

    public ApplicationPreview? Preview { get; private set; }

    /// <summary>The chosen scheme, when it has a rule (a scheme without one cannot be applied for).</summary>
    public SchemeDefinition? Definition => SchemeCatalog.Find(Scheme) is { } d && EligibilityRules.Implemented.Contains(d.Code) ? d : null;

    public IReadOnlyList<SchemeDefinition> Schemes { get; } =
        SchemeCatalog.All.Where(s => EligibilityRules.Implemented.Contains(s.Code)).ToList();

    public IReadOnlyList<FactField> Fields => Definition is { } d ? ApplicationFacts.For(d.Code) : [];

    public string? ReturnReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        RequestToken = NewRecordIds.Issue(protection, actor.UserId);
        if (id is { } existing)
        {
            if (await applications.GetAsync(existing, cancellationToken) is not { MayResubmit: true } detail)
            {
                return NotFound();
            }

            var a = detail.Application;
            Id = existing;
            PersonId = a.PersonId;
            Scheme = a.SchemeCode;
            ApplicantName = a.ApplicantName;
            Facts = a.Facts.ToDictionary(f => f.Key, f => (string?)f.Value);
            OverrideReason = a.OverrideReason;
            ReturnReason = a.Actions.Where(x => x.Action == StepAction.Returned).MaxBy(x => x.At)?.Reason;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Checks the typed facts without submitting.</summary>
    public async Task<IActionResult> OnPostCheckAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // A value that is not one (a negative amount, a contract ending before it starts) is an error
        // next to its field, not a fact the check quietly treats as missing.
        foreach (var name in Preview!.InvalidFacts)
        {
            ModelState.AddModelError($"Facts[{name}]", texts["Application.InvalidFact"]);
        }

        return Preview.InvalidFacts.Count == 0 ? Page() : InvalidPage();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            // A token that does not open is ignored: the server makes a fresh id.
            var newId = NewRecordIds.Read(protection, actor.UserId, RequestToken) ?? Guid.CreateVersion7();
            var input = new ApplicationInput(newId, PersonId, Scheme ?? string.Empty, ApplicantName, Facts, OverrideReason);
            var result = id is { } existing
                ? await applications.ResubmitAsync(existing, input, cancellationToken)
                : await applications.SubmitAsync(input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts[id is null ? "Application.Submitted" : "Application.Resubmitted"].Value;
                return Redirect($"~/Applications/{id ?? newId}");
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        return await LoadAsync(cancellationToken) ? InvalidPage() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (NewRecordIds.Read(protection, actor.UserId, RequestToken) is null)
        {
            RequestToken = NewRecordIds.Issue(protection, actor.UserId);
        }

        // Without a scheme the page offers the list; the person must still be in the area.
        Scheme = Definition?.Code;
        Preview = await applications.PreviewAsync(PersonId, Scheme, Facts, cancellationToken);
        return Preview is not null;
    }
}
