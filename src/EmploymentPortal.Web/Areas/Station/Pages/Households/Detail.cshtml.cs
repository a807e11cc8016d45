using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Households;

/// <summary>
/// A household: members, derived status with its dated history, details, and the one-to-one
/// assistance plan. Another area's household is not found (404).
/// </summary>
[Authorize(Policy = Capabilities.ManageHouseholds)]
public sealed class DetailModel(HouseholdRegistry households, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public HouseholdView Household { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Staff { get; private set; } = [];

    [BindProperty]
    public HouseholdForm Input { get; set; } = new();

    [BindProperty]
    public MemberForm Member { get; set; } = new();

    [BindProperty]
    public AssistanceForm Assistance { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = HouseholdForm.From(Household.Details);
        return Page();
    }

    public Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        RunFormAsync("Input", texts, () => households.UpdateAsync(id, Input.ToDetails(), cancellationToken), () => LoadAsync(id, cancellationToken), new { id }, () => Task.FromResult(texts["Household.UpdatedMessage"].Value));

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, CancellationToken cancellationToken) =>
        RunFormAsync("Member", texts, () => households.AddMemberAsync(id, Member.IdNumber, Member.Relationship, cancellationToken), () => LoadAsync(id, cancellationToken), new { id }, () => Task.FromResult(texts["Household.MemberAddedMessage", texts["Relationship." + Member.Relationship].Value].Value));

    public Task<IActionResult> OnPostAssistAsync(Guid id, CancellationToken cancellationToken) =>
        RunFormAsync("Assistance", texts, () => households.StartAssistanceAsync(id, Assistance.Plan, Assistance.StaffId!.Value, cancellationToken), () => LoadAsync(id, cancellationToken), new { id }, () => Task.FromResult(texts["Household.AssistanceStartedMessage"].Value), nameof(AssistanceForm.StaffId));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var household = await households.GetAsync(id, cancellationToken);
        if (household is null)
        {
            return false;
        }

        Household = household;
        if (household.Status == ZeroEmploymentStatus.Identified)
        {
            Staff = (await households.AssignableStaffAsync(cancellationToken)).Select(s => new SelectListItem($"{s.Name}（{s.UnitName}）", s.Id.ToString())).ToList();
        }

        return true;
    }

    public sealed class MemberForm
    {
        [Display(Name = "Household.MemberIdNumber")]
        [Required(ErrorMessage = "Validation.Required")]
        public string IdNumber { get; set; } = string.Empty;

        [Display(Name = "Household.Relationship")]
        public Relationship Relationship { get; set; } = Relationship.Spouse;
    }

    public sealed class AssistanceForm
    {
        [Display(Name = "Household.AssignedStaff")]
        public Guid? StaffId { get; set; }

        [Display(Name = "Household.Plan")]
        [Required(ErrorMessage = "Household.PlanRequired")]
        [StringLength(Domain.Households.Household.PlanMaxLength, ErrorMessage = "Validation.TooLong")]
        public string Plan { get; set; } = string.Empty;
    }
}
