using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Security.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-in, second step: a 6-digit code from the authenticator app (each code once, ±30 s), or one
/// of the recovery codes (each once). Reached only with Identity's short-lived two-factor cookie
/// that the password step sets; five wrong codes lock the account for 15 minutes.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(
    PortalSignInManager signIn,
    SignInDestination destination,
    IStringLocalizer<Texts> texts,
    ILogger<LoginWith2faModel> logger) : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login", new { ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var code = Input.Code.Trim();
        var result = IsRecoveryCode(code)
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("Second step accepted for {UserName} ({Kind})", user.UserName, IsRecoveryCode(code) ? "recovery code" : "authenticator");
            return LocalRedirect(await destination.AfterSignInAsync(user, ReturnUrl, Url.IsLocalUrl));
        }

        logger.LogWarning("Second step refused for {UserName}: {Reason}", user.UserName, result.IsLockedOut ? "LockedOut" : "WrongCode");
        ModelState.AddModelError("Input.Code", texts[result.IsLockedOut ? "Mfa.LockedOut" : "Mfa.CodeInvalid"]);
        return InvalidPage();
    }

    /// <summary>A recovery code has letters (XXXXX-XXXXX); an authenticator code is 6 digits.</summary>
    private static bool IsRecoveryCode(string code) => code.Any(char.IsAsciiLetter);

    public sealed class InputModel
    {
        [Display(Name = "Mfa.Code")]
        [Required(ErrorMessage = "Mfa.CodeRequired")]
        [StringLength(32, ErrorMessage = "Validation.TooLong")]
        public string Code { get; set; } = string.Empty;
    }
}
