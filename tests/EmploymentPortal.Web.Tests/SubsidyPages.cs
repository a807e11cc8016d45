using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>Steps the subsidy tests share: a registered person, a submitted job-development application, its approval.</summary>
internal static class SubsidyPages
{
    public static readonly DateOnly Today = TestClock.Today;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Publishes a notice of the given applications from the county's notices page; returns the notice's id.</summary>
    public static async Task<string> PublishNoticeAsync(this PortalClient county, string title, params string[] ids)
    {
        var (_, page) = await county.GetPageAsync("/Bureau/Notices");
        foreach (var box in page.QuerySelectorAll<IHtmlInputElement>("input[name=Selected]"))
        {
            box.IsChecked = ids.Contains(box.Value);
        }

        var form = page.QuerySelector<IHtmlFormElement>("form:has([data-testid=publish])")!;
        var published = await county.PostFormAsync(form, "/Bureau/Notices", new Dictionary<string, string> { ["Title"] = title }, "/Bureau/Notices?handler=Publish");
        published.StatusCode.Should().Be(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        return published.Headers.Location!.OriginalString.Split('/')[^1];
    }

    public static Dictionary<string, string> JobDevelopmentFacts(DateOnly contractEnd) => new()
    {
        ["ApplicantName"] = "向阳社区便民服务部",
        ["Facts[NewCommunityServiceProject]"] = "true",
        ["Facts[ContractStart]"] = Iso(Today),
        ["Facts[ContractEnd]"] = Iso(contractEnd),
        ["Facts[SocialInsurancePaidOnTime]"] = "true",
    };

    /// <summary>Certifies as an official does: the approve button on a certification request, then the confirmation it asks for.</summary>
    public static async Task<HttpResponseMessage> ApproveCertificationAsync(this PortalClient official, string link)
    {
        var asked = await official.ClickAsync(link, "[data-testid=approve]", new Dictionary<string, string>());
        asked.StatusCode.Should().Be(HttpStatusCode.OK, "certifying asks for confirmation first");
        var page = await Html.ParseAsync(asked);
        var confirm = page.QuerySelector<AngleSharp.Html.Dom.IHtmlButtonElement>("[data-testid=confirm-approve]")!;
        return await official.PostFormAsync(confirm.Form!, link, new Dictionary<string, string>(), confirm.GetAttribute("formaction"));
    }

    /// <summary>Registers an unemployed woman of the given age (or ID number) in community1's community; returns her page's URL.</summary>
    public static async Task<string> RegisteredAsync(this PortalClient staff, string connectionString, string name, int age, string? idNumber = null)
    {
        var url = await staff.RegisterPersonUrlAsync(connectionString, idNumber ?? TestIds.Make(Today.AddYears(-age).AddDays(-3), Sex.Female), name);
        (await staff.SubmitFormAsync(url, new Dictionary<string, string> { ["Registration.RegisteredOn"] = Iso(Today) }, "form[action*=OpenRegistration]")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return url;
    }

    public static string PersonId(string personUrl) => personUrl.Split('/')[^1];

    /// <summary>Submits an eligible community job-development application; returns the person's URL and the application id.</summary>
    public static async Task<(string Person, string Id)> SubmitJobDevelopmentAsync(this PortalClient staff, string connectionString, string name, int contractYears, string? idNumber = null)
    {
        var person = await staff.RegisteredAsync(connectionString, name, 45, idNumber);
        var url = $"/Station/Applications/Edit?personId={PersonId(person)}&scheme=CommunityJobDevelopment";
        var response = await staff.ClickAsync(url, "[data-testid=submit]", JobDevelopmentFacts(Today.AddYears(contractYears).AddDays(-1)));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (person, response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>An application through the standard workflow: community1 submits, street1 reviews, county1 approves.</summary>
    public static async Task<string> ApprovedJobDevelopmentAsync(this PortalFixture portal, string name, string? idNumber = null) =>
        (await portal.ApprovedJobDevelopmentWithPersonAsync(name, idNumber)).Id;

    /// <summary><see cref="ApprovedJobDevelopmentAsync"/>, with the person's page URL.</summary>
    public static async Task<(string Person, string Id)> ApprovedJobDevelopmentWithPersonAsync(this PortalFixture portal, string name, string? idNumber = null)
    {
        using var community = await portal.SignInAsync("community1");
        var (person, id) = await community.SubmitJobDevelopmentAsync(portal.ConnectionString, name, 3, idNumber);
        foreach (var official in new[] { "street1", "county1" })
        {
            using var client = await portal.SignInAsync(official);
            (await client.ClickAsync($"/Applications/{id}", "[data-testid=approve]", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        return (person, id);
    }
}
