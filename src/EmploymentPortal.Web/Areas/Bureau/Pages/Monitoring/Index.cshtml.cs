using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Layoffs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Monitoring;

/// <summary>The area's monitoring points against 004 §一's guide; county officials designate more.</summary>
[Authorize(Policy = Capabilities.OverseeMonitoring)]
public sealed class IndexModel(Core.Layoffs.Monitoring monitoring, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    [Display(Name = "Monitoring.Region")]
    public int? RegionId { get; set; }

    public MonitoringOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await monitoring.OverviewAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RegionId is null)
        {
            ModelState.AddModelError(nameof(RegionId), texts["Monitoring.RegionRequired"]);
        }

        return await CommandAsync(texts, () => monitoring.DesignateAsync(RegionId!.Value, cancellationToken), "Monitoring.Designated", new { }, async () =>
        {
            Overview = await monitoring.OverviewAsync(cancellationToken);
            return true;
        });
    }
}
