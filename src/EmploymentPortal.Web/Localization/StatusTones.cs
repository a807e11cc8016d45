using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Web.Localization;

/// <summary>What a status means to the reader: done or granted, refused or failed, waiting for someone, or neither.</summary>
public enum Tone
{
    Neutral = 0,
    Success = 1,
    Failure = 2,
    Pending = 3,
}

/// <summary>
/// Every status shown as a tag mapped to its tone, in one place; <c>wwwroot/css/status.css</c>
/// colours the tones (green, red, amber, grey, each with a sign before the text) so 符合 and
/// 不符合 no longer look alike. The words stay: colour is never the only carrier.
/// </summary>
public static class StatusTones
{
    public static Tone Of(Enum status) => status switch
    {
        Outcome.Met or Decision.Eligible => Tone.Success,
        Outcome.NotMet or Decision.NotEligible => Tone.Failure,
        Outcome.Unknown or Decision.CannotTell => Tone.Pending,

        ZeroEmploymentStatus.Identified or ZeroEmploymentStatus.Assisting => Tone.Pending,
        ZeroEmploymentStatus.Eliminated or ZeroEmploymentStatus.Stable => Tone.Success,

        CertificationStatus.Approved => Tone.Success,
        CertificationStatus.Rejected => Tone.Failure,
        CertificationStatus.Requested => Tone.Pending,

        ApplicationStatus.Approved or ApplicationStatus.Paid => Tone.Success,
        ApplicationStatus.Rejected or ApplicationStatus.Withheld => Tone.Failure,
        ApplicationStatus.InReview or ApplicationStatus.Returned or ApplicationStatus.InNotice or ApplicationStatus.Payable => Tone.Pending,

        EmployerStatus.Verified => Tone.Success,
        EmployerStatus.Rejected => Tone.Failure,
        EmployerStatus.Pending => Tone.Pending,

        SeekerLinkStatus.Confirmed => Tone.Success,
        SeekerLinkStatus.Rejected => Tone.Failure,
        SeekerLinkStatus.Pending => Tone.Pending,

        PostingStatus.Published => Tone.Success,
        PostingStatus.PendingReview => Tone.Pending,

        LayoffStatus.Acknowledged => Tone.Success,
        LayoffStatus.Filed => Tone.Pending,

        TransferStatus.Released => Tone.Success,
        TransferStatus.Refused => Tone.Failure,
        TransferStatus.Pending => Tone.Pending,

        ObjectionStatus.Dismissed => Tone.Success,
        ObjectionStatus.Upheld => Tone.Failure,
        ObjectionStatus.Open => Tone.Pending,

        ReferralOutcome.Hired => Tone.Success,
        ReferralOutcome.NotHired or ReferralOutcome.NoShow => Tone.Failure,
        ReferralOutcome.Referred or ReferralOutcome.Interview => Tone.Pending,

        JobApplicationStatus.Hired => Tone.Success,
        JobApplicationStatus.NotHired => Tone.Failure,
        JobApplicationStatus.Submitted or JobApplicationStatus.Viewed or JobApplicationStatus.Interview => Tone.Pending,

        _ => Tone.Neutral,
    };

    /// <summary>The tag's classes: <c>tag tone-success</c>, <c>tag tone-failure</c>, <c>tag tone-pending</c> or <c>tag tone-neutral</c>.</summary>
    public static string Tag(Enum status) => "tag " + Class(Of(status));

    public static string Class(Tone tone) => tone switch
    {
        Tone.Success => "tone-success",
        Tone.Failure => "tone-failure",
        Tone.Pending => "tone-pending",
        _ => "tone-neutral",
    };
}
