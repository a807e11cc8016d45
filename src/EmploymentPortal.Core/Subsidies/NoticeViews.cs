using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Core.Subsidies;

public sealed record CalendarDayView(DateOnly Date, bool IsWorkingDay, string Note);

public sealed record NoticeSummary(Guid Id, string Title, DateOnly StartsOn, DateOnly EndsOn, int WorkingDays, int Applications, int OpenObjections, bool Running);

/// <summary>A notice as the public lists it: its entries counted from the public read model.</summary>
public sealed record PublicNoticeSummary(Guid Id, string Title, DateOnly StartsOn, DateOnly EndsOn, int WorkingDays, int Entries, bool Running);

/// <summary>One entry of a public notice, as stored when the notice was published (masked).</summary>
public sealed record PublicNoticeRow(Guid ApplicationId, string MaskedName, string MaskedIdNumber, string Scheme, string ApplicantName, decimal? Amount, string RegionName);

public sealed record PublicNotice(PublicNoticeSummary Notice, IReadOnlyList<PublicNoticeRow> Rows);

public sealed record ObjectionView(Guid Id, Guid ApplicationId, string PersonName, string Text, string? Contact, DateTimeOffset LodgedAt, ObjectionStatus Status, string? Resolution, string? ResolvedBy);

public sealed record NoticeDetail(NoticeSummary Notice, IReadOnlyList<ApplicationRow> Applications, IReadOnlyList<ObjectionView> Objections);

public sealed record PaymentTotal(string Scheme, string RegionName, int Count, decimal Amount);

/// <summary>A typed payment amount waiting for a second official; <paramref name="Mine"/>: the caller typed it (and may not confirm it).</summary>
public sealed record PendingPayment(Guid ApplicationId, decimal Amount, DateOnly PaidOn, string Reference, string EnteredByName, bool Mine);
