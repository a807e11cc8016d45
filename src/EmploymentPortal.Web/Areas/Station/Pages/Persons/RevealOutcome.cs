using System.Globalization;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>What a page answers to a refused reveal (the ID number on the person's page, the phone on the edit page).</summary>
public static class RevealOutcome
{
    /// <summary>The form field of the reason for a reveal.</summary>
    public const string ReasonField = "RevealReason";

    /// <summary>
    /// Null when the reveal went through or the person was not found (the page decides); otherwise an error on the
    /// reason field (status 400, the page shown again) or, past the day's limit, 429 with <c>Retry-After</c>.
    /// </summary>
    public static IActionResult? Refusal(RevealResult result, HttpResponse response, ModelStateDictionary modelState, IStringLocalizer<Texts> texts)
    {
        switch (result.Refusal)
        {
            case RevealRefusal.ReasonRequired:
            case RevealRefusal.ReasonInvalid:
                modelState.AddModelError(ReasonField, texts[result.Refusal == RevealRefusal.ReasonRequired ? "Reveal.ReasonRequired" : "Reveal.ReasonInvalid", PersonReveals.ReasonMaxLength]);
                response.StatusCode = StatusCodes.Status400BadRequest;
                return null;
            case RevealRefusal.LimitReached:
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            default:
                return null;
        }
    }
}

/// <summary>A page with the reveal form's reason field (rendered by <c>_RevealReason</c>).</summary>
public interface IRevealReasonForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Reveal.Reason")]
    string? RevealReason { get; }
}
