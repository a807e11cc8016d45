using System.Globalization;
using System.Security.Claims;
using EmploymentPortal.Core.Regions;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// What a staff home page shows: the member's unit, the regions below it, and the "may qualify"
/// panel of their area (<paramref name="Area"/> is where the lists live: Station or Bureau).
/// </summary>
public sealed record StaffHome(OrgUnitSummary Unit, RegionDetail Region, CandidatePanel Candidates, string Area, bool CanReEvaluate)
{
    public static async Task<StaffHome?> LoadAsync(OrgDirectory directory, EligibilityCandidates candidates, ClaimsPrincipal user, string area, bool canReEvaluate, CancellationToken cancellationToken)
    {
        if (!int.TryParse(user.FindFirstValue(PortalClaims.UnitId), NumberStyles.None, CultureInfo.InvariantCulture, out var unitId))
        {
            return null;
        }

        return await directory.HomeAsync(unitId, cancellationToken) is { } home
            ? new StaffHome(home.Unit, home.Region, await candidates.PanelAsync(cancellationToken), area, canReEvaluate)
            : null;
    }
}

/// <summary>The home pages of station staff and bureau officials: the member's unit, the area below it, who may qualify.</summary>
public abstract class StaffHomePageModel(OrgDirectory directory, EligibilityCandidates candidates) : PageModel
{
    public StaffHome? Home { get; private set; }

    /// <summary>The area whose candidate list the panel links to.</summary>
    protected abstract string Area { get; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Home = await StaffHome.LoadAsync(directory, candidates, User, Area, await CanReEvaluateAsync(), cancellationToken);
        if (Home is not null)
        {
            await LoadMoreAsync(Home, cancellationToken);
        }
    }

    /// <summary>What a home page adds for its area (the station workbench: today's to-do counts).</summary>
    protected virtual Task LoadMoreAsync(StaffHome home, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether the page offers "evaluate my area now".</summary>
    protected virtual Task<bool> CanReEvaluateAsync() => Task.FromResult(false);
}

/// <summary>Names for the batch's schemes and facts in the page's language.</summary>
public static class CandidateTexts
{
    public static string SchemeName(string code, Microsoft.Extensions.Localization.IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var chinese = JsonTexts.UiIsChinese;
        return Domain.Subsidies.SchemeCatalog.Find(code)?.Name(chinese)
            ?? (Domain.Eligibility.EligibilityRules.HardshipCategories.Any(c => c.Code == code) ? texts["Category." + code].Value : code);
    }
}
