using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Households;

/// <summary>The household ledger: filtered by zero-employment status, street and community.</summary>
[Authorize(Policy = Capabilities.ManageHouseholds)]
public sealed class IndexModel(HouseholdRegistry households, PersonRegistry persons) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public ZeroEmploymentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<HouseholdListItem> Result { get; private set; } = null!;

    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];

    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, p => Url.Page("Index", new { Status, Region, p })!);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await persons.RegionsInScopeAsync(cancellationToken);
        Result = await households.ListAsync(new HouseholdListQuery(Status, Region, Math.Max(1, PageNumber), PageSize), cancellationToken);
    }
}
