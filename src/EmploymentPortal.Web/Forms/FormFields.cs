using System.Linq.Expressions;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// Form fields in the GOV.UK pattern, in one place: label, optional hint, inline error wired
/// with <c>aria-describedby</c>, and the typed value kept after a rejected POST (never for passwords).
/// </summary>
public static class FormFields
{
    public static IHtmlContent Field<TModel, TValue>(
        this IHtmlHelper<TModel> html,
        Expression<Func<TModel, TValue>> expression,
        string type = "text",
        string? hint = null,
        string? autocomplete = null,
        bool autofocus = false)
    {
        var (id, name, label, error) = Describe(html, expression);
        var value = type == "password" ? null : html.ValueFor(expression);
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("input");
        input.MergeAttribute("id", id);
        input.MergeAttribute("name", name);
        input.MergeAttribute("type", type);
        if (!string.IsNullOrEmpty(value))
        {
            input.MergeAttribute("value", value);
        }

        if (autocomplete is not null)
        {
            input.MergeAttribute("autocomplete", autocomplete);
        }

        if (autofocus)
        {
            input.MergeAttribute("autofocus", "autofocus");
        }

        return Wrap(id, label, hint, error, input);
    }

    public static IHtmlContent TextAreaField<TModel, TValue>(
        this IHtmlHelper<TModel> html,
        Expression<Func<TModel, TValue>> expression,
        string? hint = null,
        int rows = 6)
    {
        var (id, name, label, error) = Describe(html, expression);
        var area = new TagBuilder("textarea");
        area.AddCssClass("input");
        area.MergeAttribute("id", id);
        area.MergeAttribute("name", name);
        area.MergeAttribute("rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        area.InnerHtml.Append(html.ValueFor(expression) ?? string.Empty);
        return Wrap(id, label, hint, error, area);
    }

    public static IHtmlContent SelectField<TModel, TValue>(
        this IHtmlHelper<TModel> html,
        Expression<Func<TModel, TValue>> expression,
        IEnumerable<SelectListItem> options,
        string? emptyOption = null,
        string? hint = null)
    {
        var (id, name, label, error) = Describe(html, expression);
        var current = html.ValueFor(expression);
        var select = new TagBuilder("select");
        select.AddCssClass("input");
        select.MergeAttribute("id", id);
        select.MergeAttribute("name", name);
        if (emptyOption is not null)
        {
            var empty = new TagBuilder("option");
            empty.MergeAttribute("value", string.Empty);
            empty.InnerHtml.Append(emptyOption);
            select.InnerHtml.AppendHtml(empty);
        }

        foreach (var item in options)
        {
            var option = new TagBuilder("option");
            option.MergeAttribute("value", item.Value);
            // Case-insensitive: a bool renders as "True"/"False", its options are "true"/"false".
            if (string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase))
            {
                option.MergeAttribute("selected", "selected");
            }

            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }

        return Wrap(id, label, hint, error, select);
    }

    private static (string Id, string Name, string Label, string? Error) Describe<TModel, TValue>(
        IHtmlHelper<TModel> html, Expression<Func<TModel, TValue>> expression)
    {
        var name = html.NameFor(expression);
        var id = html.IdFor(expression);
        var label = html.DisplayNameFor(expression);
        var entry = html.ViewData.ModelState[name];
        var error = entry?.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            ? entry.Errors.FirstOrDefault()?.ErrorMessage
            : null;
        return (id, name, label, error);
    }

    private static TagBuilder Wrap(string id, string label, string? hint, string? error, TagBuilder control)
    {
        var describedBy = new List<string>();
        var field = new TagBuilder("div");
        field.AddCssClass("field");
        var labelTag = new TagBuilder("label");
        labelTag.AddCssClass("label");
        labelTag.MergeAttribute("for", id);
        labelTag.InnerHtml.Append(label);
        field.InnerHtml.AppendHtml(labelTag);
        if (hint is not null)
        {
            var hintTag = new TagBuilder("p");
            hintTag.AddCssClass("hint");
            hintTag.MergeAttribute("id", id + "-hint");
            hintTag.InnerHtml.Append(hint);
            field.InnerHtml.AppendHtml(hintTag);
            describedBy.Add(id + "-hint");
        }

        if (error is not null)
        {
            field.AddCssClass("field--error");
            var errorTag = new TagBuilder("p");
            errorTag.AddCssClass("field-error");
            errorTag.MergeAttribute("id", id + "-error");
            errorTag.InnerHtml.Append(error);
            field.InnerHtml.AppendHtml(errorTag);
            describedBy.Add(id + "-error");
            control.MergeAttribute("aria-invalid", "true");
        }

        if (describedBy.Count > 0)
        {
            control.MergeAttribute("aria-describedby", string.Join(' ', describedBy));
        }

        field.InnerHtml.AppendHtml(control);
        return field;
    }

    /// <summary>
    /// The errors of a rejected form in the order its fields are declared (the order they appear
    /// on the page), form-level errors first, as the GOV.UK error summary wants.
    /// </summary>
    public static IReadOnlyList<(string Key, string Message)> OrderedErrors(ViewDataDictionary viewData) =>
        viewData.ModelState
            .SelectMany(entry => entry.Value!.Errors.Select(error => (entry.Key, error.ErrorMessage)))
            .OrderBy(item => DeclarationOrder(viewData.ModelMetadata, item.Key))
            .ToList();

    private static long DeclarationOrder(ModelMetadata metadata, string key)
    {
        if (key.Length == 0)
        {
            return -1;
        }

        long order = 0;
        var current = metadata;
        foreach (var part in key.Split('.'))
        {
            var properties = current.Properties.ToList();
            var index = properties.FindIndex(p => p.PropertyName == part);
            if (index < 0)
            {
                return long.MaxValue;
            }

            order = (order * 100) + index;
            current = properties[index];
        }

        return order;
    }

    /// <summary>
    /// The label of the field a model-state key names, from the same display name the form's label
    /// shows (in the current language); null for a form-level error or a key of no labelled property.
    /// An indexed key (<c>Values[x]</c>) names its property.
    /// </summary>
    public static string? FieldLabel(ViewDataDictionary viewData, string modelStateKey)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        if (string.IsNullOrEmpty(modelStateKey))
        {
            return null;
        }

        // A page property bound under another name ([BindProperty(Name = "Certification.OverrideReason")]).
        var current = viewData.ModelMetadata;
        if (current.Properties.FirstOrDefault(p => p.BinderModelName == modelStateKey) is { } renamed)
        {
            return renamed.DisplayName is { Length: > 0 } renamedLabel ? renamedLabel : null;
        }

        foreach (var part in modelStateKey.Split('.'))
        {
            var name = part.Split('[', 2)[0];
            current = current.Properties.FirstOrDefault(p => p.PropertyName == name)
                ?? (current.ElementMetadata ?? current).Properties.FirstOrDefault(p => p.PropertyName == name);
            if (current is null)
            {
                return null;
            }
        }

        return current.DisplayName is { Length: > 0 } label ? label : null;
    }

    /// <summary>The HTML id ASP.NET Core gives the input bound to a model-state key.</summary>
    public static string FieldId(string modelStateKey) =>
        TagBuilder.CreateSanitizedId(modelStateKey, "_");

    /// <summary>Encodes text for an attribute or element (used by the error summary).</summary>
    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
