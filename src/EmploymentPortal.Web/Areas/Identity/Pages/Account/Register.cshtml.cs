using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account;

/// <summary>Job seekers and employers sign up themselves with a mobile number or e-mail address.</summary>
[AllowAnonymous]
public sealed class RegisterModel(
    AccountService accounts,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IEnumerable<SelectListItem> RoleOptions =>
        Roles.SelfService.Select(r => new SelectListItem(texts["Role." + r], r));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var (result, id) = await accounts.SignUpAsync(new SignUpInput(Input.Login, Input.DisplayName, Input.Role, Input.Password), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        var user = await users.FindByIdAsync(id!.Value.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        return LocalRedirect("~/");
    }

    public sealed class InputModel
    {
        [Display(Name = "Register.Role")]
        [Required(ErrorMessage = "Register.RoleRequired")]
        public string Role { get; set; } = Roles.JobSeeker;

        [Display(Name = "Register.Login")]
        [Required(ErrorMessage = "Register.LoginRequired")]
        [StringLength(128, ErrorMessage = "Validation.TooLong")]
        public string Login { get; set; } = string.Empty;

        [Display(Name = "Register.DisplayName")]
        [Required(ErrorMessage = "Register.DisplayNameRequired")]
        [StringLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "Validation.TooLong")]
        public string DisplayName { get; set; } = string.Empty;

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
