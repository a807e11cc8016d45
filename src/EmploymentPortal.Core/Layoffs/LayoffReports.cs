using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Layoffs;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Layoffs;

/// <summary>
/// Mass layoff reports 规模裁员报告: an employer account files for its own employer, staff for an
/// employer of their area; county officials acknowledge the reportable ones of their area.
/// Over EF Core: staff and officials read through the scope filter; an employer
/// account reads through <see cref="UnscopedReads"/>, limited to the employers linked to its account.
/// </summary>
public sealed class LayoffReports(
    PortalDbContext db,
    UnscopedReads unscoped,
    PolicyParameterStore parameters,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock)
{
    private const string Entity = "LayoffReport";

    /// <summary>Today in the portal's clock.</summary>
    public DateOnly Today => clock.Today;

    private bool IsEmployer => actor.Can(Capabilities.ActForOwnEmployer);

    /// <summary>The threshold in force today (null when its parameters are not set).</summary>
    public async Task<LayoffThreshold?> ThresholdAsync(CancellationToken cancellationToken) =>
        LayoffThreshold.On(await parameters.GetAsync(cancellationToken), Today);

    /// <summary>The employers the caller may file for: its own (employer account) or its area's (staff), by name.</summary>
    public async Task<IReadOnlyList<LayoffEmployerOption>> EmployersAsync(CancellationToken cancellationToken)
    {
        // The regions' names in a second query: an employer account's employers come from the unscoped context.
        var employers = await FilableEmployers().AsNoTracking().OrderBy(e => EF.Functions.Collate(e.Name, Collations.Pinyin)).Take(500)
            .Select(e => new { e.Id, e.Name, e.RegionId })
            .ToListAsync(cancellationToken);
        var regionIds = employers.Select(e => e.RegionId).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return employers.Select(e => new LayoffEmployerOption(e.Id, e.Name, regions[e.RegionId])).ToList();
    }

    public async Task<(CommandResult Result, Guid? Id)> FileAsync(LayoffInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var missing = new List<(string, string)>();
        if (input.ReductionCount is null)
        {
            missing.Add(("ReductionCount", "Layoff.ReductionRequired"));
        }

        if (input.WorkforceCount is null)
        {
            missing.Add(("WorkforceCount", "Layoff.WorkforceRequired"));
        }

        if (input.PlannedOn is null)
        {
            missing.Add(("PlannedOn", "Layoff.DateRequired"));
        }

        // Another employer's id (or one outside the staff member's area) reads as not there.
        var employer = input.EmployerId is { } employerId
            ? await FilableEmployers().AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, cancellationToken)
            : null;
        if (employer is null)
        {
            missing.Insert(0, ("EmployerId", "Layoff.EmployerRequired"));
        }

        // All refusals in one answer: what is missing and the counts' rules on what was given.
        missing.AddRange(LayoffReport.CountProblems(input.ReductionCount, input.WorkforceCount).Select(e => (e.Field, e.MessageKey)));
        if (missing.Count > 0)
        {
            return (new CommandResult(missing), null);
        }

        if (await ThresholdAsync(cancellationToken) is not { } threshold)
        {
            return (CommandResult.Fail(string.Empty, "Layoff.ThresholdNotSet"), null);
        }

        LayoffReport report;
        try
        {
            report = LayoffReport.File(employer!.Id, employer.RegionCode, input.ReductionCount!.Value, input.WorkforceCount!.Value, input.PlannedOn!.Value,
                input.Reason, input.ContactName, input.ContactPhone, threshold, actor.Name, clock.UtcNow);
        }
        catch (LayoffsException e)
        {
            return (CommandResult.Refused(e), null);
        }

        db.LayoffReports.Add(report);
        audit.Add("LayoffFiled", Entity, report.Id.ToString(), report.RegionCode, null, new
        {
            report.EmployerId,
            report.ReductionCount,
            report.WorkforceCount,
            report.PlannedOn,
            report.Reportable,
            report.ThresholdPeople,
            report.ThresholdShare,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, report.Id);
    }

    /// <summary>Reports the caller can see (employer: its own; staff and officials: their area's).</summary>
    public async Task<PagedResult<LayoffRow>> ListAsync(LayoffQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reports = Visible();
        if (query.ReportableOnly)
        {
            reports = reports.Where(r => r.Reportable);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var total = await reports.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var ordered = query.Sort == LayoffSort.Largest
            ? reports.OrderByDescending(r => r.ReductionCount).ThenByDescending(r => r.FiledAt).ThenBy(r => r.Id)
            : reports.OrderByDescending(r => r.FiledAt).ThenBy(r => r.Id);
        var items = await RowsAsync(ordered.Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new PagedResult<LayoffRow>(items, page, pageSize, total);
    }

    /// <summary>One report of the caller's area, or null (officials).</summary>
    public async Task<LayoffRow?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await RowsAsync(Visible().Where(r => r.Id == id), cancellationToken)).SingleOrDefault();

    /// <summary>A county official takes note of a report of their county.</summary>
    public async Task<CommandResult> AcknowledgeAsync(Guid id, string? note, CancellationToken cancellationToken)
    {
        if (!actor.Can(Capabilities.AcknowledgeLayoffs))
        {
            return CommandResult.Fail(string.Empty, "Layoff.CountyOnly");
        }

        var report = await db.LayoffReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return CommandResult.Fail(string.Empty, "Layoff.NotFound");
        }

        try
        {
            report.Acknowledge(note, actor.Name, clock.UtcNow);
        }
        catch (LayoffsException e)
        {
            return CommandResult.Refused(e);
        }

        audit.Add("LayoffAcknowledged", Entity, report.Id.ToString(), report.RegionCode, new { status = nameof(LayoffStatus.Filed) }, new { status = report.Status.ToString(), note = report.AcknowledgementNote });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Fail(string.Empty, "Layoff.AlreadyAcknowledged");
        }

        return CommandResult.Ok;
    }

    private IQueryable<Employer> FilableEmployers()
    {
        if (IsEmployer)
        {
            return unscoped.EmployersOfAccount(actor.UserId);
        }

        // Staff file for the employers of their area (an employer account was handled above).
        return actor.Can(Capabilities.FileLayoffs) ? db.Employers : db.Employers.Where(e => false);
    }

    private IQueryable<LayoffReport> Visible()
    {
        if (!IsEmployer)
        {
            return db.LayoffReports.AsNoTracking();
        }

        return unscoped.LayoffReportsOfAccount(actor.UserId);
    }

    /// <summary>
    /// The rows with their employers' names, joined in the reports' own context: an employer
    /// account's reports and employers both come from <see cref="UnscopedReads"/> (its own), staff's
    /// both through the filter. The regions' names follow in a second query on the scoped context.
    /// </summary>
    private async Task<List<LayoffRow>> RowsAsync(IQueryable<LayoffReport> reports, CancellationToken cancellationToken)
    {
        var joined = reports.Join(IsEmployer ? FilableEmployers() : db.Employers, r => r.EmployerId, e => e.Id, (r, e) => new
        {
            r.RegionCode,
            Row = new LayoffRow(
                r.Id,
                r.EmployerId,
                e.Name,
                string.Empty,
                r.ReductionCount,
                r.WorkforceCount,
                Math.Round((decimal)r.ReductionCount / r.WorkforceCount, 4),
                r.PlannedOn,
                r.Reason,
                r.ContactName,
                r.ContactPhone,
                r.Reportable,
                r.ThresholdPeople,
                r.ThresholdShare,
                r.Status,
                r.FiledAt,
                r.FiledByName,
                r.AcknowledgementNote,
                r.AcknowledgedByName,
                r.AcknowledgedAt),
        });
        var rows = await joined.ToListAsync(cancellationToken);
        var codes = rows.Select(x => x.RegionCode).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, cancellationToken);
        return rows.Select(x => x.Row with { RegionName = regions[x.RegionCode] }).ToList();
    }
}
