using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// A transfer as the caller may see it: the person's name only when the caller's area holds (or
/// now holds) the record; the masked number always.
/// </summary>
public sealed record TransferItem(
    Guid Id,
    Guid PersonId,
    string? PersonName,
    string IdNumberMasked,
    string FromName,
    string ToName,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    TransferStatus Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    bool CanDecide);
