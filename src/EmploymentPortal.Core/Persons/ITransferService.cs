using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Transfers of residents between communities: the receiving side requests by ID number (learning
/// only which unit holds the record), the holding side releases or refuses. A release moves the
/// person with their registrations and follow-ups (and their household when they head it).
/// </summary>
public interface ITransferService
{
    Task<(CommandResult Result, Guid? Id)> RequestAsync(string idNumber, int toRegionId, string reason, CancellationToken cancellationToken);

    /// <summary>Transfers from or to the caller's area, pending first, then newest.</summary>
    Task<IReadOnlyList<TransferItem>> ListAsync(CancellationToken cancellationToken);

    Task<TransferItem?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<CommandResult> DecideAsync(Guid id, bool release, string? note, CancellationToken cancellationToken);
}

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
