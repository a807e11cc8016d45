using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Matching;

/// <summary>Published postings ranked for a person of the area, each with its reasons; refer or send one from here.</summary>
[Authorize(Policy = Capabilities.MatchJobs)]
public sealed class PersonModel(StaffJobServices jobs, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public const int Top = 20;

    public PersonForMatching Person { get; private set; } = null!;

    public IReadOnlyList<MatchedPosting> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostReferAsync(Guid id, Guid postingId, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => jobs.ReferAsync(id, postingId, cancellationToken), "Referral.Created", new { id }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostPushAsync(Guid id, Guid postingId, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => jobs.PushAsync(id, postingId, cancellationToken), "Push.Sent", new { id }, () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await jobs.PersonAsync(id, cancellationToken);
        var matches = await jobs.MatchPostingsAsync(id, Top, cancellationToken);
        if (person is null || matches is null)
        {
            return false;
        }

        (Person, Matches) = (person, matches);
        return true;
    }
}
