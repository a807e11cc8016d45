using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Core.Accounts;

/// <summary>
/// Refuses sign-in to disabled accounts, and treats a disabled account's cookie as invalid at
/// the next security-stamp validation (at most a minute later).
/// </summary>
public sealed class PortalSignInManager : SignInManager<PortalUser>
{
    public PortalSignInManager(
        UserManager<PortalUser> userManager,
        IHttpContextAccessor contextAccessor,
        IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
        IOptions<IdentityOptions> optionsAccessor,
        ILogger<SignInManager<PortalUser>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<PortalUser> confirmation)
        : base(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
    {
    }

    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }

    /// <summary>
    /// Signs in a user whose password was checked by the caller (the sign-in page's equal-time
    /// password step), or starts the second step when the account has one.
    /// </summary>
    public Task<SignInResult> SignInAfterPasswordAsync(PortalUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);
}
