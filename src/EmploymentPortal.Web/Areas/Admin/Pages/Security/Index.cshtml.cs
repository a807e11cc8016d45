using System.ComponentModel.DataAnnotations;
using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Admin.Pages.Security;

/// <summary>
/// Security administration: the staff second-factor grace period, and the reset of a user's second
/// factor (a lost phone). Both audited.
/// </summary>
[Authorize(Policy = Capabilities.ManageSecurity)]
public sealed class IndexModel(SecondFactorPolicy policy, IStringLocalizer<Texts> texts) : PortalPageModel
{
    [BindProperty]
    public GraceInput Grace { get; set; } = new();

    [BindProperty]
    public ResetInput Reset { get; set; } = new();

    public int MaxGraceDays => SecuritySetting.MaxGraceDays;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Grace.GraceDays = await policy.GraceDaysAsync(cancellationToken);

    public Task<IActionResult> OnPostGraceAsync(CancellationToken cancellationToken) =>
        RunFormAsync(
            nameof(Grace),
            texts,
            () => policy.SetGraceDaysAsync(Grace.GraceDays!.Value, cancellationToken),
            () => Task.FromResult(true),
            new { },
            () => Task.FromResult(texts["Mfa.GraceSet", Grace.GraceDays!.Value].Value),
            nameof(GraceInput.GraceDays));

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        var result = await RunFormAsync(
            nameof(Reset),
            texts,
            () => policy.ResetAsync(Reset.UserName, cancellationToken),
            async () =>
            {
                Grace.GraceDays = await policy.GraceDaysAsync(cancellationToken);
                return true;
            },
            new { },
            () => Task.FromResult(texts["Mfa.ResetDone", Reset.UserName.Trim()].Value),
            nameof(ResetInput.UserName));
        return result;
    }

    public sealed class GraceInput
    {
        [Display(Name = "Mfa.GraceDays")]
        [Required(ErrorMessage = "Validation.Required")]
        [Range(0, SecuritySetting.MaxGraceDays, ErrorMessage = "Mfa.GraceDaysRange")]
        public int? GraceDays { get; set; }
    }

    public sealed class ResetInput
    {
        [Display(Name = "Accounts.UserName")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        public string UserName { get; set; } = string.Empty;
    }
}
