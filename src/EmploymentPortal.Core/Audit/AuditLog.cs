using System.Text.Json;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Audit;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Core.Audit;

/// <summary>
/// Adds audit events to the context, so they are saved in the same transaction as the change.
/// Snapshots are small anonymous objects chosen by the caller; they must not hold full ID numbers.
/// </summary>
public sealed class AuditLog(PortalDbContext db, ICurrentActor actor, BusinessClock clock)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Add(string action, string entityType, string entityId, string? regionCode, object? before, object? after) =>
        db.AuditEvents.Add(AuditEvent.Record(
            clock.UtcNow,
            actor.UserId,
            actor.Name,
            action,
            entityType,
            entityId,
            regionCode,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json)));
}
