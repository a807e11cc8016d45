using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Applications;

/// <summary>The applications of the station's or street's area: what waits for me, or all, by scheme and status.</summary>
[Authorize(Policy = Capabilities.PrepareSubsidies)]
public sealed class IndexModel(SubsidyApplications applications) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scheme { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    /// <summary>Only those whose current step I act on (the default view).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; } = true;

    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<ApplicationRow> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await applications.ListAsync(new ApplicationQuery(Status, Scheme, null, null, Mine && PersonId is null, PersonId, PageNumber), cancellationToken);

    public string PageUrl(int page) =>
        Url.Page("Index", new { Scheme, Status, Mine, PersonId, p = page })!;
}
