using System.Collections.Concurrent;

namespace EmploymentPortal.Web.Security.SignIn;

/// <summary>
/// The per-account brute-force control (MLPS 2.0 登录失败处理, ASVS v5.0.0-6.3.1), counted per
/// account <em>and client</em>: five wrong passwords for one account from one client address
/// block that pair for 15 minutes. A stranger who knows a staff member's user name can therefore
/// block only themselves, never the staff member at their own desk (the account-wide lockout it
/// replaces let anyone keep any known account locked). Guessing from many addresses is capped by
/// the per-IP sign-in limit, and a guessed staff password is useless without the second factor.
/// A blocked pair answers exactly like a wrong password. The counts live in this instance's
/// memory (bounded; a restart clears them).
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Pairs kept at most; past it, expired entries are dropped first, then the oldest.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(string Account, string Client), Entry> _entries = new();

    public static int MaxFailures => Core.DependencyInjection.MaxFailedAccessAttempts;

    public static TimeSpan BlockTime => Core.DependencyInjection.LockoutDuration;

    public bool IsBlocked(string account, string client) =>
        _entries.TryGetValue((account, client), out var entry) && entry.BlockedUntil is { } until && until > time.GetUtcNow();

    public void Failed(string account, string client)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= Capacity)
        {
            Prune(now);
        }

        _entries.AddOrUpdate(
            (account, client),
            _ => new Entry(1, null, now),
            (_, entry) =>
            {
                // A block that has run out, or failures older than the block time, start again from one.
                var stale = entry.BlockedUntil is { } until ? until <= now : now - entry.LastFailure > BlockTime;
                var count = stale ? 1 : entry.Count + 1;
                return count >= MaxFailures ? new Entry(0, now + BlockTime, now) : new Entry(count, null, now);
            });
    }

    public void Succeeded(string account, string client) => _entries.TryRemove((account, client), out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if ((entry.BlockedUntil ?? entry.LastFailure + BlockTime) <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        foreach (var key in _entries.OrderBy(e => e.Value.LastFailure).Take(Math.Max(0, _entries.Count - (Capacity * 9 / 10))).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(key, out _);
        }
    }

    private sealed record Entry(int Count, DateTimeOffset? BlockedUntil, DateTimeOffset LastFailure);
}
