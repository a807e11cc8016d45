using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Reports;

/// <summary>
/// Annual targets per region and indicator (docs/policy-rules.md, "Reports: targets"): read by the
/// officials of the area, set by city officials. Targets carry their region code, so the
/// region-scope filter limits every read to the actor's area.
/// </summary>
public sealed class Targets(PortalDbContext db, AuditLog audit, ICurrentActor actor, BusinessClock clock)
{
    private const string EntityType = "AnnualTarget";

    private bool MaySet => actor.Can(Capabilities.SetTargets);

    /// <summary>The sheet of a region in the actor's area (their own region when none is given); null outside it.</summary>
    public async Task<TargetSheet?> SheetAsync(int year, string? regionCode, CancellationToken cancellationToken)
    {
        var region = await RegionInScopeAsync(regionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }

        // A sheet goes down to streets: communities are too many to set targets for one by one.
        var children = region.Level >= RegionLevel.Street ? [] : await db.Regions.AsNoTracking()
            .Where(r => r.ParentId == region.Id)
            .OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level })
            .ToListAsync(cancellationToken);
        var codes = children.Select(c => c.Code).Prepend(region.Code).ToList();
        var values = await db.AnnualTargets.AsNoTracking()
            .Where(t => t.Year == year && codes.Contains(t.RegionCode))
            .ToListAsync(cancellationToken);
        var rows = children.Select(c => new TargetRegion(c.Code, c.Name, c.Level < RegionLevel.Street))
            .Prepend(new TargetRegion(region.Code, region.Name, false))
            .Select(r => new TargetSheetRow(r, Enum.GetValues<TargetIndicator>().Select(i => values.SingleOrDefault(v => v.RegionCode == r.Code && v.Indicator == i) is { } t
                ? new TargetCell(i, t.Value, t.SetByName, t.SetAt)
                : new TargetCell(i, null, null, null)).ToList()))
            .ToList();
        var parent = RegionCode.Parse(region.Code).Parent?.Value is { } up && db.Scope.Includes(up) ? up : null;
        return new TargetSheet(year, rows[0].Region, parent, rows, MaySet);
    }

    /// <summary>Sets or clears targets (city officials, inside their area); every change is audited.</summary>
    public async Task<CommandResult> SetAsync(int year, IReadOnlyList<TargetInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!MaySet)
        {
            return CommandResult.Fail(string.Empty, "Target.CityOnly");
        }

        if (year is < AnnualTarget.MinYear or > AnnualTarget.MaxYear)
        {
            return CommandResult.Fail(string.Empty, "Target.Year");
        }

        var codes = inputs.Select(i => i.RegionCode).Distinct(StringComparer.Ordinal).ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Id, cancellationToken);
        if (codes.Any(c => !regions.ContainsKey(c) || !db.Scope.Includes(c)))
        {
            return CommandResult.Fail(string.Empty, "Target.RegionOutside");
        }

        var existing = await db.AnnualTargets.Where(t => t.Year == year && codes.Contains(t.RegionCode)).ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        foreach (var input in inputs)
        {
            var current = existing.SingleOrDefault(t => t.RegionCode == input.RegionCode && t.Indicator == input.Indicator);
            try
            {
                if (input.Value is null)
                {
                    if (current is not null)
                    {
                        db.AnnualTargets.Remove(current);
                        audit.Add("TargetCleared", EntityType, current.Id.ToString(), current.RegionCode, new { year, indicator = input.Indicator.ToString(), current.Value }, null);
                    }

                    continue;
                }

                if (current is null)
                {
                    var created = AnnualTarget.Create(regions[input.RegionCode], input.RegionCode, year, input.Indicator, input.Value.Value, actor.Name, now);
                    db.AnnualTargets.Add(created);
                    audit.Add("TargetSet", EntityType, created.Id.ToString(), created.RegionCode, null, new { year, indicator = input.Indicator.ToString(), created.Value });
                }
                else if (current.Value != input.Value.Value)
                {
                    var before = current.Value;
                    current.Change(input.Value.Value, actor.Name, now);
                    audit.Add("TargetSet", EntityType, current.Id.ToString(), current.RegionCode, new { year, indicator = input.Indicator.ToString(), Value = before }, new { year, indicator = input.Indicator.ToString(), current.Value });
                }
            }
            catch (TargetException e)
            {
                return CommandResult.Fail($"{input.RegionCode}.{input.Indicator}", e.MessageKey);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }))
        {
            // Another official saved the same sheet at the same moment (one target per region, year and indicator).
            db.ChangeTracker.Clear();
            return CommandResult.Fail(string.Empty, "Target.Concurrent");
        }

        return CommandResult.Ok;
    }

    /// <summary>The targets of the given regions for a year, for progress on the dashboard.</summary>
    public async Task<IReadOnlyDictionary<(string RegionCode, TargetIndicator Indicator), int>> ValuesAsync(int year, IReadOnlyCollection<string> regionCodes, CancellationToken cancellationToken) =>
        await db.AnnualTargets.AsNoTracking()
            .Where(t => t.Year == year && regionCodes.Contains(t.RegionCode))
            .ToDictionaryAsync(t => (t.RegionCode, t.Indicator), t => t.Value, cancellationToken);

    /// <summary>The region asked for (or the actor's own) when it lies in the actor's area.</summary>
    private async Task<Domain.Regions.Region?> RegionInScopeAsync(string? regionCode, CancellationToken cancellationToken)
    {
        var code = regionCode;
        if (code is null)
        {
            if (db.Scope.RegionPrefix is not { } prefix)
            {
                return null;
            }

            code = prefix.PadRight(RegionCode.Length, '0');
        }

        if (!RegionCode.TryParse(code, out _) || !db.Scope.Includes(code))
        {
            return null;
        }

        return await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
    }
}
