using EmploymentPortal.Application.Common;
using EmploymentPortal.Domain.Eligibility;

namespace EmploymentPortal.Application.Subsidies;

/// <summary>4050 hardship certification: station staff request, county officials decide; audited, scoped.</summary>
public interface ICertificationService
{
    /// <summary>
    /// Requests certification in a hardship category (<see cref="EligibilityRules.HardshipCategories"/>) with
    /// today's check stored alongside; against a check that does not say "eligible" only with a reason.
    /// </summary>
    Task<CommandResult> RequestAsync(Guid personId, string category, string? overrideReason, CancellationToken cancellationToken);

    /// <summary>Open requests of the caller's area, oldest first.</summary>
    Task<IReadOnlyList<CertificationItem>> PendingAsync(CancellationToken cancellationToken);

    Task<CertificationItem?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The person's newest request or certification in each category, for their page.</summary>
    Task<IReadOnlyList<CertificationItem>> LatestForPersonAsync(Guid personId, CancellationToken cancellationToken);

    Task<CommandResult> DecideAsync(Guid id, bool approve, string? reason, CancellationToken cancellationToken);
}

public sealed record CertificationItem(
    Guid Id,
    Guid PersonId,
    string Category,
    string PersonName,
    string IdNumberMasked,
    string RegionName,
    DateOnly ApplicationDate,
    Decision CheckDecision,
    IReadOnlyList<Domain.Subsidies.StoredCriterion> Check,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    int DaysWaiting,
    CertificationStatus Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    string? OverrideReason,
    DateOnly? ValidFrom,
    DateOnly? ValidTo);
