using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Audit;

/// <summary>What the audit administrator filters the trail by; every part optional.</summary>
public sealed record AuditQuery(DateTimeOffset? From, DateTimeOffset? To, string? Action, string? EntityType, string? Actor, int Page, int PageSize = 50);

/// <summary>
/// One audit event as the audit administrator reads it: who did what to which record, when and in
/// which area. The before/after snapshots stay out: they hold names and other personal data of the
/// cases, which the audit administrator does not read (ADR 0005).
/// </summary>
public sealed record AuditTrailRow(long Id, DateTimeOffset OccurredAt, string ActorName, string Action, string EntityType, string EntityId, string? RegionCode);

/// <summary>The read-only audit trail of the audit administrator (<see cref="Capabilities.ReadAudit"/>); it changes nothing.</summary>
public sealed class AuditTrail(PortalDbContext db, ICurrentActor actor)
{
    public async Task<PagedResult<AuditTrailRow>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequireReader();

        var events = db.AuditEvents.AsNoTracking();
        if (query.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            events = events.Where(e => e.OccurredAt < to);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            events = events.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            var type = query.EntityType.Trim();
            events = events.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var pattern = "%" + LikePattern.Escape(query.Actor.Trim()) + "%";
            events = events.Where(e => EF.Functions.ILike(e.ActorName, pattern, LikePattern.EscapeCharacter));
        }

        var total = await events.CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var items = await events
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * query.PageSize).Take(query.PageSize)
            .Select(e => new AuditTrailRow(e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, e.RegionCode))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditTrailRow>(items, page, query.PageSize, total);
    }

    /// <summary>The actions and entity types that occur, for the filter lists.</summary>
    public async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes)> FilterOptionsAsync(CancellationToken cancellationToken)
    {
        RequireReader();
        var actions = await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var types = await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return (actions, types);
    }

    private void RequireReader()
    {
        if (!actor.Can(Capabilities.ReadAudit))
        {
            throw new UnauthorizedAccessException("Reading the audit trail needs the ReadAudit capability.");
        }
    }
}
