using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// The ledger's use cases. Reads and writes are limited to the caller's area; every change and
/// every reveal of a full ID number writes an audit event in the same transaction.
/// </summary>
public interface IPersonRegistry
{
    Task<RegisterPersonResult> RegisterAsync(RegisterPersonInput input, CancellationToken cancellationToken);

    Task<PagedResult<PersonListItem>> ListAsync(PersonListQuery query, CancellationToken cancellationToken);

    Task<PersonView?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<CommandResult> UpdateAsync(Guid id, PersonDetails details, CancellationToken cancellationToken);

    /// <summary>The full ID number, for an audited reveal; null when the person is not in the caller's area.</summary>
    Task<string?> RevealIdNumberAsync(Guid id, CancellationToken cancellationToken);

    Task<CommandResult> OpenRegistrationAsync(Guid personId, DateOnly registeredOn, CancellationToken cancellationToken);

    Task<CommandResult> EndRegistrationAsync(Guid personId, DateOnly endedOn, UnemploymentEndReason reason, CancellationToken cancellationToken);

    Task<CommandResult> AddFollowUpAsync(Guid personId, FollowUpKind kind, DateOnly occurredOn, string notes, CancellationToken cancellationToken);

    /// <summary>The audit events of a person (a cancelled one too) and of their registrations and follow-ups, newest first; null when out of scope.</summary>
    Task<IReadOnlyList<AuditEntry>?> GetHistoryAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The communities (and streets) in the caller's area a person may be registered in.</summary>
    Task<IReadOnlyList<RegionOption>> RegionsInScopeAsync(CancellationToken cancellationToken);
}
