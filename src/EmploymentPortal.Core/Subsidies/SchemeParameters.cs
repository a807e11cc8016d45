using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// The versions of each scheme's numbers, as rows of <c>policy_parameters</c> (one store for every
/// policy number). History is never edited: a new version starts on a date that is neither in the
/// past nor before the scheme's latest version.
/// </summary>
public sealed class SchemeParameters(PortalDbContext db, PolicyParameterStore store, AuditLog audit, BusinessClock clock)
{
    /// <summary>Every scheme's numbers in force on the date (scheme code → parameter name → value); numbers not set are absent.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> InForceAsync(DateOnly on, CancellationToken cancellationToken)
    {
        var set = await store.GetAsync(cancellationToken);
        return SchemeCatalog.All.ToDictionary(
            s => s.Code,
            s => (IReadOnlyDictionary<string, decimal>)s.Parameters
                .Select(p => (p.Name, Value: set.TryValueOn(p.Key, on)))
                .Where(p => p.Value is not null)
                .ToDictionary(p => p.Name, p => p.Value!.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>The scheme's versions, newest first; null for an unknown scheme.</summary>
    public async Task<IReadOnlyList<SchemeVersion>?> HistoryAsync(string code, CancellationToken cancellationToken)
    {
        var scheme = SchemeCatalog.Find(code);
        if (scheme is null)
        {
            return null;
        }

        var rows = await RowsAsync(scheme, cancellationToken);
        var names = scheme.Parameters.ToDictionary(p => p.Key, p => p.Name, StringComparer.Ordinal);
        var inForce = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var versions = new List<SchemeVersion>();
        foreach (var group in rows.GroupBy(r => r.EffectiveFrom).OrderBy(g => g.Key))
        {
            var set = group.ToDictionary(r => names[r.Key], r => r.Value, StringComparer.Ordinal);
            foreach (var (name, value) in set)
            {
                inForce[name] = value;
            }

            versions.Add(new SchemeVersion(group.Key, string.Join("; ", group.Select(r => r.Source).Distinct()), set, new Dictionary<string, decimal>(inForce, StringComparer.Ordinal)));
        }

        versions.Reverse();
        return versions;
    }

    /// <summary>Adds a version (city officials and admins); blank values keep the previous version's.</summary>
    public async Task<CommandResult> AddVersionAsync(string code, DateOnly effectiveFrom, string source, IReadOnlyDictionary<string, decimal?> values, CancellationToken cancellationToken)
    {
        var scheme = SchemeCatalog.Find(code);
        if (scheme is null)
        {
            return CommandResult.Fail(string.Empty, "Scheme.NotFound");
        }

        var today = clock.Today;
        var latest = (await RowsAsync(scheme, cancellationToken)).Select(r => (DateOnly?)r.EffectiveFrom).Max();
        if (effectiveFrom < today || (latest is { } last && effectiveFrom <= last))
        {
            return CommandResult.Fail("EffectiveFrom", "Scheme.DateNotAfterHistory");
        }

        source = source?.Trim() ?? string.Empty;
        if (source.Length is 0 or > PolicyParameter.SourceMaxLength)
        {
            return CommandResult.Fail("Source", "Scheme.SourceRequired");
        }

        var set = scheme.Parameters.Where(p => values.TryGetValue(p.Name, out var v) && v is not null).ToDictionary(p => p, p => values[p.Name]!.Value);
        if (set.Count == 0)
        {
            return CommandResult.Fail(string.Empty, "Scheme.NoValues");
        }

        if (set.FirstOrDefault(kv => kv.Value < 0 || (kv.Key.Unit == ParameterUnit.Percent && kv.Value > 100)).Key is { } bad)
        {
            return CommandResult.Fail("Values[" + bad.Name + "]", "Scheme.ValueOutOfRange");
        }

        foreach (var (parameter, value) in set)
        {
            db.PolicyParameters.Add(PolicyParameter.Create(parameter.Key, effectiveFrom, value, source));
        }

        audit.Add("SchemeVersionAdded", "Scheme", scheme.Code, null, null, new { effectiveFrom, source, values = set.ToDictionary(kv => kv.Key.Name, kv => kv.Value) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone added a version for the same date meanwhile.
            return CommandResult.Fail("EffectiveFrom", "Scheme.DateNotAfterHistory");
        }

        return CommandResult.Ok;
    }

    private async Task<List<PolicyParameter>> RowsAsync(SchemeDefinition scheme, CancellationToken cancellationToken)
    {
        var keys = scheme.Parameters.Select(p => p.Key).ToList();
        return await db.PolicyParameters.AsNoTracking().Where(p => keys.Contains(p.Key)).ToListAsync(cancellationToken);
    }
}
