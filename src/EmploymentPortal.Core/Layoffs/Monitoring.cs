using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Layoffs;

/// <summary>
/// Unemployment monitoring points 失业动态监测点 and their monthly figures over EF Core, all through the scope filter: a
/// county official designates streets and communities of the county; station staff file for the
/// points of their area.
/// </summary>
public sealed class Monitoring(
    PortalDbContext db,
    PolicyParameterStore parameters,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>The points of the caller's area, how many 004 §一 asks for, and (for a county official) what may still be designated.</summary>
    public async Task<MonitoringOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var points = await Points(db.MonitoringPoints.AsNoTracking()).ToListAsync(cancellationToken);
        var set = await parameters.GetAsync(cancellationToken);
        var isCity = actor.Can(Capabilities.MonitorCityWide);
        var offices = await db.OrgUnits.AsNoTracking().CountAsync(u => u.Kind == OrgUnitKind.StreetOffice, cancellationToken);
        var guide = isCity ? MonitoringGuide.ForCity(set, Today) : MonitoringGuide.ForCounty(set, Today, offices);
        var canDesignate = actor.Can(Capabilities.DesignateMonitoringPoints) && db.Scope.RegionPrefix is not null;
        IReadOnlyList<RegionChoice> designatable = [];
        if (canDesignate)
        {
            var prefix = db.Scope.RegionPrefix!;
            designatable = await db.Regions.AsNoTracking()
                .Where(r => r.Code.StartsWith(prefix) && (r.Level == RegionLevel.Street || r.Level == RegionLevel.Community))
                .Where(r => !db.MonitoringPoints.Any(p => p.RegionId == r.Id))
                .OrderBy(r => r.Code)
                .Select(r => new RegionChoice(r.Id, r.Name, r.Code, db.Regions.Where(p => p.Id == r.ParentId).Select(p => p.Name).First()))
                .ToListAsync(cancellationToken);
        }

        return new MonitoringOverview(points, guide, offices, isCity, canDesignate, designatable);
    }

    public async Task<CommandResult> DesignateAsync(int regionId, CancellationToken cancellationToken)
    {
        if (!actor.Can(Capabilities.DesignateMonitoringPoints) || db.Scope.RegionPrefix is not { } prefix)
        {
            return CommandResult.Fail(string.Empty, "Monitoring.CountyOnly");
        }

        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, cancellationToken);
        if (region is null || !region.Code.StartsWith(prefix, StringComparison.Ordinal))
        {
            return CommandResult.Fail("RegionId", "Monitoring.RegionRequired");
        }

        MonitoringPoint point;
        try
        {
            point = MonitoringPoint.Designate(region.Id, region.Code, region.Level, actor.Name, clock.UtcNow);
        }
        catch (LayoffsException e)
        {
            return CommandResult.Refused(e);
        }

        db.MonitoringPoints.Add(point);
        audit.Add("MonitoringPointDesignated", "MonitoringPoint", point.Id.ToString(), point.RegionCode, null, new { point.RegionId, region.Name });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return CommandResult.Fail("RegionId", "Monitoring.AlreadyDesignated");
        }

        return CommandResult.Ok;
    }

    /// <summary>The points of the caller's area with their filing for the month, if any.</summary>
    public async Task<IReadOnlyList<PointMonth>> MonthAsync(DateOnly month, CancellationToken cancellationToken)
    {
        month = MonitoringFiling.MonthOf(month);
        var points = await Points(db.MonitoringPoints.AsNoTracking()).ToListAsync(cancellationToken);
        var filings = await Filings(db.MonitoringFilings.AsNoTracking().Where(f => f.Month == month)).ToListAsync(cancellationToken);
        var byPoint = filings.ToDictionary(f => f.PointId);
        return points.Select(p => new PointMonth(p, byPoint.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>Files a point's figures for a month, once: the same figures again (a double submit) are answered as filed, different ones refused.</summary>
    public async Task<CommandResult> FileAsync(Guid pointId, DateOnly month, int employedCount, int newlyUnemployed, string? note, CancellationToken cancellationToken)
    {
        if (!actor.Can(Capabilities.FileMonitoringReports))
        {
            return CommandResult.Fail(string.Empty, "Monitoring.StationOnly");
        }

        var point = await db.MonitoringPoints.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pointId, cancellationToken);
        if (point is null)
        {
            return CommandResult.Fail(string.Empty, "Monitoring.PointNotFound");
        }

        month = MonitoringFiling.MonthOf(month);
        var existing = await db.MonitoringFilings.AsNoTracking().SingleOrDefaultAsync(f => f.PointId == pointId && f.Month == month, cancellationToken);
        if (existing is not null)
        {
            // The same figures again are a repeated submit, answered as filed; different ones are refused.
            var sameNote = (existing.Note ?? string.Empty) == (note?.Trim() ?? string.Empty);
            return existing.EmployedCount == employedCount && existing.NewlyUnemployed == newlyUnemployed && sameNote
                ? CommandResult.Ok
                : CommandResult.Fail(string.Empty, "Monitoring.AlreadyFiled");
        }

        MonitoringFiling filing;
        try
        {
            filing = MonitoringFiling.File(point, month, employedCount, newlyUnemployed, note, Today, actor.Name, clock.UtcNow);
        }
        catch (LayoffsException e)
        {
            return CommandResult.Refused(e);
        }

        db.MonitoringFilings.Add(filing);
        audit.Add("MonitoringFiled", "MonitoringFiling", filing.Id.ToString(), filing.RegionCode, null, new { filing.PointId, filing.Month, filing.EmployedCount, filing.NewlyUnemployed });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A double submit: the first request's filing stands and the second is answered as filed.
            db.ChangeTracker.Clear();
        }

        return CommandResult.Ok;
    }

    /// <summary>Filings of the caller's area, newest month first.</summary>
    public async Task<PagedResult<FilingRow>> FilingsAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var filings = db.MonitoringFilings.AsNoTracking();
        var total = await filings.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await Filings(filings.OrderByDescending(f => f.Month).ThenBy(f => f.RegionCode).ThenBy(f => f.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<FilingRow>(items, page, pageSize, total);
    }

    private IQueryable<PointRow> Points(IQueryable<MonitoringPoint> points) =>
        points.OrderBy(p => p.RegionCode).Join(db.Regions, p => p.RegionId, r => r.Id, (p, r) => new PointRow(
            p.Id,
            r.Id,
            r.Name,
            r.Code,
            db.Regions.Where(x => x.Id == r.ParentId).Select(x => x.Name).First(),
            p.DesignatedAt,
            p.DesignatedByName));

    private IQueryable<FilingRow> Filings(IQueryable<MonitoringFiling> filings) =>
        filings.Join(db.Regions, f => f.RegionCode, r => r.Code, (f, r) => new FilingRow(f.Id, f.PointId, r.Name, f.Month, f.EmployedCount, f.NewlyUnemployed, f.Note, f.FiledAt, f.FiledByName));
}
