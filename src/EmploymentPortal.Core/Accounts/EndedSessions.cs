using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Accounts;

/// <summary>A sign-in session that was ended (sign-out): a cookie naming it is refused from then on, on every instance.</summary>
public sealed class EndedSession
{
    public Guid SessionId { get; init; }

    public Guid AccountId { get; init; }

    public DateTimeOffset EndedAt { get; init; }
}

/// <summary>
/// The server-side list of ended sessions (docs/operations.md, "Sessions"). Every sign-in cookie
/// carries a session id (<c>ep:sid</c>); sign-out records it here, and each authenticated request
/// looks it up by primary key, so a copy of the cookie is dead at once instead of at the next
/// security-stamp check. A row is useful only while a cookie of that session could still be
/// inside its absolute lifetime; older rows are deleted as new ones are written.
/// </summary>
public sealed class EndedSessions(PortalDbContext db, PortalConnections connections, BusinessClock clock)
{
    /// <summary>
    /// Whether a session was ended. Read on a connection of its own: it runs while the request is
    /// still being authenticated, before the context may learn the request's scope.
    /// </summary>
    public async Task<bool> IsEndedAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connections.App);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM ended_sessions WHERE session_id = @id)", connection);
        command.Parameters.AddWithValue("id", sessionId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task EndAsync(Guid sessionId, Guid accountId, TimeSpan absoluteLifetime, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var expired = now - absoluteLifetime - TimeSpan.FromMinutes(5);
        await db.EndedSessions.Where(s => s.EndedAt < expired).ExecuteDeleteAsync(cancellationToken);
        if (!await db.EndedSessions.AnyAsync(s => s.SessionId == sessionId, cancellationToken))
        {
            db.EndedSessions.Add(new EndedSession { SessionId = sessionId, AccountId = accountId, EndedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
