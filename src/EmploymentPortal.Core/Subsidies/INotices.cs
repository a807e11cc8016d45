using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Public notice 公示 of approved applications, objections, payments and the working-day
/// calendar. Officials act within their area; the public reads notices with names and ID
/// numbers masked and may object while a notice runs.
/// </summary>
public interface INotices
{
    Task<IReadOnlyList<CalendarDayView>> CalendarAsync(int year, CancellationToken cancellationToken);

    Task<CommandResult> SetCalendarDayAsync(DateOnly date, bool isWorkingDay, string? note, CancellationToken cancellationToken);

    Task<CommandResult> RemoveCalendarDayAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>Publishes approved applications of the caller's area as one notice for the parameter's number of working days.</summary>
    Task<(CommandResult Result, Guid? Id)> PublishAsync(string? title, IReadOnlyList<Guid> applicationIds, CancellationToken cancellationToken);

    /// <summary>Notices of the caller's area, newest first (officials).</summary>
    Task<IReadOnlyList<NoticeSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Notices anyone may read: running and ended in the last 90 days, newest first.</summary>
    Task<IReadOnlyList<NoticeSummary>> PublicListAsync(CancellationToken cancellationToken);

    /// <summary>One notice as the public sees it (masked), or null.</summary>
    Task<PublicNotice?> PublicNoticeAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>One notice of the caller's area with its objections (officials).</summary>
    Task<NoticeDetail?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<CommandResult> ObjectAsync(Guid noticeId, Guid applicationId, string? text, string? contact, CancellationToken cancellationToken);

    Task<CommandResult> ResolveObjectionAsync(Guid objectionId, bool upheld, string? resolution, CancellationToken cancellationToken);

    /// <summary>Ends notices whose last working day has passed: their applications become payable, or withheld after an upheld objection.</summary>
    Task<int> CloseEndedAsync(CancellationToken cancellationToken);

    Task<CommandResult> PayAsync(Guid applicationId, decimal? amount, DateOnly paidOn, string? reference, CancellationToken cancellationToken);

    /// <summary>Payments of the caller's area summed per scheme and region.</summary>
    Task<IReadOnlyList<PaymentTotal>> TotalsAsync(CancellationToken cancellationToken);
}

public sealed record CalendarDayView(DateOnly Date, bool IsWorkingDay, string Note);

public sealed record NoticeSummary(Guid Id, string Title, DateOnly StartsOn, DateOnly EndsOn, int WorkingDays, int Applications, int OpenObjections, bool Running);

public sealed record PublicNoticeRow(Guid ApplicationId, string MaskedName, string MaskedIdNumber, string Scheme, string ApplicantName, decimal? Amount, string RegionName);

public sealed record PublicNotice(NoticeSummary Notice, IReadOnlyList<PublicNoticeRow> Rows);

public sealed record ObjectionView(Guid Id, Guid ApplicationId, string PersonName, string Text, string? Contact, DateTimeOffset LodgedAt, ObjectionStatus Status, string? Resolution, string? ResolvedBy);

public sealed record NoticeDetail(NoticeSummary Notice, IReadOnlyList<ApplicationRow> Applications, IReadOnlyList<ObjectionView> Objections);

public sealed record PaymentTotal(string Scheme, string RegionName, int Count, decimal Amount);
