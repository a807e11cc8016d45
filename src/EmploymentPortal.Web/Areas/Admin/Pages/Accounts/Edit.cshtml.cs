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

/// <summary>An account's details; for staff, their role and unit can be changed here.</summary>
[Authorize(Policy = Capabilities.ManageAccounts)]
public sealed class EditModel(AccountService accounts, OrgDirectory directory, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The name records show for the account (its display name, with its unit).</summary>
    [BindProperty]
    public RenameModel Rename { get; set; } = new();

    public AccountDetail Account { get; private set; } = null!;

    public bool IsStaff => Account.Role is not null && Roles.IsStaff(Account.Role);

    public IReadOnlyList<SelectListItem> UnitOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RoleOptions => AccountFormOptions.StaffRoles(texts);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel { Role = Account.Role ?? string.Empty, OrgUnitId = Account.OrgUnitId };
        Rename = new RenameModel { DisplayName = Account.DisplayName };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return InvalidPage();
        }

        var result = await accounts.AssignAsync(id, Input.Role, Input.OrgUnitId!.Value, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, texts);
            return InvalidPage();
        }

        TempData["Message"] = texts["Accounts.Assigned"].Value;
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostRenameAsync(Guid id, CancellationToken cancellationToken) =>
        RunFormAsync(
            nameof(Rename),
            texts,
            () => accounts.RenameAsync(id, Rename.DisplayName ?? string.Empty, cancellationToken),
            () => LoadAsync(id, cancellationToken),
            new { id },
            () => Task.FromResult(texts["Accounts.Renamed", Rename.DisplayName?.Trim() ?? string.Empty].Value),
            nameof(RenameModel.DisplayName));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(id, cancellationToken);
        if (account is null)
        {
            return false;
        }

        Account = account;
        UnitOptions = await AccountFormOptions.UnitsAsync(directory, cancellationToken);
        return true;
    }

    public sealed class InputModel
    {
        [Display(Name = "Accounts.Role")]
        [Required(ErrorMessage = "Accounts.RoleRequired")]
        public string Role { get; set; } = string.Empty;

        [Display(Name = "Accounts.Unit")]
        [Required(ErrorMessage = "Accounts.UnitRequired")]
        public int? OrgUnitId { get; set; }
    }

    public sealed class RenameModel
    {
        [Display(Name = "Accounts.DisplayName")]
        [StringLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "Validation.TooLong")]
        public string? DisplayName { get; set; }
    }
}
