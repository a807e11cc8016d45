using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.SignUp;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Job seekers and employers sign up with a mobile number or e-mail address. The first step answers "we sent a code"
/// whether or not an account exists (issue 15); the code and a password are entered on <see cref="RegisterConfirmModel"/>.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(SignUpService signUp, IStringLocalizer<Texts> texts) : PortalPageModel
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

        var (result, challenge) = await signUp.StartAsync(new SignUpStart(Input.Role, Input.Login, Input.DisplayName), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        return RedirectToPage("RegisterConfirm", new { id = challenge });
    }

    public sealed class InputModel
    {
        [Display(Name = "Register.Role")]
        [Required(ErrorMessage = "Register.RoleRequired")]
        public string Role { get; set; } = Roles.JobSeeker;

        [Display(Name = "Register.Login")]
        [Required(ErrorMessage = "Register.LoginRequired")]
        [StringLength(SignUpChallenge.LoginMaxLength, ErrorMessage = "Validation.TooLong")]
        public string Login { get; set; } = string.Empty;

        [Display(Name = "Register.DisplayName")]
        [Required(ErrorMessage = "Register.DisplayNameRequired")]
        [StringLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "Validation.TooLong")]
        public string DisplayName { get; set; } = string.Empty;
    }
}
