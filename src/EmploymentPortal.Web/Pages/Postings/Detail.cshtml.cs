using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Postings;

/// <summary>One posting its employer or staff manage: submit for review, review (street and county staff), close or mark filled.</summary>
[Authorize(Policy = Capabilities.ManagePostings)]
public sealed class DetailModel(JobBoard board, CapabilityCheck can, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public PostingView View { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Posting.ReviewNote")]
    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }

    /// <summary>The posting's version when the page was read: an action after another change is refused.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public bool MayReview { get; private set; }

    /// <summary>Station staff find the people of their area who fit a published posting.</summary>
    public bool MayMatch { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => board.SubmitPostingAsync(id, Version, cancellationToken), "Posting.Submitted", new { id }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => board.ReviewPostingAsync(id, Version, true, Note, cancellationToken), "Posting.PublishedMessage", new { id }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => board.ReviewPostingAsync(id, Version, false, Note, cancellationToken), "Posting.ReturnedMessage", new { id }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => board.EndPostingAsync(id, Version, false, cancellationToken), "Posting.ClosedMessage", new { id }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostFilledAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => board.EndPostingAsync(id, Version, true, cancellationToken), "Posting.FilledMessage", new { id }, () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await board.PostingAsync(id, cancellationToken);
        View = view!;

        // The page shows the posting as it is now, so its actions carry this version (also after a refusal).
        Version = view?.Posting.Version ?? 0;
        MayReview = await can.Async(Capabilities.ReviewPostings);
        MayMatch = await can.Async(Capabilities.MatchJobs);
        return view is not null;
    }
}
