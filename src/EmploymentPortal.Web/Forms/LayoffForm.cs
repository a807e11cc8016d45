using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EmploymentPortal.Core.Layoffs;
using EmploymentPortal.Domain.Layoffs;

namespace EmploymentPortal.Web.Forms;

/// <summary>A planned reduction as typed; the service says what is missing or inconsistent, in the page's language.</summary>
public sealed class LayoffForm
{
    [Display(Name = "Layoff.Employer")]
    public Guid? EmployerId { get; set; }

    [Display(Name = "Layoff.ReductionCount")]
    public int? ReductionCount { get; set; }

    [Display(Name = "Layoff.WorkforceCount")]
    public int? WorkforceCount { get; set; }

    [Display(Name = "Layoff.PlannedOn")]
    public DateOnly? PlannedOn { get; set; }

    [Display(Name = "Layoff.Reason")]
    [StringLength(LayoffReport.ReasonMaxLength, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    [Display(Name = "Layoff.ContactName")]
    [StringLength(LayoffReport.ContactMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? ContactName { get; set; }

    [Display(Name = "Layoff.ContactPhone")]
    [StringLength(LayoffReport.PhoneMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? ContactPhone { get; set; }

    public LayoffInput ToInput() => new(EmployerId, ReductionCount, WorkforceCount, PlannedOn, Reason, ContactName, ContactPhone);
}

/// <summary>Shares shown as percentages with one decimal ("12.5 %").</summary>
public static class Shares
{
    public static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
