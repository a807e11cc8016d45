namespace EmploymentPortal.Domain.Eligibility;

public enum CertificationStatus
{
    Requested = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// A request to certify a person in one hardship category (就业困难人员: the 4050 group 大龄就业困难对象,
/// or a member of a zero-employment household): made by station staff with the eligibility check of
/// its application date stored alongside, decided by a county official (a rejection gives its
/// reason). A request against a check that does not say "eligible" carries the requester's reason,
/// which the official sees flagged. An approved certification is the one source of truth for the
/// category: valid from the application date until <see cref="ValidTo"/> (for the 4050 group the
/// person's statutory retirement date: the status ends at retirement age).
/// </summary>
public sealed class HardshipCertification
{
    public const int TextMaxLength = 500;

    private HardshipCertification()
    {
        RegionCode = string.Empty;
        Category = string.Empty;
        RequestedByName = string.Empty;
        Check = [];
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>The rule it certifies against (<see cref="EligibilityRules.Hardship4050"/>).</summary>
    public string Category { get; private set; }

    public DateOnly ApplicationDate { get; private set; }

    public Decision CheckDecision { get; private set; }

    /// <summary>The check's criteria at request time, with their reasons as data.</summary>
    public List<Subsidies.StoredCriterion> Check { get; private set; }

    public Guid? RequestedById { get; private set; }

    public string RequestedByName { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public CertificationStatus Status { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>Why staff requested certification although the check did not say "eligible" (null when it did).</summary>
    public string? OverrideReason { get; private set; }

    /// <summary>The first day the category holds (the application date), set on approval.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>The day the category stops holding (exclusive), null while nothing ends it.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>An approved certification that holds on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) =>
        Status == CertificationStatus.Approved && ValidFrom <= date && (ValidTo is null || date < ValidTo);

    public uint Version { get; private set; }

    public static HardshipCertification Request(Guid personId, string regionCode, EligibilityResult check, string? overrideReason, Guid? byId, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(check);
        overrideReason = overrideReason?.Trim();
        if (check.Decision != Decision.Eligible && string.IsNullOrEmpty(overrideReason))
        {
            throw new EligibilityException("Certification.OverrideRequired", nameof(OverrideReason));
        }

        if (overrideReason?.Length > TextMaxLength)
        {
            throw new EligibilityException("Certification.ReasonTooLong", nameof(OverrideReason));
        }

        return new HardshipCertification
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            RegionCode = regionCode,
            Category = check.SchemeCode,
            ApplicationDate = check.On,
            CheckDecision = check.Decision,
            Check = check.Criteria.Select(c => new Subsidies.StoredCriterion(c.Code, c.Outcome, c.Reason)).ToList(),
            RequestedById = byId,
            RequestedByName = byName,
            RequestedAt = at,
            Status = CertificationStatus.Requested,
            OverrideReason = check.Decision == Decision.Eligible || string.IsNullOrEmpty(overrideReason) ? null : overrideReason,
        };
    }

    /// <summary>
    /// Approves (valid from the application date until <paramref name="validTo"/>, exclusive) or
    /// rejects; the requester may not decide their own request.
    /// </summary>
    public void Decide(bool approve, string? reason, DateOnly? validTo, Guid? byId, string byName, DateTimeOffset at)
    {
        if (Status != CertificationStatus.Requested)
        {
            throw new EligibilityException("Certification.AlreadyDecided");
        }

        if (byId is not null && byId == RequestedById)
        {
            throw new EligibilityException("Certification.OwnRequest");
        }

        reason = reason?.Trim();
        if (!approve && string.IsNullOrEmpty(reason))
        {
            throw new EligibilityException("Certification.ReasonRequired", "Reason");
        }

        if (reason?.Length > TextMaxLength)
        {
            throw new EligibilityException("Certification.ReasonTooLong", "Reason");
        }

        Status = approve ? CertificationStatus.Approved : CertificationStatus.Rejected;
        DecisionReason = string.IsNullOrEmpty(reason) ? null : reason;
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = at;
        if (approve)
        {
            ValidFrom = ApplicationDate;
            ValidTo = validTo;
        }
    }
}

public sealed class EligibilityException : Common.DomainException
{
    public EligibilityException(string messageKey, string field = "")
        : base(messageKey, field)
    {
    }
}
