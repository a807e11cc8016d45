using EmploymentPortal.Domain.Eligibility;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>A certification request or decision as the queue and the person page show it.</summary>
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
