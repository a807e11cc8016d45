using EmploymentPortal.Core.Regions;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Policies;

/// <summary>
/// The anonymous self-check: a few answers (no ID number, no name) evaluated by the eligibility
/// rules on today's date, with the station to visit. Posted (with antiforgery) so the answers stay
/// out of URLs, browser history and logs; nothing is stored and nothing about the answers is logged.
/// </summary>
[AllowAnonymous]
public sealed class CheckModel(EligibilityService eligibility, ServicePoints servicePoints, BusinessClock clock, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public SelfCheckAnswers Answers { get; set; } = new();

    public IReadOnlyList<CommunityChoice> Communities { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The answer, after a valid post.</summary>
    public IReadOnlyList<SelfCheckLine>? Lines { get; private set; }

    public ServicePoint? Visit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Communities = await servicePoints.CommunitiesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Communities = await servicePoints.CommunitiesAsync(cancellationToken);
        Today = clock.Today;
        foreach (var (field, key) in Answers.AgeErrors(Today))
        {
            // One message per field: a value that did not bind ("abc") already says so.
            var name = $"{nameof(Answers)}.{field}";
            if (ModelState[name]?.Errors.Count is null or 0)
            {
                ModelState.AddModelError(name, texts[key, SelfCheckAnswers.MaxAge]);
            }
        }

        if (Answers.CommunityId is { } communityId)
        {
            Visit = await servicePoints.ForCommunityAsync(communityId, cancellationToken);
            if (Visit is null)
            {
                ModelState.AddModelError($"{nameof(Answers)}.{nameof(Answers.CommunityId)}", texts["Policies.Check.CommunityRequired"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        // The parameter versions are loaded once per request (PolicyParameterStore), not once per rule.
        // With only a birth year and month, the oldest (the 1st) and the youngest (the month's last
        // day) the person can be are both evaluated: where they differ, the birth day decides.
        var facts = Answers.ToFacts(Today);
        var youngest = Answers.LatestBirthDate(Today) is { } latest ? facts with { BirthDate = latest } : null;
        var lines = new List<SelfCheckLine>();
        foreach (var code in SelfCheckLine.Codes)
        {
            var result = await eligibility.EvaluateAsync(facts, code, cancellationToken);
            var other = youngest is null ? result : await eligibility.EvaluateAsync(youngest, code, cancellationToken);
            lines.Add(result.Decision == other.Decision
                ? SelfCheckLine.For(result)
                : SelfCheckLine.For(result.Decision == Decision.NotEligible ? other : result) with { DependsOnBirthDay = true });
        }

        Lines = lines;
        return Page();
    }
}
