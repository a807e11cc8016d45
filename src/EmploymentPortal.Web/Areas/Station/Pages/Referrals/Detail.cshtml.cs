using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Referrals;

/// <summary>One referral and its outcome; "hired" makes the person employed and ends the registration.</summary>
[Authorize(Policy = Capabilities.MatchJobs)]
public sealed class DetailModel(StaffJobServices jobs, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public ReferralRow Referral { get; private set; } = null!;

    [BindProperty]
    public OutcomeForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Input.On = jobs.Today;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        CommandAsync(texts, () => jobs.RecordOutcomeAsync(id, Input.Outcome, Input.On ?? jobs.Today, cancellationToken), () => texts["Referral.OutcomeRecordedMessage", texts["ReferralOutcome." + Input.Outcome].Value].Value, new { id }, () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var referral = await jobs.ReferralAsync(id, cancellationToken);
        if (referral is null)
        {
            return false;
        }

        Referral = referral;
        return true;
    }

    public sealed class OutcomeForm
    {
        [Display(Name = "Referral.Outcome")]
        public ReferralOutcome Outcome { get; set; } = ReferralOutcome.Interview;

        [Display(Name = "Referral.OutcomeOn")]
        [Required(ErrorMessage = "Referral.DateInvalid")]
        public DateOnly? On { get; set; }
    }
}
