using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Notices, objections, payments and the calendar over EF Core. Officials' reads go through the
/// scope filter; the public reads of a notice go through <see cref="UnscopedReads"/> (a notice is
/// public) and return only masked names and ID numbers.
/// </summary>
public sealed class Notices(
    PortalDbContext db,
    UnscopedReads unscoped,
    SubsidyApplications applications,
    PolicyParameterStore parameters,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock) : INotices
{
    private const string NoticeEntity = "Notice";

    private DateOnly Today => clock.Today;

    public async Task<IReadOnlyList<CalendarDayView>> CalendarAsync(int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date < to).OrderBy(d => d.Date)
            .Select(d => new CalendarDayView(d.Date, d.IsWorkingDay, d.Note)).ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> SetCalendarDayAsync(DateOnly date, bool isWorkingDay, string? note, CancellationToken cancellationToken)
    {
        CalendarDay day;
        try
        {
            day = CalendarDay.Create(date, isWorkingDay, note ?? string.Empty);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        var existing = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (existing is not null)
        {
            db.CalendarDays.Remove(existing);
        }

        db.CalendarDays.Add(day);
        audit.Add("CalendarDaySet", "CalendarDay", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null,
            existing is null ? null : new { existing.IsWorkingDay, existing.Note }, new { isWorkingDay, note = day.Note });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RemoveCalendarDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var existing = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (existing is null)
        {
            return CommandResult.Fail(string.Empty, "Calendar.NotFound");
        }

        db.CalendarDays.Remove(existing);
        audit.Add("CalendarDayRemoved", "CalendarDay", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, new { existing.IsWorkingDay, existing.Note }, null);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<(CommandResult Result, Guid? Id)> PublishAsync(string? title, IReadOnlyList<Guid> applicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applicationIds);
        if (applicationIds.Count == 0)
        {
            return (CommandResult.Fail(string.Empty, "Application.NothingSelected"), null);
        }

        if (db.Scope.RegionPrefix is null)
        {
            return (CommandResult.Fail(string.Empty, "Notice.NoArea"), null);
        }

        var set = await parameters.GetAsync(cancellationToken);
        if (set.TryValueOn(ParameterKeys.NoticeWorkingDays, Today) is not { } workingDays)
        {
            return (CommandResult.Fail(string.Empty, "Notice.DaysNotSet"), null);
        }

        var days = (int)workingDays;
        var calendar = await CalendarFromAsync(Today, cancellationToken);
        Notice notice;
        try
        {
            notice = Notice.Publish(ScopeRegionCode(), title ?? string.Empty, days, Today, calendar, actor.Name, clock.UtcNow);
        }
        catch (SubsidyException e)
        {
            return (CommandResult.Refused(e), null);
        }

        var selected = await db.SubsidyApplications.Where(a => applicationIds.Contains(a.Id)).ToListAsync(cancellationToken);
        if (selected.Count != applicationIds.Distinct().Count() || selected.Any(a => a.Status != ApplicationStatus.Approved))
        {
            return (CommandResult.Fail(string.Empty, "Notice.NotApproved"), null);
        }

        db.Notices.Add(notice);
        foreach (var application in selected)
        {
            application.PublishOn(notice.Id);
        }

        audit.Add("NoticePublished", NoticeEntity, notice.Id.ToString(), notice.RegionCode, null, new { notice.Title, notice.StartsOn, notice.EndsOn, notice.WorkingDays, applications = selected.Select(a => a.Id) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (CommandResult.Fail(string.Empty, "Application.ChangedMeanwhile"), null);
        }

        return (CommandResult.Ok, notice.Id);
    }

    public async Task<IReadOnlyList<NoticeSummary>> ListAsync(CancellationToken cancellationToken) =>
        await Summaries(db.Notices.AsNoTracking(), db.SubsidyApplications, db.Objections).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<NoticeSummary>> PublicListAsync(CancellationToken cancellationToken)
    {
        var since = Today.AddDays(-90);
        return await Summaries(unscoped.PublicNotices(Today).Where(n => n.EndsOn >= since), unscoped.ApplicationsOnPublicNotices(Today), unscoped.ObjectionsToPublicNotices(Today))
            .ToListAsync(cancellationToken);
    }

    public async Task<PublicNotice?> PublicNoticeAsync(Guid id, CancellationToken cancellationToken)
    {
        // A notice is public: read past the scope, but only masked rows leave UnscopedReads.
        var summary = await Summaries(unscoped.PublicNotices(Today).Where(n => n.Id == id), unscoped.ApplicationsOnPublicNotices(Today), unscoped.ObjectionsToPublicNotices(Today))
            .SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var rows = await unscoped.PublicNoticeRowsAsync(id, Today, cancellationToken);
        return new PublicNotice(summary, rows);
    }

    public async Task<NoticeDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var summary = await Summaries(db.Notices.AsNoTracking().Where(n => n.Id == id), db.SubsidyApplications, db.Objections).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var rows = await applications.ListAsync(new ApplicationQuery(NoticeId: id, PageSize: 1000), cancellationToken);
        var objections = await db.Objections.AsNoTracking().Where(o => o.NoticeId == id).OrderBy(o => o.LodgedAt)
            .Join(db.SubsidyApplications, o => o.ApplicationId, a => a.Id, (o, a) => new { o, a.PersonId })
            .Join(db.Persons, x => x.PersonId, p => p.Id, (x, p) => new ObjectionView(x.o.Id, x.o.ApplicationId, p.Name, x.o.Text, x.o.Contact, x.o.LodgedAt, x.o.Status, x.o.Resolution, x.o.ResolvedByName))
            .ToListAsync(cancellationToken);
        return new NoticeDetail(summary, rows.Items, objections);
    }

    public async Task<CommandResult> ObjectAsync(Guid noticeId, Guid applicationId, string? text, string? contact, CancellationToken cancellationToken)
    {
        // The public objects to a notice: both read past the scope; the domain checks the application is on it and it is open.
        var (notice, application) = await unscoped.NoticeAndApplicationAsync(noticeId, applicationId, cancellationToken);
        if (notice is null || application is null)
        {
            return CommandResult.Fail(string.Empty, "Objection.NoticeNotOpen");
        }

        Objection objection;
        try
        {
            objection = Objection.Lodge(notice, application, text ?? string.Empty, contact, Today, clock.UtcNow);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        db.Objections.Add(objection);

        // Who objected is not recorded (anonymous); the audit keeps the event, not the text's author.
        audit.Add("ObjectionLodged", NoticeEntity, noticeId.ToString(), application.RegionCode, null, new { applicationId, objectionId = objection.Id });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ResolveObjectionAsync(Guid objectionId, bool upheld, string? resolution, CancellationToken cancellationToken)
    {
        var objection = await db.Objections.SingleOrDefaultAsync(o => o.Id == objectionId, cancellationToken);
        if (objection is null)
        {
            return CommandResult.Fail(string.Empty, "Objection.NotFound");
        }

        try
        {
            objection.Resolve(upheld, resolution ?? string.Empty, actor.Name, clock.UtcNow);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        audit.Add(upheld ? "ObjectionUpheld" : "ObjectionDismissed", NoticeEntity, objection.NoticeId.ToString(), objection.RegionCode, null, new { objectionId, objection.ApplicationId, resolution });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Fail(string.Empty, "Objection.AlreadyResolved");
        }

        await CloseEndedAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<int> CloseEndedAsync(CancellationToken cancellationToken)
    {
        // An application leaves the notice when its notice has ended and none of its objections is still open.
        var today = Today;
        var ended = await db.SubsidyApplications
            .Where(a => a.Status == ApplicationStatus.InNotice && db.Notices.Any(n => n.Id == a.NoticeId && n.EndsOn < today))
            .Where(a => !db.Objections.Any(o => o.ApplicationId == a.Id && o.Status == ObjectionStatus.Open))
            .Select(a => new { Application = a, Upheld = db.Objections.Any(o => o.ApplicationId == a.Id && o.Status == ObjectionStatus.Upheld) })
            .ToListAsync(cancellationToken);
        foreach (var x in ended)
        {
            x.Application.EndNotice(x.Upheld);
            audit.Add(x.Upheld ? "ApplicationWithheld" : "ApplicationPayable", SubsidyApplications.EntityType, x.Application.Id.ToString(), x.Application.RegionCode, null, new { noticeId = x.Application.NoticeId });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another official's page closed the same notice a moment earlier: their change stands.
            db.ChangeTracker.Clear();
            return 0;
        }

        return ended.Count;
    }

    public async Task<CommandResult> PayAsync(Guid applicationId, decimal? amount, DateOnly paidOn, string? reference, CancellationToken cancellationToken)
    {
        var application = await db.SubsidyApplications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return CommandResult.Fail(string.Empty, "Application.NotFound");
        }

        Payment payment;
        try
        {
            payment = Payment.Record(application, amount, paidOn, reference ?? string.Empty, Today, actor.Name, clock.UtcNow);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        db.Payments.Add(payment);
        audit.Add("PaymentRecorded", SubsidyApplications.EntityType, applicationId.ToString(), application.RegionCode, null, new { payment.Amount, payment.PaidOn, payment.Reference });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }))
        {
            // Paid once, never twice: another official recorded it a moment earlier.
            db.ChangeTracker.Clear();
            return CommandResult.Fail(string.Empty, "Payment.NotPayable");
        }

        return CommandResult.Ok;
    }

    public async Task<IReadOnlyList<PaymentTotal>> TotalsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Payments.AsNoTracking()
            .Join(db.SubsidyApplications, p => p.ApplicationId, a => a.Id, (p, a) => new { p.SchemeCode, p.Amount, a.PersonId })
            .Join(db.Persons, x => x.PersonId, p => p.Id, (x, p) => new { x.SchemeCode, x.Amount, p.RegionId })
            .GroupBy(x => new { x.SchemeCode, x.RegionId })
            .Select(g => new { g.Key.SchemeCode, g.Key.RegionId, Count = g.Count(), Amount = g.Sum(x => x.Amount) })
            .ToListAsync(cancellationToken);
        var regionIds = rows.Select(r => r.RegionId).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return rows.OrderBy(r => r.SchemeCode, StringComparer.Ordinal).ThenBy(r => names[r.RegionId], StringComparer.Ordinal)
            .Select(r => new PaymentTotal(r.SchemeCode, names[r.RegionId], r.Count, r.Amount)).ToList();
    }

    /// <summary>Summaries, counted from the same context as the notices (the public's: <see cref="UnscopedReads"/>; staff's: the scoped one).</summary>
    private IQueryable<NoticeSummary> Summaries(IQueryable<Notice> notices, IQueryable<SubsidyApplication> listed, IQueryable<Objection> objections)
    {
        var today = Today;
        return notices.OrderByDescending(n => n.PublishedAt).Select(n => new NoticeSummary(
            n.Id, n.Title, n.StartsOn, n.EndsOn, n.WorkingDays,
            listed.Count(a => a.NoticeId == n.Id),
            objections.Count(o => o.NoticeId == n.Id && o.Status == ObjectionStatus.Open),
            n.StartsOn <= today && n.EndsOn >= today));
    }

    private async Task<Dictionary<DateOnly, bool>> CalendarFromAsync(DateOnly from, CancellationToken cancellationToken) =>
        await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date < from.AddDays(120)).ToDictionaryAsync(d => d.Date, d => d.IsWorkingDay, cancellationToken);

    /// <summary>The publishing official's region code (the scope prefix padded to the 12-digit code).</summary>
    private string ScopeRegionCode() => db.Scope.RegionPrefix!.PadRight(Domain.Regions.RegionCode.Length, '0');
}
