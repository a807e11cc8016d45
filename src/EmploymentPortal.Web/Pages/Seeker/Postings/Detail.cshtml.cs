using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Pages.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Seeker.Postings;

/// <summary>A published posting for a seeker, in full with its contact as the public page shows it: save it, or apply once.</summary>
[Authorize(Policy = Capabilities.SeekJobs)]
public sealed class DetailModel(SeekerService seekers, JobSearch search, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public SeekerPostingView Posting { get; private set; } = null!;

    /// <summary>The posting as the public page shows it (null once it is no longer public: past its end date, or its employer no longer verified).</summary>
    public PublicPosting? Full { get; private set; }

    /// <summary>The search the seeker came from (a validated /Jobs address), or null: the back link then leads to 为我推荐.</summary>
    public string? Back { get; private set; }

    /// <summary>Consent, given with the notice beside the box, to the employer seeing the seeker's hardship category.</summary>
    [BindProperty]
    public bool SharesHardship { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? returnUrl, CancellationToken cancellationToken) =>
        await LoadAsync(id, returnUrl, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApplyAsync(Guid id, string? returnUrl, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => seekers.ApplyAsync(id, SharesHardship, cancellationToken), "Seeker.Applied", new { id, returnUrl = SearchParameters.BackUrl(returnUrl) }, () => LoadAsync(id, returnUrl, cancellationToken));

    public Task<IActionResult> OnPostSaveAsync(Guid id, bool save, string? returnUrl, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => seekers.SaveAsync(id, save, cancellationToken), save ? "Seeker.SavedMessage" : "Seeker.UnsavedMessage", new { id, returnUrl = SearchParameters.BackUrl(returnUrl) }, () => LoadAsync(id, returnUrl, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, string? returnUrl, CancellationToken cancellationToken)
    {
        Back = SearchParameters.BackUrl(returnUrl);
        Full = await search.GetPublishedAsync(id, cancellationToken);
        var posting = await seekers.GetPostingAsync(id, cancellationToken);
        if (posting is null)
        {
            return false;
        }

        Posting = posting;
        return true;
    }
}
