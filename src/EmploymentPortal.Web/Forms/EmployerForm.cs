using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Jobs;

namespace EmploymentPortal.Web.Forms;

/// <summary>The employer details, as the employer registers them or staff enter them.</summary>
public sealed class EmployerForm
{
    [Display(Name = "Employer.CreditCode")]
    [Required(ErrorMessage = "Validation.Required")]
    public string? CreditCode { get; set; }

    [Display(Name = "Employer.Name")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Employer.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Name { get; set; }

    [Display(Name = "Employer.Industry")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Employer.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Industry { get; set; }

    [Display(Name = "Employer.Size")]
    [Required(ErrorMessage = "Validation.Required")]
    public EmployerSize? Size { get; set; }

    [Display(Name = "Employer.Region")]
    [Required(ErrorMessage = "Validation.Required")]
    public int? RegionId { get; set; }

    [Display(Name = "Employer.ContactName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Employer.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? ContactName { get; set; }

    [Display(Name = "Employer.ContactPhone")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    public string? ContactPhone { get; set; }

    public EmployerInput ToInput() => new(CreditCode, Name, Industry, Size, RegionId, ContactName, ContactPhone);
}

/// <summary>What the employer fields partial renders: the form (bound as "Input") and the communities to choose from.</summary>
public sealed record EmployerFieldsModel(EmployerForm Input, IReadOnlyList<Core.Regions.CommunityChoice> Communities);
