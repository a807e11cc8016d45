using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Web.Pages.Jobs;
using EmploymentPortal.Web.Security;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// <c>/api/jobs</c>: the public search as JSON, the same parameters as <c>/Jobs</c>
/// (docs/policy-rules.md, Jobs: public search). The benchmark's yardstick is apart, in
/// <see cref="BenchRawJobs"/>.
/// </summary>
public static class JobsApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet(PublicPages.JobsApi, async (HttpRequest request, JobSearch search, CancellationToken cancellationToken) =>
        {
            var parameters = SearchParameters.From(request.Query);
            var result = await search.SearchAsync(parameters.ToQuery(), cancellationToken);
            return Results.Json(new
            {
                count = result.Count,
                countCapped = result.CountCapped,
                next = result.Next is null ? null : (parameters with { Page = result.Next }).Url(PublicPages.JobsApi),
                items = result.Hits.Select(h => new
                {
                    id = h.Id,
                    url = "/Jobs/" + h.Id,
                    title = h.Title,
                    employer = h.EmployerName,
                    region = h.RegionName,
                    occupation = h.OccupationCode,
                    type = h.Type.ToString(),
                    payMin = h.PayMin,
                    payMax = h.PayMax,
                    publishedAt = h.PublishedAt,
                }),
            });
        }).AllowAnonymous();
    }
}
