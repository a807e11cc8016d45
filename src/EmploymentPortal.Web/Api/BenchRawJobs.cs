using System.Text;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Web.Pages.Jobs;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// <c>/bench/raw-jobs</c>, for the load benchmark only (<c>bench/jobs-throughput.sh</c>,
/// docs/benchmarks.md): mapped only with <c>Portal:Bench:RawJobsEndpoint=true</c>, off by default
/// and never set in service (EndpointTests checks it answers 404 by default). It runs the very same
/// SQL as <c>/Jobs</c> and writes the rows as plain text, the yardstick the page's throughput is
/// measured against.
/// </summary>
public static class BenchRawJobs
{
    public const string Path = "/bench/raw-jobs";

    public static void MapIfEnabled(WebApplication app, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Bench.RawJobsEndpoint)
        {
            return;
        }

        app.MapGet(Path, async (HttpRequest request, HttpResponse response, JobSearch search, UnscopedReads unscoped, CancellationToken cancellationToken) =>
        {
            var prepared = await search.PrepareAsync(SearchParameters.From(request.Query).ToQuery(), null, cancellationToken);
            var connection = await unscoped.OpenPublicListingsAsync(cancellationToken);
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
