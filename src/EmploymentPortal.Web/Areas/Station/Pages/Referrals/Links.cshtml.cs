using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Referrals;

/// <summary>Seekers' link requests naming a community of the area: confirm (ID number and phone must match a person here) or reject.</summary>
[Authorize(Policy = Capabilities.MatchJobs)]
public sealed class LinksModel(SeekerService seekers, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public IReadOnlyList<PendingLinkRow> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid linkId, bool confirm, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => seekers.DecideLinkAsync(linkId, confirm, cancellationToken), confirm ? "Seeker.LinkConfirmedMessage" : "Seeker.LinkRefusedMessage", new { }, () => LoadAsync(cancellationToken));

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Pending = await seekers.PendingLinksAsync(cancellationToken);
        return true;
    }
}
