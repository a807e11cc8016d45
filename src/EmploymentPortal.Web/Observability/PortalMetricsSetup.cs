using EmploymentPortal.Core.Observability;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace EmploymentPortal.Web.Observability;

/// <summary>
/// OpenTelemetry metrics (issue 17, "Metrics"; docs/adr/0010-metrics.md): ASP.NET Core, HttpClient, the .NET
/// runtime, Npgsql and the portal's own <see cref="PortalMetrics"/>, served as Prometheus text at
/// <see cref="MetricsSettings.Path"/> to the callers <see cref="MetricsAccess"/> admits; everyone else gets 404.
/// </summary>
public static class PortalMetricsSetup
{
    /// <summary>The service's name in <c>target_info</c> (each instance gets its own <c>service_instance_id</c>).</summary>
    public const string ServiceName = "EmploymentPortal";

    public static WebApplicationBuilder AddPortalMetrics(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = Settings(builder.Configuration);
        if (!settings.Enabled)
        {
            return builder;
        }

        builder.Services.AddSingleton(new MetricsAccess(settings));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(PortalMetrics.MeterName)
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0)); // Every scrape sees now.
        return builder;
    }

    /// <summary>
    /// The scrape endpoint, after the forwarded headers (so the client's address is the one a trusted proxy
    /// names) and the status pages (so a refused caller sees the same 404 page as for any missing page).
    /// </summary>
    public static WebApplication UsePortalMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!Settings(app.Configuration).Enabled)
        {
            return app;
        }

        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path.Equals(MetricsSettings.Path, StringComparison.OrdinalIgnoreCase),
            path: null,
            configureBranchedPipeline: branch => branch.Use((context, next) =>
            {
                if (access.Allows(context))
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }),
            optionsName: null);
        return app;
    }

    private static MetricsSettings Settings(IConfiguration configuration) =>
        configuration.GetSection(MetricsSettings.Section).Get<MetricsSettings>() ?? new MetricsSettings();
}
