using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Localization;
using EmploymentPortal.Web.Security.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Self-service password change (the current password, then the new one twice). After an
/// administrator set the password, the account can reach only this page until it is changed.
/// </summary>
[Authorize(Policy = Capabilities.ManageOwnAccount)]
public sealed class ChangePasswordModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    OwnAccountSecurity security,
    SignInDestination destination,
    IStringLocalizer<Texts> texts) : ManageAccountPage(users)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Forced { get; private set; }

    public async Task OnGetAsync() => Forced = (await CurrentUserAsync()).MustChangePassword;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        Forced = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var result = await security.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        // A new cookie: the new security stamp, and the gate without the password change.
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = texts["Password.Changed"].Value;
        var next = await destination.AfterSignInAsync(user, ReturnUrl, Url.IsLocalUrl);
        return LocalRedirect(Forced || next != "/" ? next : AccountGates.ManagePage);
    }

    public sealed class InputModel
    {
        [Display(Name = "Password.Current")]
        [Required(ErrorMessage = "Password.CurrentRequired")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Display(Name = "Password.New")]
        [Required(ErrorMessage = "Password.Required")]
        [StringLength(256, MinimumLength = Core.DependencyInjection.MinimumPasswordLength, ErrorMessage = "Password.TooShort")]
        public string NewPassword { get; set; } = string.Empty;

        [Display(Name = "Password.Confirm")]
        [Required(ErrorMessage = "Password.ConfirmRequired")]
        [Compare(nameof(NewPassword), ErrorMessage = "Password.Mismatch")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
