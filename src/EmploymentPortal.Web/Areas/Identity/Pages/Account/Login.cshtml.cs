using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account;

/// <summary>Sign-in with lock-out after repeated failures (lockoutOnFailure: true).</summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<PortalUser> signIn,
    IStringLocalizer<Texts> texts,
    ILogger<LoginModel> logger) : PortalPageModel
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

        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded for {UserName}", Input.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/");
        }

        var key = result.IsLockedOut ? "Login.LockedOut" : result.IsNotAllowed ? "Login.Disabled" : "Login.Invalid";
        logger.LogWarning("Sign-in refused for {UserName}: {Reason}", Input.UserName, key);
        ModelState.AddModelError(string.Empty, texts[key]);
        return InvalidPage();
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
