using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Regions;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Postings;

/// <summary>A new posting for an employer (the employer's own, or one staff manage), or edits of a draft.</summary>
[Authorize(Policy = Capabilities.ManagePostings)]
public sealed class EditModel(JobBoard board, ServicePoints servicePoints, IStringLocalizer<Texts> texts, BusinessClock clock) : PortalPageModel
{
    [BindProperty]
    public PostingForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? EmployerId { get; set; }

    /// <summary>The posting's version when the form was read: a save after another change is refused, not overwritten.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public Guid? Id { get; private set; }

    public string EmployerName { get; private set; } = string.Empty;

    public IReadOnlyList<CommunityChoice> Communities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            var view = await board.PostingAsync(existing, cancellationToken);
            if (view is null)
            {
                return NotFound();
            }

            Input = PostingForm.From(view.Posting);
            Version = view.Posting.Version;
        }
        else
        {
            var today = clock.Today;
            Input.ValidFrom = today;
            Input.ValidTo = today.AddDays(30);
            Input.Headcount = 1;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var (result, created) = id is { } existing
                ? (await board.UpdatePostingAsync(existing, Version, Input.ToInput(), cancellationToken), existing)
                : await board.CreatePostingAsync(EmployerId ?? Guid.Empty, Input.ToInput(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts[id is null ? "Posting.CreatedMessage" : "Posting.UpdatedMessage", Input.Title?.Trim() ?? string.Empty].Value;
                return RedirectToPage("Detail", new { id = created });
            }

            AddErrors(result, texts);
        }

        return await LoadAsync(cancellationToken) ? InvalidPage() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var view = await board.PostingAsync(id, cancellationToken);
            if (view is null)
            {
                return false;
            }

            EmployerId = view.Posting.EmployerId;
            EmployerName = view.EmployerName;
        }
        else if (EmployerId is not { } employerId || await board.EmployerAsync(employerId, cancellationToken) is not { } employer)
        {
            return false;
        }
        else
        {
            EmployerName = employer.Employer.Name;
        }

        Communities = await servicePoints.CommunitiesAsync(cancellationToken);
        return true;
    }
}
