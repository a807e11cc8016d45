using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// A form with rules between its fields (a salary range, a date range, a venue unless online).
/// The rules themselves are the domain's (one place); the form only hands them the typed values.
/// </summary>
public interface IFormRules
{
    /// <summary>The rules broken by the values typed (field, text key); a rule of two fields only when both are typed.</summary>
    IEnumerable<(string Field, string MessageKey)> RuleErrors(DateOnly today);
}

/// <summary>
/// Checks the rules between fields of every posted form (<see cref="IFormRules"/>) together with
/// its data annotations, before the handler runs: a missing field no longer hides a reversed range
/// until the next round. A field that already has an error keeps that one.
/// </summary>
public sealed class FormRulesFilter(IStringLocalizer<Texts> texts, BusinessClock clock) : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            return;
        }

        foreach (var property in context.HandlerInstance.GetType().GetProperties())
        {
            if (property.GetCustomAttributes(typeof(BindPropertyAttribute), inherit: true).Length == 0
                || property.GetValue(context.HandlerInstance) is not IFormRules form)
            {
                continue;
            }

            foreach (var (field, key) in form.RuleErrors(clock.Today))
            {
                var name = field.Length == 0 ? string.Empty : property.Name + "." + field;
                if (context.ModelState[name]?.Errors.Count is null or 0)
                {
                    context.ModelState.AddModelError(name, texts[key]);
                }
            }
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
