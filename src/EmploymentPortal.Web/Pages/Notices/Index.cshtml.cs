using EmploymentPortal.Core.Subsidies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Notices;

/// <summary>Public notices 公示 of approved subsidies: running ones and those of the last 90 days.</summary>
[AllowAnonymous]
public sealed class IndexModel(Core.Subsidies.Notices notices) : PageModel
{
    public IReadOnlyList<PublicNoticeSummary> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Notices = await notices.PublicListAsync(cancellationToken);
}
