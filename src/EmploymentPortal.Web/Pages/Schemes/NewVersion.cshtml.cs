using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Schemes;

/// <summary>City officials and admins add a version of a scheme's numbers, starting on a date after its history.</summary>
[Authorize(Policy = Capabilities.EditPolicyNumbers)]
public sealed class NewVersionModel(SchemeParameters parameters, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public SchemeDefinition Scheme { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Scheme.EffectiveFrom")]
    public DateOnly? EffectiveFrom { get; set; }

    [BindProperty]
    [Display(Name = "Scheme.Source")]
    [Required(ErrorMessage = "Scheme.SourceRequired")]
    [StringLength(Domain.Policies.PolicyParameter.SourceMaxLength, ErrorMessage = "Validation.TooLong")]
    public string Source { get; set; } = string.Empty;

    /// <summary>Parameter name → value; prefilled with the values in force.</summary>
    [BindProperty]
    public Dictionary<string, decimal?> Values { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!Load(code))
        {
            return NotFound();
        }

        var history = await parameters.HistoryAsync(code, cancellationToken);
        var latest = history is { Count: > 0 } ? history[0] : null;
        Values = Scheme.Parameters.ToDictionary(p => p.Name, p => latest?.InForce.TryGetValue(p.Name, out var v) == true ? (decimal?)v : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!Load(code))
        {
            return NotFound();
        }

        if (EffectiveFrom is null)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), texts["Validation.Required"]);
        }

        if (ModelState.IsValid)
        {
            var result = await parameters.AddVersionAsync(code, EffectiveFrom!.Value, Source, Values, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Scheme.VersionAdded"].Value;
                return Redirect($"/Schemes/{Scheme.Code}");
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        return InvalidPage();
    }

    private bool Load(string code)
    {
        var scheme = SchemeCatalog.Find(code);
        Scheme = scheme!;
        return scheme is not null;
    }
}
