using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Pages.Seeker;

/// <summary>A seeker asks to be linked to their person record; the page shows only their own request's state.</summary>
[Authorize(Policy = Capabilities.SeekJobs)]
public sealed class LinkModel(SeekerService seekers, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public SeekerLinkView? Link { get; private set; }

    public IReadOnlyList<RegionOption> Communities { get; private set; } = [];

    [BindProperty]
    public LinkForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        CommandAsync(texts, () => seekers.RequestLinkAsync(Input.Name, Input.IdNumber, Input.Phone, Input.RegionId ?? 0, Input.WishedOccupationCode, cancellationToken), "Seeker.LinkRequested", new { }, () => LoadAsync(cancellationToken));

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Link = await seekers.GetLinkAsync(cancellationToken);
        Communities = await seekers.CommunitiesAsync(cancellationToken);
        return true;
    }

    public sealed class LinkForm
    {
        [Display(Name = "Seeker.Name")]
        [Required(ErrorMessage = "Seeker.NameRequired")]
        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Person.IdNumber")]
        [Required(ErrorMessage = "IdNumber.Empty")]
        public string IdNumber { get; set; } = string.Empty;

        [Display(Name = "Person.Phone")]
        [Required(ErrorMessage = "Seeker.PhoneRequired")]
        public string Phone { get; set; } = string.Empty;

        [Display(Name = "Seeker.Community")]
        [Required(ErrorMessage = "Seeker.CommunityRequired")]
        public int? RegionId { get; set; }

        [Display(Name = "Seeker.WishedOccupation")]
        public string? WishedOccupationCode { get; set; }
    }
}
