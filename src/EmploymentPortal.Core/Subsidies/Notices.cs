using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Public notice 公示 of approved applications, objections, payments and the working-day
/// calendar. Officials act within their area, through the scope filter. Publishing writes the
/// notice's public read model (<see cref="NoticeEntry"/>: masked name and ID number, scheme,
/// applicant, amount, region name) in the same save; the public pages read only notices and
/// those entries, through <see cref="UnscopedReads"/>, never the applications or persons.
/// </summary>
public sealed class Notices(
    PortalDbContext db,
    UnscopedReads unscoped,
    SubsidyApplications applications,
    PolicyParameterStore parameters,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock,
    IOptions<NoticeOptions> options,
    PortalMetrics metrics)
{
    private const string NoticeEntity = "Notice";

    private int RetentionDays => options.Value.PublicRetentionDays;

    private DateOnly Today => clock.Today;

    public async Task<IReadOnlyList<CalendarDayView>> CalendarAsync(int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date < to).OrderBy(d => d.Date)
            .Select(d => new CalendarDayView(d.Date, d.IsWorkingDay, d.Note)).ToListAsync(cancellationToken);
    }

    /// <summary>Sets a day of the city-wide calendar: city officials only (<see cref="Capabilities.KeepCalendar"/>).</summary>
    public async Task<CommandResult> SetCalendarDayAsync(DateOnly date, bool isWorkingDay, string? note, CancellationToken cancellationToken)
    {
        if (!actor.Can(Capabilities.KeepCalendar))
        {
            return CommandResult.Fail(string.Empty, "Calendar.CityOnly");
        }

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
        if (!actor.Can(Capabilities.KeepCalendar))
        {
            return CommandResult.Fail(string.Empty, "Calendar.CityOnly");
        }

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

    /// <summary>
    /// Publishes approved applications of the caller's area as one notice for the parameter's
    /// number of working days, with each application's public entry (masked at this moment).
    /// </summary>
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

        // What the public will see of each person, read in the publishing official's scope.
        var personIds = selected.Select(a => a.PersonId).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, Region = db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).First() })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        if (persons.Count != personIds.Count)
        {
            // A person transferred out of the area since approval (the application stays here), or
            // no longer live: publishing them without their entry would hide them from objections.
            return (CommandResult.Fail(string.Empty, "Notice.PersonNotInArea"), null);
        }

        db.Notices.Add(notice);
        foreach (var application in selected)
        {
            application.PublishOn(notice.Id);
            var person = persons[application.PersonId];
            db.NoticeEntries.Add(NoticeEntry.Of(application, person.Name, person.IdNumberMasked, person.Region));
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

    /// <summary>Notices of the caller's area, newest first (officials).</summary>
    public async Task<IReadOnlyList<NoticeSummary>> ListAsync(CancellationToken cancellationToken) =>
        await Summaries(db.Notices.AsNoTracking(), db.SubsidyApplications, db.Objections).ToListAsync(cancellationToken);

    /// <summary>Notices anyone may read: running and ended within the retention (<see cref="NoticeOptions.PublicRetentionDays"/>), newest first.</summary>
    public async Task<IReadOnlyList<PublicNoticeSummary>> PublicListAsync(CancellationToken cancellationToken) =>
        await PublicSummaries(unscoped.PublicNotices(Today, RetentionDays)).ToListAsync(cancellationToken);

    /// <summary>One notice as the public sees it, from its public read model (masked at publication), or null.</summary>
    public async Task<PublicNotice?> PublicNoticeAsync(Guid id, CancellationToken cancellationToken)
    {
        var summary = await PublicSummaries(unscoped.PublicNotices(Today, RetentionDays).Where(n => n.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var rows = await unscoped.PublicNoticeEntries(Today, RetentionDays).Where(e => e.NoticeId == id)
            .OrderBy(e => e.RegionName).ThenBy(e => e.ApplicationId)
            .Select(e => new PublicNoticeRow(e.ApplicationId, e.MaskedName, e.MaskedIdNumber, e.SchemeCode, e.ApplicantName, e.Amount, e.RegionName))
            .ToListAsync(cancellationToken);
        return new PublicNotice(summary, rows);
    }

    /// <summary>One notice of the caller's area with its objections (officials).</summary>
    public async Task<NoticeDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var summary = await Summaries(db.Notices.AsNoTracking().Where(n => n.Id == id), db.SubsidyApplications, db.Objections).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var rows = await applications.ListAsync(new ApplicationQuery(NoticeId: id, PageSize: 1000), cancellationToken);
        var objections = await db.Objections.AsNoTracking().Where(o => o.NoticeId == id).OrderBy(o => o.LodgedAt)
            .Join(db.SubsidyApplications, o => o.ApplicationId, a => a.Id, (o, a) => new { o, a.PersonId, a.ApplicantName })

            // An inner join on persons would hide the objection of a person transferred out since (and it blocks payment): the entry's published name then.
            .Select(x => new ObjectionView(
                x.o.Id, x.o.ApplicationId,
                db.Persons.Where(p => p.Id == x.PersonId).Select(p => p.Name).FirstOrDefault()
                    ?? db.NoticeEntries.Where(e => e.ApplicationId == x.o.ApplicationId).Select(e => e.MaskedName).FirstOrDefault()
                    ?? string.Empty,
                x.o.Text, x.o.Contact, x.o.LodgedAt, x.o.Status, x.o.Resolution, x.o.ResolvedByName))
            .ToListAsync(cancellationToken);
        return new NoticeDetail(summary, rows.Items, objections);
    }

    /// <summary>An objection from the public to an entry of a running notice (anonymous).</summary>
    public async Task<CommandResult> ObjectAsync(Guid noticeId, Guid applicationId, string? text, string? contact, CancellationToken cancellationToken)
    {
        // The public objects to an entry of a notice: both are public (the notice and its read model);
        // the domain checks the entry is on the notice and the notice open.
        var (notice, entry) = await unscoped.NoticeAndEntryAsync(noticeId, applicationId, cancellationToken);
        if (notice is null || entry is null)
        {
            return CommandResult.Fail(string.Empty, "Objection.NoticeNotOpen");
        }

        Objection objection;
        try
        {
            objection = Objection.Lodge(notice, entry, text ?? string.Empty, contact, Today, clock.UtcNow);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        db.Objections.Add(objection);

        // Who objected is not recorded (anonymous); the audit keeps the event, not the text's author.
        audit.Add("ObjectionLodged", NoticeEntity, noticeId.ToString(), entry.RegionCode, null, new { applicationId, objectionId = objection.Id });

        // The objection is filed into the entry's area, which is not the visitor's (who has none): the wall covers that area for this transaction (ADR 0003).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RowSecurity.WidenTransactionAsync(db, [objection.RegionCode], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>An official upholds (the application is withheld) or dismisses an objection of the area.</summary>
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

    /// <summary>Ends notices whose last working day has passed: their applications become payable, or withheld after an upheld objection.</summary>
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

    /// <summary>Records the payment of a payable application, once.</summary>
    /// <summary>
    /// Records a payment: at once when the rule computed the amount; a typed amount waits for a
    /// second official (<see cref="ConfirmPaymentAsync"/>). The last step's approver may not pay.
    /// </summary>
    public async Task<CommandResult> PayAsync(Guid applicationId, decimal? amount, DateOnly paidOn, string? reference, CancellationToken cancellationToken)
    {
        var application = await db.SubsidyApplications.Include(a => a.Actions).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return CommandResult.Fail(string.Empty, "Application.NotFound");
        }

        Payment? payment;
        try
        {
            payment = Payment.Record(application, amount, paidOn, reference ?? string.Empty, Today, actor.Name, clock.UtcNow, actor.UserId);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        if (payment is null)
        {
            audit.Add("PaymentEntered", SubsidyApplications.EntityType, applicationId.ToString(), application.RegionCode, null,
                new { amount = application.PendingPaymentAmount, paidOn = application.PendingPaymentPaidOn, reference = application.PendingPaymentReference });
            return await SavePaymentAsync(cancellationToken);
        }

        db.Payments.Add(payment);
        audit.Add("PaymentRecorded", SubsidyApplications.EntityType, applicationId.ToString(), application.RegionCode, null, new { payment.Amount, payment.PaidOn, payment.Reference });
        return Counted(await SavePaymentAsync(cancellationToken), application, payment);
    }

    /// <summary>A second official confirms a typed amount (not who typed it, nor the last step's approver); the payment is then recorded.</summary>
    public async Task<CommandResult> ConfirmPaymentAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await db.SubsidyApplications.Include(a => a.Actions).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return CommandResult.Fail(string.Empty, "Application.NotFound");
        }

        Payment payment;
        try
        {
            payment = Payment.Confirm(application, actor.Name, clock.UtcNow, actor.UserId);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        db.Payments.Add(payment);
        audit.Add("PaymentConfirmed", SubsidyApplications.EntityType, applicationId.ToString(), application.RegionCode, null,
            new { payment.Amount, payment.PaidOn, payment.Reference, enteredBy = payment.RecordedByName });
        return Counted(await SavePaymentAsync(cancellationToken), application, payment);
    }

    /// <summary>A typed amount is sent back unpaid, to be typed again.</summary>
    public async Task<CommandResult> DiscardPaymentAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await db.SubsidyApplications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return CommandResult.Fail(string.Empty, "Application.NotFound");
        }

        var before = new { amount = application.PendingPaymentAmount, enteredBy = application.PendingPaymentByName };
        try
        {
            Payment.Discard(application);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        audit.Add("PaymentDiscarded", SubsidyApplications.EntityType, applicationId.ToString(), application.RegionCode, before, null);
        return await SavePaymentAsync(cancellationToken);
    }

    /// <summary>The typed amounts of the caller's area waiting for a second official, by application.</summary>
    public async Task<IReadOnlyDictionary<Guid, PendingPayment>> PendingPaymentsAsync(CancellationToken cancellationToken) =>
        await db.SubsidyApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Payable && a.PendingPaymentAmount != null)
            .Select(a => new PendingPayment(a.Id, a.PendingPaymentAmount!.Value, a.PendingPaymentPaidOn!.Value, a.PendingPaymentReference!, a.PendingPaymentByName!, a.PendingPaymentById == actor.UserId))
            .ToDictionaryAsync(p => p.ApplicationId, cancellationToken);

    private async Task<CommandResult> SavePaymentAsync(CancellationToken cancellationToken)
    {
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

    /// <summary>A recorded payment counts in the metrics once it is saved.</summary>
    private CommandResult Counted(CommandResult saved, SubsidyApplication application, Payment payment)
    {
        if (saved.Succeeded)
        {
            metrics.PaymentRecorded(application.SchemeCode, payment.Amount);
        }

        return saved;
    }

    /// <summary>Payments of the caller's area summed per scheme and region.</summary>
    public async Task<IReadOnlyList<PaymentTotal>> TotalsAsync(CancellationToken cancellationToken)
    {
        // Per the community the application was made in (its region code), so a payment stays counted after its person is transferred out.
        var rows = await db.Payments.AsNoTracking()
            .Join(db.SubsidyApplications, p => p.ApplicationId, a => a.Id, (p, a) => new { p.SchemeCode, p.Amount, a.RegionCode })
            .GroupBy(x => new { x.SchemeCode, x.RegionCode })
            .Select(g => new { g.Key.SchemeCode, g.Key.RegionCode, Count = g.Count(), Amount = g.Sum(x => x.Amount) })
            .ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        string Name(string code) => names.GetValueOrDefault(code, code);
        // Regions in code order, the order of the administrative divisions (行政区划代码) the reports use.
        return rows.OrderBy(r => r.SchemeCode, StringComparer.Ordinal).ThenBy(r => r.RegionCode, StringComparer.Ordinal)
            .Select(r => new PaymentTotal(r.SchemeCode, Name(r.RegionCode), r.Count, r.Amount)).ToList();
    }

    /// <summary>The public's summaries: notices and their entries, both from <see cref="UnscopedReads"/> (one context).</summary>
    private IQueryable<PublicNoticeSummary> PublicSummaries(IQueryable<Notice> notices)
    {
        var today = Today;
        var entries = unscoped.PublicNoticeEntries(today, RetentionDays);
        return notices.OrderByDescending(n => n.PublishedAt).Select(n => new PublicNoticeSummary(
            n.Id, n.Title, n.StartsOn, n.EndsOn, n.WorkingDays,
            entries.Count(e => e.NoticeId == n.Id),
            n.StartsOn <= today && n.EndsOn >= today));
    }

    /// <summary>Staff's summaries, counted in the scoped context.</summary>
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
