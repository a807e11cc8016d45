using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Regions;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Admin.Pages.Accounts;

/// <summary>An admin creates a staff account in one unit with one role.</summary>
[Authorize(Policy = Capabilities.ManageAccounts)]
public sealed class CreateModel(AccountService accounts, OrgDirectory directory, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> UnitOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RoleOptions => AccountFormOptions.StaffRoles(texts);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        UnitOptions = await AccountFormOptions.UnitsAsync(directory, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        UnitOptions = await AccountFormOptions.UnitsAsync(directory, cancellationToken);
        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var (result, id) = await accounts.CreateStaffAsync(
            new StaffAccountInput(Input.UserName, Input.DisplayName, Input.Role, Input.OrgUnitId!.Value, Input.Password), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        TempData["Message"] = texts["Accounts.Created", Input.UserName].Value;
        return RedirectToPage("Edit", new { id });
    }

    public sealed class InputModel
    {
        [Display(Name = "Accounts.UserName")]
        [Required(ErrorMessage = "Accounts.UserNameRequired")]
        [StringLength(PortalUser.UserNameMaxLength, ErrorMessage = "Validation.TooLong")]
        public string UserName { get; set; } = string.Empty;

        [Display(Name = "Accounts.DisplayName")]
        [Required(ErrorMessage = "Accounts.DisplayNameRequired")]
        [StringLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "Validation.TooLong")]
        public string DisplayName { get; set; } = string.Empty;

        [Display(Name = "Accounts.Role")]
        [Required(ErrorMessage = "Accounts.RoleRequired")]
        public string Role { get; set; } = string.Empty;

        [Display(Name = "Accounts.Unit")]
        [Required(ErrorMessage = "Accounts.UnitRequired")]
        public int? OrgUnitId { get; set; }

        [Display(Name = "Accounts.InitialPassword")]
        [Required(ErrorMessage = "Password.Required")]
        [StringLength(256, MinimumLength = Core.DependencyInjection.MinimumPasswordLength, ErrorMessage = "Password.TooShort")]
        public string Password { get; set; } = string.Empty;
    }
}
