using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Employers;

/// <summary>Staff: one employer of the area, its postings, and its verification (street and county staff).</summary>
[Authorize(Policy = Capabilities.ViewEmployers)]
public sealed class DetailModel(JobBoard board, CapabilityCheck can, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public EmployerView View { get; private set; } = null!;

    public PagedResult<PostingView> Postings { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Employer.Note")]
    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }

    public bool MayVerify { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => board.VerifyAsync(id, true, Note, cancellationToken), "Employer.VerifiedMessage", new { id }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => board.VerifyAsync(id, false, Note, cancellationToken), "Employer.RejectedMessage", new { id }, () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await board.EmployerAsync(id, cancellationToken);
        View = view!;
        MayVerify = await can.Async(Capabilities.VerifyEmployers);
        if (view is not null)
        {
            Postings = await board.PostingsAsync(null, id, 1, cancellationToken);
        }

        return view is not null;
    }
}
