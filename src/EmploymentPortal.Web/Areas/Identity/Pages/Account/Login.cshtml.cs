using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Security.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-in, first step: the password (Security/SignIn/PasswordSignIn: the same answer and the same
/// time for every refusal), then the second step for accounts that have one, then whatever the
/// account must do first (Security/SignIn/AccountGates).
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    PasswordSignIn passwordSignIn,
    SignInDestination destination,
    IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = await passwordSignIn.SignInAsync(Input.UserName.Trim(), Input.Password, client);
        switch (outcome)
        {
            case PasswordSignInOutcome.RequiresSecondFactor:
                return RedirectToPage("LoginWith2fa", new { ReturnUrl });
            case PasswordSignInOutcome.SignedIn:
                return LocalRedirect(await destination.AfterSignInAsync(Input.UserName.Trim(), ReturnUrl, Url.IsLocalUrl));
            default:
                ModelState.AddModelError(string.Empty, texts["Login.Invalid"]);
                return InvalidPage();
        }
    }

    public sealed class InputModel
    {
        [Display(Name = "Login.UserName")]
        [Required(ErrorMessage = "Login.UserNameRequired")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        public string UserName { get; set; } = string.Empty;

        [Display(Name = "Login.Password")]
        [Required(ErrorMessage = "Login.PasswordRequired")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        public string Password { get; set; } = string.Empty;
    }
}
