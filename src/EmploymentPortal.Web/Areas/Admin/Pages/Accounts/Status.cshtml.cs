using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Admin.Pages.Accounts;

/// <summary>Disable or re-enable an account, after a confirmation page.</summary>
[Authorize(Policy = Capabilities.ManageAccounts)]
public sealed class StatusModel(AccountService accounts, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public AccountDetail Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    /// <summary>The intended state is posted, so a repeated or stale submission cannot flip it back.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, bool disable, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        Account = account;
        var result = await accounts.SetDisabledAsync(id, disable, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        TempData["Message"] = texts[disable ? "Accounts.DisabledDone" : "Accounts.EnabledDone"].Value;
        return RedirectToPage("Edit", new { id });
    }
}
