using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.TestCommon;

/// <summary>Staff actions through the registry's pages, as a browser would do them.</summary>
public static class RegistryPages
{
    /// <summary>Registers an unemployed, able, willing urban resident; the response redirects to the person's page.</summary>
    public static async Task<HttpResponseMessage> RegisterPersonAsync(
        this PortalClient client,
        string connectionString,
        string idNumber,
        string name,
        string? phone = null,
        string? regionCode = null,
        string employmentStatus = "Unemployed")
    {
        var fields = new Dictionary<string, string>
        {
            ["IdNumber"] = idNumber,
            ["Input.Name"] = name,
            ["Input.Phone"] = phone ?? string.Empty,
            ["Input.Address"] = "潍城区向阳路 8 号",
            ["Input.Hukou"] = "Urban",
            ["Input.Education"] = "JuniorHigh",
            ["Input.EmploymentStatus"] = employmentStatus,
            ["Input.LaborCapacity"] = "Full",
            ["Input.WantsWork"] = "true",
        };
        if (regionCode is not null)
        {
            fields["RegionId"] = (await RegionAsync(connectionString, regionCode)).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            var (_, form) = await client.GetPageAsync("/Station/Persons/Register");
            fields["RegionId"] = form.QuerySelector("#RegionId option[selected]")?.GetAttribute("value")
                ?? (await RegionAsync(connectionString, Community1)).ToString(CultureInfo.InvariantCulture);
        }

        return await client.SubmitFormAsync("/Station/Persons/Register", fields);
    }

    /// <summary>Registers a person and returns their page's URL.</summary>
    public static async Task<string> RegisterPersonUrlAsync(this PortalClient client, string connectionString, string idNumber, string name, string? regionCode = null, string employmentStatus = "Unemployed")
    {
        var response = await client.RegisterPersonAsync(connectionString, idNumber, name, null, regionCode, employmentStatus);
        return response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Registration of {name} failed: {(int)response.StatusCode}");
    }

    /// <summary>Ends a person's unemployment registration as staff do: on its confirmation page, with the date and the reason (neither filled in beforehand).</summary>
    public static Task<HttpResponseMessage> EndRegistrationAsync(this PortalClient staff, string personUrl, string endedOn, string reason) =>
        staff.SubmitFormAsync(personUrl + "/EndRegistration", new Dictionary<string, string> { ["EndedOn"] = endedOn, ["EndReason"] = reason });

    /// <summary>Requests certification in a hardship category on the request's own page (with the reason it asks for when today's check does not say "eligible").</summary>
    public static Task<HttpResponseMessage> RequestCertificationAsync(this PortalClient staff, string personUrl, string category, string? overrideReason = null) =>
        staff.SubmitFormAsync(
            $"{personUrl}/RequestCertification/{category}",
            overrideReason is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["OverrideReason"] = overrideReason });

    /// <summary>
    /// Creates a household through its pages with the person at <paramref name="headUrl"/> as head
    /// and <paramref name="members"/> (ID number, relationship) at once: the form, then the check
    /// page's confirmation. Returns the household page's URL.
    /// </summary>
    public static async Task<string> CreateHouseholdUrlAsync(this PortalClient client, string headUrl, params (string IdNumber, string Relationship)[] members)
    {
        var url = "/Station/Households/Create/" + headUrl.Split('/').Last();
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < members.Length; i++)
        {
            fields[$"Members[{i}].IdNumber"] = members[i].IdNumber;
            fields[$"Members[{i}].Relationship"] = members[i].Relationship;
        }

        var response = await client.SubmitFormAsync(url, fields);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var check = await Html.ParseAsync(response);
            var form = check.QuerySelector("[data-testid=confirm]")?.Closest("form") as IHtmlFormElement
                ?? throw new InvalidOperationException($"No check page for the household of {headUrl}: {string.Join("; ", check.Errors())}");
            response = await client.PostFormAsync(form, url, new Dictionary<string, string>());
        }

        return response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"Household of {headUrl} not created: {(int)response.StatusCode}");
    }
}
