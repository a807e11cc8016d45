using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Web.Areas.Station.Pages.Households;

/// <summary>What staff type about a household (its status is derived, never typed).</summary>
public sealed class HouseholdForm
{
    [Display(Name = "Person.Address")]
    [Required(ErrorMessage = "Household.AddressRequired")]
    [StringLength(Household.AddressMaxLength, ErrorMessage = "Validation.TooLong")]
    public string Address { get; set; } = string.Empty;

    [Display(Name = "Person.Hukou")]
    public HukouType Hukou { get; set; } = HukouType.Urban;

    [Display(Name = "Household.BusinessIncome")]
    public bool HasBusinessIncome { get; set; }

    public HouseholdDetails ToDetails() => new(Address, Hukou, HasBusinessIncome);

    public static HouseholdForm From(HouseholdDetails d) => new() { Address = d.Address, Hukou = d.Hukou, HasBusinessIncome = d.HasBusinessIncome };
}
