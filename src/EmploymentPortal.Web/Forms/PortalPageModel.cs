using EmploymentPortal.Core.Common;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>Adds a service's errors (localization keys) to model state under the form's prefix (none for a page's own properties).</summary>
    protected void AddErrors(CommandResult result, IStringLocalizer texts, string prefix = "Input")
    {
        foreach (var (field, key) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 || prefix.Length == 0 ? field : $"{prefix}.{field}", texts[key]);
        }
    }

    /// <summary>
    /// Runs a page's one form: when the posted values are valid, the command; on success a message
    /// (<paramref name="successKey"/>) and a redirect back to the page (<paramref name="routeValues"/>),
    /// or to <paramref name="pageName"/>; otherwise the page again with the errors and what was
    /// typed (<paramref name="reload"/> false means not found).
    /// </summary>
    protected Task<IActionResult> CommandAsync(
        IStringLocalizer texts,
        Func<Task<CommandResult>> command,
        string successKey,
        object routeValues,
        Func<Task<bool>> reload,
        string? pageName = null) =>
        CommandAsync(texts, command, () => texts[successKey].Value, routeValues, reload, pageName);

    /// <summary><see cref="CommandAsync(IStringLocalizer, Func{Task{CommandResult}}, string, object, Func{Task{bool}}, string?)"/> with a message made after success (what happened, to whom).</summary>
    protected async Task<IActionResult> CommandAsync(
        IStringLocalizer texts,
        Func<Task<CommandResult>> command,
        Func<string> done,
        object routeValues,
        Func<Task<bool>> reload,
        string? pageName = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(reload);
        if (ModelState.IsValid)
        {
            var result = await command();
            if (result.Succeeded)
            {
                TempData["Message"] = done();
                return RedirectToPage(pageName, routeValues);
            }

            AddErrors(result, texts, prefix: string.Empty);
        }

        return await reload() ? InvalidPage() : NotFound();
    }

    /// <summary>
    /// Runs one of several forms on a page: validates only the posted form (its model-state keys
    /// start with <paramref name="form"/>), requires <paramref name="requiredFields"/>, runs the
    /// command, and on success redirects back with the message <paramref name="done"/> makes (what
    /// happened, to whom: never a bare "saved"); otherwise re-renders with the errors next to their
    /// fields and what was typed (<paramref name="reload"/> false means not found).
    /// </summary>
    protected async Task<IActionResult> RunFormAsync(
        string form,
        IStringLocalizer texts,
        Func<Task<CommandResult>> command,
        Func<Task<bool>> reload,
        object routeValues,
        Func<Task<string>> done,
        params string[] requiredFields)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        foreach (var field in requiredFields.Select(f => $"{form}.{f}"))
        {
            if (Request.Form[field].ToString().Trim().Length == 0 && ModelState[field]?.Errors.Count is null or 0)
            {
                ModelState.AddModelError(field, texts["Validation.Required"]);
            }
        }

        if (ModelState.IsValid)
        {
            var result = await command();
            if (result.Succeeded)
            {
                TempData["Message"] = await done();
                return RedirectToPage(routeValues);
            }

            AddErrors(result, texts, form);
        }

        return await reload() ? InvalidPage() : NotFound();
    }
}
