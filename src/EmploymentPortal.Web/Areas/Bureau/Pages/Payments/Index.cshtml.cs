using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Subsidies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Payments;

/// <summary>Payable applications (notice ended, no upheld objection) with a payment form each, and totals per scheme and region.</summary>
[Authorize(Policy = Capabilities.PaySubsidies)]
public sealed class IndexModel(Core.Subsidies.Notices notices, SubsidyApplications applications, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public Guid ApplicationId { get; set; }

    [BindProperty]
    [Display(Name = "Payment.Amount")]
    public decimal? Amount { get; set; }

    [BindProperty]
    [Display(Name = "Payment.PaidOn")]
    public DateOnly? PaidOn { get; set; }

    [BindProperty]
    [Display(Name = "Payment.Reference")]
    [StringLength(Payment.ReferenceMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Reference { get; set; }

    public IReadOnlyList<ApplicationRow> Payable { get; private set; } = [];

    public IReadOnlyList<PaymentTotal> Totals { get; private set; } = [];

    /// <summary>Typed amounts waiting for a second official, by application.</summary>
    public IReadOnlyDictionary<Guid, PendingPayment> Pending { get; private set; } = new Dictionary<Guid, PendingPayment>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPayAsync(CancellationToken cancellationToken)
    {
        if (PaidOn is null)
        {
            ModelState.AddModelError(nameof(PaidOn), texts["Validation.Required"]);
        }

        if (ModelState.IsValid)
        {
            var result = await notices.PayAsync(ApplicationId, Amount, PaidOn!.Value, Reference, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = texts[Amount is null ? "Payment.Recorded" : "Payment.Entered"].Value;
                return RedirectToPage();
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        await LoadAsync(cancellationToken);
        return InvalidPage();
    }

    /// <summary>A second official confirms a typed amount (separation of duties, checked by the service).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken) =>
        await DecidePendingAsync(notices.ConfirmPaymentAsync(ApplicationId, cancellationToken), "Payment.Recorded", cancellationToken);

    /// <summary>A typed amount is sent back, to be typed again.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken) =>
        await DecidePendingAsync(notices.DiscardPaymentAsync(ApplicationId, cancellationToken), "Payment.Discarded", cancellationToken);

    private async Task<IActionResult> DecidePendingAsync(Task<Core.Common.CommandResult> command, string message, CancellationToken cancellationToken)
    {
        var result = await command;
        if (result.Succeeded)
        {
            TempData["Message"] = texts[message].Value;
            return RedirectToPage();
        }

        AddErrors(result, texts, prefix: string.Empty);
        await LoadAsync(cancellationToken);
        return InvalidPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Payable = (await applications.ListAsync(new ApplicationQuery(ApplicationStatus.Payable, PageSize: 500), cancellationToken)).Items;
        Totals = await notices.TotalsAsync(cancellationToken);
        Pending = await notices.PendingPaymentsAsync(cancellationToken);
    }
}
