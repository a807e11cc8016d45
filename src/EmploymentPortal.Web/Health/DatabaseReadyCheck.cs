using EmploymentPortal.Core.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmploymentPortal.Web.Health;

/// <summary>Ready when PostgreSQL answers through the portal's own context.</summary>
public sealed class DatabaseReadyCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
