using System.Data.Common;
using EmploymentPortal.Core.Audit;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Audit;

/// <summary>
/// Audits a signed-in user's denied request (docs/adr/0004): a 403, or a 404 answered by a page,
/// which is what a record outside the caller's area answers (the portal does not tell "not
/// yours" from "not there", so every such 404 is recorded). An address no page serves (a
/// browser's /favicon.ico) is not a denial and is not recorded. The event (<see cref="Action"/>) names
/// the method, the path without its query string, the status and the user. It is written in its
/// own service scope and context after the request's work, so a request that failed or rolled
/// back does not lose it, and a failed write is logged and never changes the response.
/// </summary>
public static class DeniedAccessAudit
{
    public const string Action = "AccessDenied";

    public const string EntityType = "Request";

    /// <summary>Placed after authentication, around authorization and the endpoints.</summary>
    public static IApplicationBuilder UseDeniedAccessAudit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (status is not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
            || (status == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
            || context.User.Identity?.IsAuthenticated != true
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }

        await RecordAsync(context, status);
    });

    private static async Task RecordAsync(HttpContext context, int status)
    {
        var path = (context.Request.PathBase + context.Request.Path).Value ?? "/";
        try
        {
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            audit.Add(Action, EntityType, path, regionCode: null, before: null, after: new { method = context.Request.Method, path, status });
            // Not the request's token: an aborted request still leaves its trace.
            await scope.ServiceProvider.GetRequiredService<Core.Persistence.PortalDbContext>().SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeniedAccessAudit))
                .LogError(e, "The denied access to {Path} ({Status}) could not be audited", path, status);
        }
    }
}
