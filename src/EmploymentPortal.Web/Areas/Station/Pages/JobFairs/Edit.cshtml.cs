using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.JobFairs;

/// <summary>Creates or edits a job fair of the area: date, venue or online, the employers taking part.</summary>
[Authorize(Policy = Capabilities.ManageJobFairs)]
public sealed class EditModel(JobFairService fairs, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public IReadOnlyList<EmployerOption> Employers { get; private set; } = [];

    public Guid? Id { get; private set; }

    [BindProperty]
    public FairForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            var fair = await fairs.GetAsync(existing, staffScope: true, cancellationToken);
            if (fair is null)
            {
                return NotFound();
            }

            Input = new FairForm { Title = fair.Title, Date = fair.Date, Online = fair.Online, Venue = fair.Venue, Description = fair.Description, EmployerIds = fair.EmployerIds.ToList() };
        }

        Id = id;
        Employers = await fairs.EmployerOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var region = User.FindFirst(PortalClaims.RegionCode)?.Value ?? string.Empty;
            var (result, _) = await fairs.SaveAsync(id, region, new JobFairInput(Input.Title, Input.Date!.Value, Input.Online, Input.Venue, Input.Description, Input.EmployerIds), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts["JobFair.SavedMessage", Input.Title.Trim()].Value;
                return RedirectToPage("Index");
            }

            if (result.Errors.Any(e => e.MessageKey == "JobFair.NotFound"))
            {
                return NotFound();
            }

            AddErrors(result, texts);
        }

        Employers = await fairs.EmployerOptionsAsync(cancellationToken);
        return InvalidPage();
    }

    public sealed class FairForm : IFormRules
    {
        [Display(Name = "JobFair.FairTitle")]
        [Required(ErrorMessage = "JobFair.TitleRequired")]
        [StringLength(Domain.Jobs.JobFair.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
        public string Title { get; set; } = string.Empty;

        [Display(Name = "JobFair.Date")]
        [Required(ErrorMessage = "JobFair.DateRequired")]
        public DateOnly? Date { get; set; }

        [Display(Name = "JobFair.Online")]
        public bool Online { get; set; }

        [Display(Name = "JobFair.Venue")]
        [StringLength(Domain.Jobs.JobFair.VenueMaxLength, ErrorMessage = "Validation.TooLong")]
        public string? Venue { get; set; }

        [Display(Name = "JobFair.Description")]
        [StringLength(Domain.Jobs.Posting.DescriptionMaxLength, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.MultilineText)]
        public string? Description { get; set; }

        public List<Guid> EmployerIds { get; set; } = [];

        public IEnumerable<(string Field, string MessageKey)> RuleErrors(DateOnly today) =>
            Domain.Jobs.JobFair.VenueProblem(Online, Venue) is { } problem ? [(problem.Field, problem.MessageKey)] : [];
    }
}
