using System.Globalization;
using System.Text.Json;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Domain.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Pages.Jobs;

/// <summary>One published posting, with schema.org JobPosting data for search engines; anything else is 404.</summary>
[AllowAnonymous]
public sealed class DetailModel(JobSearch search) : PageModel
{
    public PublicPosting Posting { get; private set; } = null!;

    /// <summary>The JSON-LD of the posting (System.Text.Json escapes &lt; and &gt;, so it cannot end the script element).</summary>
    public string JsonLd { get; private set; } = string.Empty;

    /// <summary>Where 返回岗位搜索 leads: the search the visitor came from (a validated /Jobs address), else /Jobs.</summary>
    public string Back { get; private set; } = "/Jobs";

    public async Task<IActionResult> OnGetAsync(Guid id, string? returnUrl, CancellationToken cancellationToken)
    {
        Back = SearchParameters.BackUrl(returnUrl) ?? "/Jobs";
        var posting = await search.GetPublishedAsync(id, cancellationToken);
        if (posting is null)
        {
            return NotFound();
        }

        Posting = posting;
        JsonLd = JobPostingJsonLd.Write(posting);
        return Page();
    }
}

/// <summary>schema.org <c>JobPosting</c> (https://schema.org/JobPosting) of a public posting.</summary>
public static class JobPostingJsonLd
{
    public static string Write(PublicPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var inv = CultureInfo.InvariantCulture;
        var document = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "JobPosting",
            ["title"] = posting.Title,
            ["description"] = posting.Description,
            ["identifier"] = new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["name"] = posting.EmployerName, ["value"] = posting.Id.ToString() },
            ["datePosted"] = posting.PublishedAt.ToString("yyyy-MM-dd", inv),
            ["validThrough"] = posting.ValidTo.ToString("yyyy-MM-dd", inv) + "T23:59:59+08:00",
            ["employmentType"] = EmploymentType(posting.Type),
            ["totalJobOpenings"] = posting.Headcount,
            ["hiringOrganization"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = posting.EmployerName, ["taxID"] = posting.EmployerCreditCode },
            ["jobLocation"] = new Dictionary<string, object?>
            {
                ["@type"] = "Place",
                ["address"] = new Dictionary<string, object?>
                {
                    ["@type"] = "PostalAddress",
                    ["addressCountry"] = "CN",
                    ["addressRegion"] = posting.RegionPath.Count > 0 ? posting.RegionPath[0] : null,
                    ["addressLocality"] = posting.RegionPath.Count > 1 ? posting.RegionPath[1] : null,
                    ["streetAddress"] = string.Concat(posting.RegionPath.Skip(2)),
                },
            },
            ["baseSalary"] = new Dictionary<string, object?>
            {
                ["@type"] = "MonetaryAmount",
                ["currency"] = "CNY",
                ["value"] = new Dictionary<string, object?> { ["@type"] = "QuantitativeValue", ["minValue"] = posting.PayMin, ["maxValue"] = posting.PayMax, ["unitText"] = "MONTH" },
            },
        };
        return JsonSerializer.Serialize(document);
    }

    /// <summary>The schema.org employment types (Google's list); public-welfare and community posts are full time unless said otherwise.</summary>
    private static string EmploymentType(PostingType type) => type switch
    {
        PostingType.PartTime => "PART_TIME",
        PostingType.Temporary or PostingType.Seasonal => "TEMPORARY",
        _ => "FULL_TIME",
    };
}
