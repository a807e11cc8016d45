using System.Net;
using System.Text.RegularExpressions;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// A wide table's scrolling wrapper (<c>&lt;div class="table-wrap"&gt;</c>, every page's) can be scrolled with the
/// keyboard and is announced: it takes the focus (<c>tabindex="0"</c>, so the arrow keys scroll it on a phone) and is a
/// named region, named after the table's caption or else "table, scrolls sideways" (axe-core rule
/// <c>scrollable-region-focusable</c>, WCAG 2.1.1). A wrapper with its own <c>aria-label</c> keeps it.
/// </summary>
[HtmlTargetElement("div", Attributes = "class")]
public sealed partial class ScrollableTableTagHelper(IStringLocalizer<Texts> texts) : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.TryGetAttribute("class", out var classes)
            || !(classes.Value?.ToString() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("table-wrap"))
        {
            return;
        }

        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("tabindex", "0");
        if (!output.Attributes.ContainsName("aria-label"))
        {
            var caption = Caption().Match((await output.GetChildContentAsync()).GetContent());
            var label = caption.Success ? Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, " ")), " ").Trim() : string.Empty;
            output.Attributes.SetAttribute("aria-label", label.Length > 0 ? label : texts["A11y.ScrollableTable"].Value);
        }
    }

    [GeneratedRegex(@"<caption\b[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
