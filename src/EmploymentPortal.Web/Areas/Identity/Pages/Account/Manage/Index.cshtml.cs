using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The own account: second factor on or off, recovery codes left, links to change the password and
/// to enrol. After a staff sign-in inside the grace period (<c>?reminder=true</c>) it reminds the
/// user, with the deadline, and offers to go on.
/// </summary>
[Authorize(Policy = Capabilities.ManageOwnAccount)]
public sealed class IndexModel(UserManager<PortalUser> users, OwnAccountSecurity security, SecondFactorPolicy policy) : ManageAccountPage(users)
{
    public bool TwoFactorEnabled { get; private set; }

    public bool TwoFactorRequired { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public DateTimeOffset? Deadline { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Reminder { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        var roles = await Users.GetRolesAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        TwoFactorRequired = SecondFactorPolicy.IsRequiredFor(roles);
        RecoveryCodesLeft = user.TwoFactorEnabled ? await security.RecoveryCodesLeftAsync(user) : 0;
        var gate = await policy.GateAsync(user, roles, cancellationToken);
        Deadline = gate.Kind == AccountGateKind.Remind ? gate.Deadline : null;
    }
}
