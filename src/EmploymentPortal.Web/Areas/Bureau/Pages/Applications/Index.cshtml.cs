using System.Globalization;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Applications;

/// <summary>
/// The officials' approval queue: applications of their area waiting for a step they act on,
/// filtered by scheme, region and days waiting, oldest first; bulk approval after a confirmation
/// step, with one result per application.
/// </summary>
[Authorize(Policy = Capabilities.ApproveSubsidies)]
public sealed class IndexModel(SubsidyApplications applications, PersonRegistry registry, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scheme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinDays { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Selected rows as "id:version".</summary>
    [BindProperty]
    public List<string> Selected { get; set; } = [];

    public PagedResult<ApplicationRow> Result { get; private set; } = null!;

    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];

    /// <summary>The rows to confirm, between "approve selected" and "confirm".</summary>
    public IReadOnlyList<ApplicationRow> ToConfirm { get; private set; } = [];

    public IReadOnlyList<BulkItemResult> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>First post: show what will be approved and ask for confirmation.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var chosen = Parse(Selected).Select(s => s.Id).ToHashSet();
        // A flagged row (⚑) is never approved in bulk, even when its id is posted by hand.
        ToConfirm = Result.Items.Where(r => chosen.Contains(r.Id) && r.MayBulkApprove).ToList();
        if (ToConfirm.Count == 0)
        {
            ModelState.AddModelError(string.Empty, texts["Application.NothingSelected"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Second post: approve each, reporting per item.</summary>
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        Results = await applications.ApproveManyAsync(Parse(Selected), cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("Index", new { Scheme, Region, MinDays, p = page })!;

    private static List<(Guid Id, uint Version)> Parse(IEnumerable<string> selected) =>
        selected.Select(s => s.Split(':'))
            .Where(p => p.Length == 2 && Guid.TryParse(p[0], out _) && uint.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(p => (Guid.Parse(p[0]), uint.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Regions = await registry.RegionsInScopeAsync(cancellationToken);
        Result = await applications.ListAsync(new ApplicationQuery(ApplicationStatus.InReview, Scheme, Region, MinDays, ActionableOnly: true, Page: Math.Max(1, PageNumber)), cancellationToken);
    }
}
