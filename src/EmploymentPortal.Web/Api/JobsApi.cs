using System.Text;
using EmploymentPortal.Application.Jobs;
using EmploymentPortal.Infrastructure.Jobs;
using EmploymentPortal.Infrastructure.Persistence;
using EmploymentPortal.Web.Pages.Jobs;
using EmploymentPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// <c>/api/jobs</c>: the public search as JSON, the same parameters as <c>/Jobs</c>. With
/// <c>Portal:Bench:RawJobsEndpoint=true</c> (benchmarks only, off by default) also
/// <c>/bench/raw-jobs</c>, which runs the very same SQL and writes the rows as plain text, the
/// yardstick the page's throughput is measured against (docs/benchmarks.md).
/// </summary>
public static class JobsApi
{
    public const string RawPath = "/bench/raw-jobs";

    public static void Map(WebApplication app, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        app.MapGet(PublicPages.JobsApi, async (HttpRequest request, IJobSearch search, CancellationToken cancellationToken) =>
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

        if (options.Bench.RawJobsEndpoint)
        {
            app.MapGet(RawPath, async (HttpRequest request, HttpResponse response, JobSearch search, PortalDbContext db, CancellationToken cancellationToken) =>
            {
                var prepared = await search.PrepareAsync(SearchParameters.From(request.Query).ToQuery(), null, cancellationToken);
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await connection.OpenAsync(cancellationToken);
                await using var batch = prepared.CreateBatch(connection);
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                var text = new StringBuilder();
                do
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            text.Append(reader.GetValue(i)).Append('\t');
                        }

                        text.Append('\n');
                    }
                }
                while (await reader.NextResultAsync(cancellationToken));
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(text.ToString(), cancellationToken);
            }).AllowAnonymous();
        }
    }
}
