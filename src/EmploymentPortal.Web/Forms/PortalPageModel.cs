using EmploymentPortal.Application.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Forms;

/// <summary>Shared page-model behaviour: a rejected form re-renders with status 400 and keeps what was typed.</summary>
public abstract class PortalPageModel : PageModel
{
    protected PageResult InvalidPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Adds a service's errors (localization keys) to model state under the form's prefix.</summary>
    protected void AddErrors(CommandResult result, IStringLocalizer texts, string prefix = "Input")
    {
        foreach (var (field, key) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? string.Empty : $"{prefix}.{field}", texts[key]);
        }
    }
}
