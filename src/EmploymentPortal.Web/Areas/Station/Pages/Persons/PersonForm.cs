using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>The fields staff type about a person (registration and edit share them).</summary>
public class PersonForm
{
    [Display(Name = "Person.Name")]
    [Required(ErrorMessage = "Person.NameRequired")]
    [StringLength(Person.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Person.Phone")]
    [RegularExpression("^1[3-9][0-9]{9}$", ErrorMessage = "Person.PhoneInvalid")]
    public string? Phone { get; set; }

    [Display(Name = "Person.Address")]
    [Required(ErrorMessage = "Person.AddressRequired")]
    [StringLength(Person.AddressMaxLength, ErrorMessage = "Validation.TooLong")]
    public string Address { get; set; } = string.Empty;

    [Display(Name = "Person.Hukou")]
    public HukouType Hukou { get; set; } = HukouType.Urban;

    [Display(Name = "Person.Education")]
    public EducationLevel Education { get; set; } = EducationLevel.JuniorHigh;

    [Display(Name = "Person.Skills")]
    [StringLength(Person.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Skills { get; set; }

    [Display(Name = "Person.WishedOccupation")]
    [StringLength(Person.ShortTextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? WishedOccupation { get; set; }

    [Display(Name = "Person.WishedMonthlyPay")]
    [Range(typeof(decimal), "0", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Person.PayRange")]
    public decimal? WishedMonthlyPay { get; set; }

    [Display(Name = "Person.WishedArea")]
    [StringLength(Person.ShortTextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? WishedArea { get; set; }

    [Display(Name = "Person.WishedWorkType")]
    public WorkType? WishedWorkType { get; set; }

    [Display(Name = "Person.LaborCapacity")]
    public LaborCapacity LaborCapacity { get; set; } = LaborCapacity.Full;

    [Display(Name = "Person.WantsWork")]
    public bool WantsWork { get; set; } = true;

    /// <summary>A woman on the cadre retirement schedule (ignored for men).</summary>
    [Display(Name = "Person.FemaleCadre")]
    public bool FemaleCadre { get; set; }

    [Display(Name = "Person.EmploymentStatus")]
    public EmploymentStatus EmploymentStatus { get; set; } = EmploymentStatus.Unemployed;

    [Display(Name = "Person.EmploymentHistory")]
    [StringLength(Person.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? EmploymentHistory { get; set; }

    [Display(Name = "Person.PriorityGroups")]
    public List<PriorityGroups> Groups { get; set; } = [];

    [Display(Name = "Person.LivingNeeds")]
    [StringLength(Person.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? LivingNeeds { get; set; }

    [Display(Name = "Person.Notes")]
    [StringLength(Person.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Notes { get; set; }

    public static PersonForm From(PersonDetails d) => new()
    {
        Name = d.Name,
        Phone = d.Phone,
        Address = d.Address,
        Hukou = d.Hukou,
        Education = d.Education,
        Skills = d.Skills,
        WishedOccupation = d.WishedOccupation,
        WishedMonthlyPay = d.WishedMonthlyPay,
        WishedArea = d.WishedArea,
        WishedWorkType = d.WishedWorkType,
        LaborCapacity = d.LaborCapacity,
        WantsWork = d.WantsWork,
        FemaleCadre = d.FemaleCadre,
        EmploymentStatus = d.EmploymentStatus,
        EmploymentHistory = d.EmploymentHistory,
        Groups = Enum.GetValues<PriorityGroups>().Where(g => g != PriorityGroups.None && d.PriorityGroups.HasFlag(g)).ToList(),
        LivingNeeds = d.LivingNeeds,
        Notes = d.Notes,
    };

    public PersonDetails ToDetails() => new(
        Name, string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(), Address, Hukou, Education, Skills, WishedOccupation, WishedMonthlyPay, WishedArea,
        WishedWorkType, LaborCapacity, WantsWork, EmploymentStatus, EmploymentHistory,
        Groups.Aggregate(PriorityGroups.None, (all, g) => all | g), LivingNeeds, Notes, FemaleCadre);
}
