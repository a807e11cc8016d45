using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Security.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Enrolment of an authenticator app: a QR code drawn on the server (a PNG data URI, which the
/// CSP's <c>img-src 'self' data:</c> allows), the key as text for typing, and a first code to
/// prove the app works. Success turns the second factor on and shows the recovery codes, once.
/// The GET stores nothing: a key it proposes travels in the form, sealed to the account by Data
/// Protection, and is stored by the POST with the first correct code.
/// </summary>
[Authorize(Policy = Capabilities.ManageOwnAccount)]
public sealed class EnableAuthenticatorModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    OwnAccountSecurity security,
    IDataProtectionProvider protection,
    IStringLocalizer<Texts> texts) : ManageAccountPage(users)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The proposed key, sealed to the signed-in account (never a key in clear in the form).</summary>
    [BindProperty]
    public string? SealedKey { get; set; }

    public string? Key { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return Redirect(AccountGates.ManagePage);
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return Redirect(AccountGates.ManagePage);
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return InvalidPage();
        }

        var key = await security.EnrolmentKeyAsync(user, Unseal(user));
        var (result, codes) = await security.EnableAsync(user, key!, Input.Code.Trim(), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            await LoadKeyAsync(user);
            return InvalidPage();
        }

        // A new cookie without the enrolment gate.
        await signIn.RefreshSignInAsync(user);
        RecoveryCodes = codes;
        return Page();
    }

    private async Task LoadKeyAsync(PortalUser user)
    {
        Key = await security.EnrolmentKeyAsync(user, Unseal(user));
        SealedKey = Key is null ? null : Sealer(user).Protect(Key);
        QrCodeDataUri = Key is null ? null : AuthenticatorQrCode.DataUri(user.UserName ?? string.Empty, Key);
    }

    private IDataProtector Sealer(PortalUser user) => protection.CreateProtector("EnableAuthenticator.Key", user.Id.ToString());

    /// <summary>The key this form proposed, or null when there is none or it was not sealed for this account.</summary>
    private string? Unseal(PortalUser user)
    {
        if (string.IsNullOrEmpty(SealedKey))
        {
            return null;
        }

        try
        {
            return Sealer(user).Unprotect(SealedKey);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Another account's or a tampered value: a new key is proposed instead.
            return null;
        }
    }

    public sealed class InputModel
    {
        [Display(Name = "Mfa.Code")]
        [Required(ErrorMessage = "Mfa.CodeRequired")]
        [StringLength(16, ErrorMessage = "Validation.TooLong")]
        public string Code { get; set; } = string.Empty;
    }
}
