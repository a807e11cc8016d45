using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Regions;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Employer;

/// <summary>An employer account's home: register the employer (then wait for verification), see its postings.</summary>
[Authorize(Policy = Capabilities.ActForOwnEmployer)]
public sealed class IndexModel(JobBoard board, ServicePoints servicePoints, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public EmployerForm Input { get; set; } = new();

    public EmployerView? Mine { get; private set; }

    public PagedResult<PostingView>? Postings { get; private set; }

    public IReadOnlyList<CommunityChoice> Communities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (result, _) = await board.RegisterMineAsync(Input.ToInput(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["Employer.Registered"].Value;
                return RedirectToPage();
            }

            AddErrors(result, texts);
        }

        await LoadAsync(cancellationToken);
        return InvalidPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Mine = await board.MineAsync(cancellationToken);
        if (Mine is null)
        {
            Communities = await servicePoints.CommunitiesAsync(cancellationToken);
        }
        else
        {
            Postings = await board.PostingsAsync(null, null, 1, cancellationToken);
        }
    }
}
