namespace EmploymentPortal.Domain.Jobs;

public enum ReferralOutcome
{
    /// <summary>Referred, no outcome yet.</summary>
    Referred = 1,
    Interview = 2,
    Hired = 3,
    NotHired = 4,
    NoShow = 5,
}

/// <summary>
/// 职业介绍: staff refer a person to a published posting and later record the outcome. A hire is
/// final: it makes the person employed and ends their unemployment registration.
/// </summary>
public sealed class Referral
{
    private Referral()
    {
        RegionCode = string.Empty;
        ByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid PostingId { get; private set; }

    /// <summary>The person's region: staff of that area see the referral.</summary>
    public string RegionCode { get; private set; }

    public DateOnly ReferredOn { get; private set; }

    public ReferralOutcome Outcome { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    public Guid? ById { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Referral Create(Guid personId, string regionCode, Guid postingId, PostingStatus postingStatus, DateOnly on, Guid? byId, string byName, DateTimeOffset at)
    {
        if (postingStatus != PostingStatus.Published)
        {
            throw new JobsException("Posting.NotPublished");
        }

        return new Referral
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            RegionCode = regionCode,
            PostingId = postingId,
            ReferredOn = on,
            Outcome = ReferralOutcome.Referred,
            ById = byId,
            ByName = byName,
            CreatedAt = at,
        };
    }

    /// <summary>Records what happened; interview may be followed by another outcome, the others are final.</summary>
    public void Record(ReferralOutcome outcome, DateOnly on, DateOnly today)
    {
        if (Outcome is not (ReferralOutcome.Referred or ReferralOutcome.Interview))
        {
            throw new JobsException("Referral.OutcomeFinal", "Outcome");
        }

        if (outcome == ReferralOutcome.Referred || !Enum.IsDefined(outcome))
        {
            throw new JobsException("Referral.OutcomeRequired", "Outcome");
        }

        if (on < ReferredOn || on > today)
        {
            throw new JobsException("Referral.DateInvalid", "On");
        }

        Outcome = outcome;
        OutcomeOn = on;
    }
}

/// <summary>A posting sent to a person (001: at least one a month to every unemployed person in a priority group).</summary>
public sealed class PostingPush
{
    private PostingPush()
    {
        RegionCode = string.Empty;
        ByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid PostingId { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly PushedOn { get; private set; }

    public Guid? ById { get; private set; }

    public string ByName { get; private set; }

    public static PostingPush Send(Guid personId, string regionCode, Guid postingId, PostingStatus postingStatus, DateOnly on, Guid? byId, string byName)
    {
        if (postingStatus != PostingStatus.Published)
        {
            throw new JobsException("Posting.NotPublished");
        }

        return new PostingPush { Id = Guid.CreateVersion7(), PersonId = personId, RegionCode = regionCode, PostingId = postingId, PushedOn = on, ById = byId, ByName = byName };
    }
}
