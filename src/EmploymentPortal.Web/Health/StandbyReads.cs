using EmploymentPortal.Core.Persistence.Standby;
using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Health;

/// <summary>
/// The web side of standby reads (docs/adr/0008-standby-reads.md): the readiness check, and the
/// one place read-your-writes is kept — a short-lived cookie set by any successful POST, while
/// which the user's reads go to the primary.
/// </summary>
public static class StandbyReads
{
    /// <summary>The marker's name (with the <c>__Host-</c> prefix when cookies are secure).</summary>
    public const string CookieName = "ep.rw";

    public static IServiceCollection AddStandbyReadsWeb(this IServiceCollection services, bool secureCookies)
    {
        services.AddSingleton(new RecentWriteCookie(secureCookies ? "__Host-" + CookieName : CookieName, secureCookies));
        services.AddScoped<IRecentWrites, RecentWrites>();
        services.AddHealthChecks().AddCheck<StandbyReadCheck>("standby", tags: ["ready"]);
        return services;
    }

    /// <summary>Marks a user who has just saved something (a POST answered below 400) for <c>Portal:ReadOnly:StickAfterWriteSeconds</c>; only when a standby is configured.</summary>
    public static WebApplication UseRecentWrites(this WebApplication app)
    {
        var routing = app.Services.GetRequiredService<ReadRouting>();
        if (!routing.Configured)
        {
            return app;
        }

        var cookie = app.Services.GetRequiredService<RecentWriteCookie>();
        var clock = app.Services.GetRequiredService<BusinessClock>();
        var stick = TimeSpan.FromSeconds(Math.Max(0, app.Services.GetRequiredService<IOptions<ReadOnlyOptions>>().Value.StickAfterWriteSeconds));
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && stick > TimeSpan.Zero)
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode < StatusCodes.Status400BadRequest)
                    {
                        // The instant (business clock, Unix ms) until which the user reads the primary;
                        // the browser drops the cookie then too.
                        var until = (clock.UtcNow + stick).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                        context.Response.Cookies.Append(cookie.Name, until, new CookieOptions
                        {
                            MaxAge = stick,
                            HttpOnly = true,
                            IsEssential = true,
                            Path = "/",
                            SameSite = SameSiteMode.Lax,
                            Secure = cookie.Secure,
                        });
                    }

                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
        return app;
    }

    /// <summary>
    /// The readiness answer: the status, and for a degraded or failing check its reason on the next
    /// lines (e.g. why a configured standby is not used).
    /// </summary>
    public static async Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = new List<string> { report.Status.ToString() };
        lines.AddRange(report.Entries.Where(e => e.Value.Status == HealthStatus.Degraded).Select(e => $"{e.Key}: {e.Value.Description}"));
        await context.Response.WriteAsync(string.Join('\n', lines));
    }

    /// <summary>The marker cookie's name and whether it is secure.</summary>
    public sealed record RecentWriteCookie(string Name, bool Secure);

    private sealed class RecentWrites(IHttpContextAccessor accessor, RecentWriteCookie cookie, BusinessClock clock) : IRecentWrites
    {
        public bool WroteRecently =>
            accessor.HttpContext?.Request.Cookies.TryGetValue(cookie.Name, out var value) == true
            && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var until)
            && clock.UtcNow.ToUnixTimeMilliseconds() < until;
    }
}

/// <summary>Healthy without a standby or while it is used; Degraded (still HTTP 200: the proxy keeps the instance, reads go to the primary) when a configured standby is not used.</summary>
public sealed class StandbyReadCheck(ReadRouting routing) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!routing.Configured || routing.UseStandby
            ? HealthCheckResult.Healthy(routing.Reason)
            : HealthCheckResult.Degraded(routing.Reason));
}
