using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Regions;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Employers;

/// <summary>Staff: the employers of their area (waiting for verification first), and entering one for an employer.</summary>
[Authorize(Policy = Capabilities.ViewEmployers)]
public sealed class IndexModel(JobBoard board, ServicePoints servicePoints, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public EmployerStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public EmployerForm Input { get; set; } = new();

    public PagedResult<EmployerView> Result { get; private set; } = null!;

    public IReadOnlyList<CommunityChoice> Communities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (result, id) = await board.EnterEmployerAsync(Input.ToInput(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Employer.EnteredMessage", Input.Name?.Trim() ?? string.Empty].Value;
                return RedirectToPage("Detail", new { id });
            }

            AddErrors(result, texts);
        }

        await LoadAsync(cancellationToken);
        return InvalidPage();
    }

    public string PageUrl(int page) => Url.Page("Index", new { Status, p = page })!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Result = await board.EmployersAsync(Status, PageNumber, cancellationToken);
        Communities = await servicePoints.CommunitiesAsync(cancellationToken);
    }
}
