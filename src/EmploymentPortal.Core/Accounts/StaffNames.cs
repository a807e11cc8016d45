using EmploymentPortal.Core.Scoping;
using Microsoft.Extensions.Caching.Memory;

namespace EmploymentPortal.Core.Accounts;

/// <summary>
/// Who did something, as a reader expects to see it: records keep the actor's login (audit
/// trails, follow-ups, referrals, approvals, filings, targets), and pages show the account's
/// display name and unit instead, "王丽（城关街道劳动保障事务所）". Logins that are not staff
/// accounts ("system", an employer's or job seeker's login) are shown as they are. The list of
/// staff names is cached for a minute and dropped when an account's name or unit changes.
/// </summary>
public sealed class StaffNames(UnscopedReads unscoped, IMemoryCache cache)
{
    private const string CacheKey = "staff-names";

    /// <summary>"display name（unit）" for a staff login; the login itself otherwise; empty for none.</summary>
    public async Task<string> NameAsync(string? login, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(login))
        {
            return string.Empty;
        }

        var names = await AllAsync(cancellationToken);
        return names.TryGetValue(login, out var name) ? name : login;
    }

    /// <summary>Drops the cached names: an account's display name or unit has changed.</summary>
    public void Forget() => cache.Remove(CacheKey);

    /// <summary>How a staff member is named on records.</summary>
    public static string Format(string displayName, string unitName, string login) =>
        displayName.Trim().Length == 0 ? $"{login}（{unitName}）" : $"{displayName.Trim()}（{unitName}）";

    private async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var rows = await unscoped.StaffNamesAsync(cancellationToken);
            return (IReadOnlyDictionary<string, string>)rows.ToDictionary(r => r.Login, r => Format(r.DisplayName, r.UnitName, r.Login), StringComparer.Ordinal);
        }) ?? new Dictionary<string, string>();
}
