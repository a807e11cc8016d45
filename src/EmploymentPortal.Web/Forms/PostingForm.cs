using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Web.Forms;

/// <summary>A posting's details as typed; the service checks them against the posting's rules.</summary>
public sealed class PostingForm : IFormRules
{
    [Display(Name = "Posting.Title")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Posting.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Title { get; set; }

    [Display(Name = "Posting.Description")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Posting.DescriptionMaxLength, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Display(Name = "Posting.Occupation")]
    [Required(ErrorMessage = "Validation.Required")]
    public string? OccupationCode { get; set; }

    [Display(Name = "Posting.Region")]
    [Required(ErrorMessage = "Validation.Required")]
    public int? RegionId { get; set; }

    [Display(Name = "Posting.PayMin")]
    [Required(ErrorMessage = "Validation.Required")]
    public int? PayMin { get; set; }

    [Display(Name = "Posting.PayMax")]
    [Required(ErrorMessage = "Validation.Required")]
    public int? PayMax { get; set; }

    [Display(Name = "Posting.Headcount")]
    [Required(ErrorMessage = "Validation.Required")]
    public int? Headcount { get; set; }

    [Display(Name = "Posting.Type")]
    [Required(ErrorMessage = "Validation.Required")]
    public PostingType? Type { get; set; }

    [Display(Name = "Posting.Education")]
    public EducationLevel? Education { get; set; }

    [Display(Name = "Posting.Skills")]
    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    public string? Skills { get; set; }

    [Display(Name = "Posting.ContactName")]
    [Required(ErrorMessage = "Validation.Required")]
    public string? ContactName { get; set; }

    [Display(Name = "Posting.ContactPhone")]
    [Required(ErrorMessage = "Validation.Required")]
    public string? ContactPhone { get; set; }

    [Display(Name = "Posting.ValidFrom")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = "Posting.ValidTo")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? ValidTo { get; set; }

    public static PostingForm From(Posting p) => new()
    {
        Title = p.Title,
        Description = p.Description,
        OccupationCode = p.OccupationCode,
        RegionId = p.RegionId,
        PayMin = p.PayMin,
        PayMax = p.PayMax,
        Headcount = p.Headcount,
        Type = p.Type,
        Education = p.Education,
        Skills = p.Skills,
        ContactName = p.ContactName,
        ContactPhone = p.ContactPhone,
        ValidFrom = p.ValidFrom,
        ValidTo = p.ValidTo,
    };

    /// <summary>The posting's rules between two fields, whenever both are typed (whatever else is missing).</summary>
    public IEnumerable<(string Field, string MessageKey)> RuleErrors(DateOnly today) =>
        new[] { Posting.PayRangeProblem(PayMin, PayMax), Posting.ValidRangeProblem(ValidFrom, ValidTo, today) }
            .OfType<JobsException>()
            .Select(e => (e.Field, e.MessageKey));

    public PostingInput ToInput() => new(Title, Description, OccupationCode, RegionId, PayMin, PayMax, Headcount, Type, Education, Skills, ContactName, ContactPhone, ValidFrom, ValidTo);
}
