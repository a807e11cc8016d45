using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Security.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>A new set of recovery codes, after a confirmation; shown once, the old set stops working.</summary>
[Authorize(Policy = Capabilities.ManageOwnAccount)]
public sealed class RecoveryCodesModel(UserManager<PortalUser> users, OwnAccountSecurity security) : ManageAccountPage(users)
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        (await CurrentUserAsync()).TwoFactorEnabled ? Page() : Redirect(AccountGates.ManagePage);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled)
        {
            return Redirect(AccountGates.ManagePage);
        }

        Codes = await security.NewRecoveryCodesAsync(user, cancellationToken);
        return Page();
    }
}
