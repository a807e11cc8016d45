using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.SignUp;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account;

/// <summary>The second step of sign-up: the one-time code and a password create the account, and sign it in.</summary>
[AllowAnonymous]
public sealed class RegisterConfirmModel(
    SignUpService signUp,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IOptions<SignUpOptions> options,
    IStringLocalizer<Texts> texts) : PortalPageModel
{
    /// <summary>Minutes a code is valid.</summary>
    public int CodeMinutes => (int)Math.Ceiling(options.Value.CodeLifetime.TotalMinutes);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet(Guid id)
    {
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var (result, userId) = await signUp.ConfirmAsync(id, Input.Code, Input.Password, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        var user = await users.FindByIdAsync(userId!.Value.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        return LocalRedirect("~/");
    }

    public sealed class InputModel
    {
        [Display(Name = "SignUp.Code")]
        [Required(ErrorMessage = "SignUp.CodeRequired")]
        [StringLength(16, ErrorMessage = "SignUp.CodeWrong")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Register.Password")]
        [Required(ErrorMessage = "Password.Required")]
        [StringLength(256, MinimumLength = Core.DependencyInjection.MinimumPasswordLength, ErrorMessage = "Password.TooShort")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Register.ConfirmPassword")]
        [Required(ErrorMessage = "Password.ConfirmRequired")]
        [Compare(nameof(Password), ErrorMessage = "Password.Mismatch")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
