using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace EmploymentPortal.TestCommon;

/// <summary>An HTTP client for page tests: reads pages as DOM and submits their forms like a browser.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        return (response, await Html.ParseAsync(response));
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, fills the form in <c>main</c> (the first, or the one holding
    /// <paramref name="formSelector"/>) with <paramref name="fields"/>, keeps its other inputs
    /// (hidden fields, antiforgery token) and posts it to its action.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, IReadOnlyDictionary<string, string> fields, string formSelector = "main form[method=post]")
    {
        var (response, document) = await GetPageAsync(pageUrl);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)response.StatusCode}.");
        }

        var form = document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await PostFormAsync(form, pageUrl, fields);
    }

    /// <summary>Clicks a submit button: its form's controls go to the button's <c>formaction</c> (a page handler) or the form's action.</summary>
    public async Task<HttpResponseMessage> ClickAsync(string pageUrl, string buttonSelector, IReadOnlyDictionary<string, string> fields)
    {
        var (_, document) = await GetPageAsync(pageUrl);
        var button = document.QuerySelector<IHtmlButtonElement>(buttonSelector)
            ?? throw new InvalidOperationException($"No button '{buttonSelector}' on {pageUrl}.");
        var form = button.Form ?? throw new InvalidOperationException($"Button '{buttonSelector}' is outside a form.");

        // Like a browser, the clicked button's own name and value go with the form.
        if (button.GetAttribute("name") is { Length: > 0 } name && !fields.ContainsKey(name))
        {
            fields = new Dictionary<string, string>(fields) { [name] = button.Value };
        }

        return await PostFormAsync(form, pageUrl, fields, button.GetAttribute("formaction"));
    }

    public async Task<HttpResponseMessage> PostFormAsync(IHtmlFormElement form, string pageUrl, IReadOnlyDictionary<string, string> fields, string? actionOverride = null)
    {
        // Like a browser: every named control's current value (checked boxes only, the selected
        // option of a select), then the test's own values replace those of the same name.
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        values.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "password" }:
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    values.Add(new(name, option?.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }

        values.AddRange(fields);
        var action = actionOverride ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>
    /// Follows a redirect to a background task's page (docs/adr/0007) and reloads it until the task
    /// has finished, as the page's own refresh does; returns the finished page. Any other response
    /// (an error found before the task was queued) is returned as it is.
    /// </summary>
    public async Task<HttpResponseMessage> FollowTaskAsync(HttpResponseMessage response, string query = "")
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location || !location.OriginalString.Contains("/Tasks/", StringComparison.Ordinal))
        {
            return response;
        }

        for (var attempt = 0; attempt < 2400; attempt++)
        {
            var page = await GetAsync(location.OriginalString + query);
            var html = await page.Content.ReadAsStringAsync();
            if (page.StatusCode != HttpStatusCode.OK || html.Contains("data-state=\"Succeeded\"", StringComparison.Ordinal) || html.Contains("data-state=\"Failed\"", StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"The task at {location} did not finish within a minute.");
    }

    /// <summary>Uploads a file through a page's multipart form, with the form's other controls (and antiforgery token) as a browser sends them.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string pageUrl, string fileField, string fileName, byte[] bytes, IReadOnlyDictionary<string, string> fields)
    {
        var (_, document) = await GetPageAsync(pageUrl);
        var form = document.QuerySelector<IHtmlFormElement>("main form[enctype='multipart/form-data']")
            ?? throw new InvalidOperationException($"No upload form on {pageUrl}.");
        using var content = new MultipartFormDataContent();
        foreach (var element in form.Elements.OfType<IHtmlInputElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == fileField || fields.ContainsKey(name) || (element.Type is "radio" or "checkbox" && !element.IsChecked))
            {
                continue;
            }

            content.Add(new StringContent(element.Value), name);
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, fileField, fileName);
        return await Http.PostAsync(new Uri(pageUrl, UriKind.Relative), content);
    }

    /// <summary>Posts the site-wide form with the given action (e.g. the culture switch or sign-out).</summary>
    public async Task<HttpResponseMessage> PostLayoutFormAsync(string pageUrl, string action, IReadOnlyDictionary<string, string> fields)
    {
        var (_, document) = await GetPageAsync(pageUrl);
        var form = document.QuerySelector<IHtmlFormElement>($"form[action='{action}']")
            ?? throw new InvalidOperationException($"No form posting to {action} on {pageUrl}.");
        return await PostFormAsync(form, pageUrl, fields);
    }

    /// <summary>
    /// How this client completes the second sign-in step (set by the fixtures: the demo
    /// authenticator key on the portal's clock); without it, the sign-in stops at the second step.
    /// </summary>
    public DemoSecondFactor? SecondFactor { get; init; }

    /// <summary>
    /// Signs in through the sign-in form like a user, and, when the portal asks and
    /// <see cref="SecondFactor"/> is set, completes the second step with the demo authenticator
    /// code and a forced change of an admin-set password (to <see cref="DemoSecondFactor.ChangedPassword"/>).
    /// Returns the last response: a redirect when signed in.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password, string? culture = null)
    {
        var response = await SubmitFormAsync(
            "/Identity/Account/Login" + (culture is null ? string.Empty : "?culture=" + culture),
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (SecondFactor is not { } second)
        {
            return response;
        }

        if (RedirectsTo(response, DemoSecondFactor.SecondStepPath) is { } secondStep)
        {
            await second.AllowCodeAgainAsync(userName);
            response.Dispose();
            response = await SubmitFormAsync(secondStep, new Dictionary<string, string> { ["Input.Code"] = second.CodeNow() });
        }

        if (RedirectsTo(response, DemoSecondFactor.ChangePasswordPath) is { } change)
        {
            var changed = DemoSecondFactor.ChangedPassword(password);
            response.Dispose();
            response = await SubmitFormAsync(change, new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = password,
                ["Input.NewPassword"] = changed,
                ["Input.ConfirmPassword"] = changed,
            });
        }

        return response;
    }

    private static string? RedirectsTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } location
            && location.StartsWith(path, StringComparison.OrdinalIgnoreCase)
            ? location
            : null;

    public void Dispose() => Http.Dispose();
}

public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(request => request.Content(html));
    }

    /// <summary>The messages of the error summary's items, without the field name each starts with ("薪资下限：").</summary>
    public static IReadOnlyList<string> Errors(this IDocument document) =>
        document.QuerySelectorAll("[data-testid=error-summary] li")
            .Select(e => e.TextContent.Trim()[(e.QuerySelector(".error-summary-field")?.TextContent.Length ?? 0)..].Trim())
            .ToList();

    /// <summary>The error summary's items as shown ("薪资下限：此项必填"), with the field they link to ('#Input_PayMin'; null for a form-level error).</summary>
    public static IReadOnlyList<(string Text, string? Href)> ErrorItems(this IDocument document) =>
        document.QuerySelectorAll("[data-testid=error-summary] li")
            .Select(e => (e.TextContent.Trim(), e.QuerySelector("a")?.GetAttribute("href")))
            .ToList();

    public static string MainText(this IDocument document) =>
        document.QuerySelector("main")?.TextContent ?? string.Empty;
}
