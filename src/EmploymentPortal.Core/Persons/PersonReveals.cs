using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Core.Persons;

/// <summary>How many full numbers one user may reveal in one business day (<c>Portal:RateLimits:RevealsPerDay</c>).</summary>
public sealed class RevealLimitOptions
{
    public int RevealsPerDay { get; set; } = 50;
}

/// <summary>Why a reveal was refused.</summary>
public enum RevealRefusal
{
    None,
    NotFound,
    ReasonRequired,
    ReasonInvalid,
    LimitReached,
}

/// <summary>The full value, or why not; <see cref="RetryAfter"/> is the time to the next business day when the day's limit is reached.</summary>
public sealed record RevealResult(string? Value, RevealRefusal Refusal, TimeSpan RetryAfter = default)
{
    public static RevealResult Refused(RevealRefusal refusal, TimeSpan retryAfter = default) => new(null, refusal, retryAfter);
}

/// <summary>
/// The one way to see a person's full ID or phone number (issue 15): a reason is required and kept in the audit row,
/// and one user reveals at most <see cref="RevealLimitOptions.RevealsPerDay"/> numbers a business day, counted from
/// today's reveal audit rows (so the count survives a restart and is the same on every instance).
/// </summary>
public sealed class PersonReveals(
    PortalDbContext db,
    AuditLog audit,
    IIdNumberProtector protector,
    ICurrentActor actor,
    BusinessClock clock,
    IOptions<RevealLimitOptions> options)
{
    public const int ReasonMaxLength = 200;
    public const string IdNumberRevealed = "IdNumberRevealed";
    public const string PhoneRevealed = "PhoneRevealed";

    private const string EntityType = "Person";

    public Task<RevealResult> RevealIdNumberAsync(Guid personId, string? reason, CancellationToken cancellationToken) =>
        RevealAsync(personId, reason, IdNumberRevealed, cancellationToken);

    public Task<RevealResult> RevealPhoneAsync(Guid personId, string? reason, CancellationToken cancellationToken) =>
        RevealAsync(personId, reason, PhoneRevealed, cancellationToken);

    /// <summary>Reveals the user made since the start of today's business day.</summary>
    public Task<int> CountTodayAsync(CancellationToken cancellationToken)
    {
        var since = clock.StartOf(clock.Today);
        return db.AuditEvents.CountAsync(a => a.ActorId == actor.UserId && a.OccurredAt >= since && (a.Action == IdNumberRevealed || a.Action == PhoneRevealed), cancellationToken);
    }

    private async Task<RevealResult> RevealAsync(Guid personId, string? reason, string action, CancellationToken cancellationToken)
    {
        var cleanReason = TextInput.Clean(reason);
        if (cleanReason is null)
        {
            return RevealResult.Refused(RevealRefusal.ReasonRequired);
        }

        if (cleanReason.Length > ReasonMaxLength || TextInput.Check(cleanReason) != TextInput.Problem.None)
        {
            return RevealResult.Refused(RevealRefusal.ReasonInvalid);
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.RegionCode, p.IdNumberCipher, p.Phone })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null || (action == PhoneRevealed && string.IsNullOrEmpty(person.Phone)))
        {
            return RevealResult.Refused(RevealRefusal.NotFound);
        }

        // One reveal of a user at a time, so parallel requests cannot all pass the count at the limit.
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var lockKey = actor.UserId?.ToString() ?? actor.Name;
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({"reveal:" + lockKey}))", cancellationToken);
        if (await CountTodayAsync(cancellationToken) >= options.Value.RevealsPerDay)
        {
            return RevealResult.Refused(RevealRefusal.LimitReached, clock.StartOf(clock.Today.AddDays(1)) - clock.UtcNow);
        }

        audit.Add(action, EntityType, person.Id.ToString(), person.RegionCode, null, new { reason = cleanReason });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new RevealResult(action == IdNumberRevealed ? protector.Reveal(person.IdNumberCipher) : person.Phone, RevealRefusal.None);
    }
}
