using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Seeker.Postings;

/// <summary>A published posting for a seeker: save it, or apply once.</summary>
[Authorize(Policy = Capabilities.SeekJobs)]
public sealed class DetailModel(SeekerService seekers, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public SeekerPostingView Posting { get; private set; } = null!;

    /// <summary>Consent, given with the notice beside the box, to the employer seeing the seeker's hardship category.</summary>
    [BindProperty]
    public bool SharesHardship { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => seekers.ApplyAsync(id, SharesHardship, cancellationToken), "Seeker.Applied", new { id }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostSaveAsync(Guid id, bool save, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => seekers.SaveAsync(id, save, cancellationToken), save ? "Seeker.SavedMessage" : "Seeker.UnsavedMessage", new { id }, () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var posting = await seekers.GetPostingAsync(id, cancellationToken);
        if (posting is null)
        {
            return false;
        }

        Posting = posting;
        return true;
    }
}
