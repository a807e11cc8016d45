using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Persons;

/// <summary>How many answers "registered in another area" one user may get per business day (<c>Portal:Security:DuplicateAnswersPerDay</c>).</summary>
public sealed record DuplicateAnswerOptions(int PerDay)
{
    public const string ConfigurationKey = "Portal:Security:DuplicateAnswersPerDay";

    public const int DefaultPerDay = 20;
}

/// <summary>
/// The register-wide duplicate check's only answer about another area's record (issue 15, finding
/// 8): "registered in another area; you may request a transfer in" — never the holding unit — and
/// each such answer audited (<see cref="Action"/>, the masked number) and counted against a daily
/// allowance per user, counted from the audit itself. Beyond it the caller is refused, and the
/// refusal is audited too (<see cref="RefusedAction"/>).
/// </summary>
public sealed class DuplicateAnswers(PortalDbContext db, AuditLog audit, ICurrentActor actor, BusinessClock clock, DuplicateAnswerOptions options)
{
    /// <summary>The audit action of one answer "registered in another area".</summary>
    public const string Action = "person.duplicate-elsewhere";

    /// <summary>The audit action of a check refused because today's answers are used up.</summary>
    public const string RefusedAction = "person.duplicate-elsewhere-refused";

    /// <summary>The message of the answer.</summary>
    public const string AnswerKey = "Person.DuplicateElsewhereOnly";

    /// <summary>The message of the refusal.</summary>
    public const string ExhaustedKey = "Person.DuplicateAnswersExhausted";

    /// <summary>How many answers the caller may still get today.</summary>
    public async Task<int> RemainingTodayAsync(CancellationToken cancellationToken)
    {
        var since = clock.StartOf(clock.Today);
        var userId = actor.UserId;
        var used = await db.AuditEvents.AsNoTracking()
            .CountAsync(a => a.Action == Action && a.ActorId == userId && a.OccurredAt >= since, cancellationToken);
        return Math.Max(0, options.PerDay - used);
    }

    /// <summary>
    /// Whether the caller may be told about <paramref name="maskedNumbers"/> (all of them, or none):
    /// when yes, one audit event per number is added; when no, one refusal event. The caller saves.
    /// </summary>
    public async Task<bool> TryAnswerAsync(IReadOnlyList<string> maskedNumbers, string via, CancellationToken cancellationToken)
    {
        if (maskedNumbers.Count == 0)
        {
            return true;
        }

        if (maskedNumbers.Count > await RemainingTodayAsync(cancellationToken))
        {
            audit.Add(RefusedAction, "IdNumber", "*", null, null, new { numbers = maskedNumbers.Count, via });
            return false;
        }

        foreach (var masked in maskedNumbers)
        {
            audit.Add(Action, "IdNumber", masked, null, null, new { idNumber = masked, via });
        }

        return true;
    }
}
