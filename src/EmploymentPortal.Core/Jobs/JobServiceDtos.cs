using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Jobs;

public sealed record SeekerLinkView(SeekerLinkStatus Status, string IdNumberMasked, string RegionName, string? WishedOccupationCode, DateTimeOffset RequestedAt);

public sealed record SeekerPostingRow(Guid Id, string Title, string EmployerName, string RegionName, int PayMin, int PayMax, PostingType Type, PostingStatus Status, DateTimeOffset At);

/// <summary>A seeker's application: the posting (<see cref="SeekerPostingRow.At"/>: when applied) and the outcome staff recorded on a referral to it, if any (null: 已投递).</summary>
/// <summary>A seeker's application: its posting, where the employer has taken it (and when), and the outcome staff recorded on a referral to the same posting.</summary>
public sealed record SeekerApplicationRow(SeekerPostingRow Posting, ReferralOutcome? Outcome, DateOnly? OutcomeOn, JobApplicationStatus Status = JobApplicationStatus.Submitted, DateOnly? StatusOn = null);

public sealed record SeekerPostingView(Guid Id, string Title, string Description, string EmployerName, string RegionName, string OccupationCode, int PayMin, int PayMax, PostingType Type, DateOnly ValidTo, bool Saved, bool Applied);

public sealed record PendingLinkRow(Guid Id, string Name, string IdNumberMasked, string PhoneMasked, string RegionName, DateTimeOffset RequestedAt);

public sealed record MatchedPosting(Guid Id, string Title, string EmployerName, string RegionName, int PayMin, int PayMax, PostingType Type, int Points, IReadOnlyList<MatchReason> Reasons);

public sealed record MatchedPerson(Guid Id, string Name, string RegionName, int Points, IReadOnlyList<MatchReason> Reasons);

public sealed record PersonForMatching(Guid Id, string Name, string RegionCode, EmploymentStatus Status, bool Hardship);

public sealed record PostingForMatching(Guid Id, string Title, string EmployerName, PostingType Type);

public sealed record ReferralRow(Guid Id, Guid PersonId, string PersonName, string PostingTitle, DateOnly ReferredOn, ReferralOutcome Outcome, DateOnly? OutcomeOn, string ByName);

public sealed record DuePerson(Guid Id, string Name, string RegionName, PriorityGroups Groups, DateOnly? UnemployedSince);

public sealed record JobFairRow(Guid Id, string Title, DateOnly Date, bool Online, string? Venue, int Employers);

public sealed record JobFairPosting(Guid Id, string Title, int PayMin, int PayMax, PostingType Type);

public sealed record JobFairEmployer(Guid Id, string Name, IReadOnlyList<JobFairPosting> Postings);

public sealed record JobFairView(Guid Id, string Title, DateOnly Date, bool Online, string? Venue, string? Description, IReadOnlyList<Guid> EmployerIds, IReadOnlyList<JobFairEmployer> Employers);

public sealed record JobFairInput(string Title, DateOnly Date, bool Online, string? Venue, string? Description, IReadOnlyList<Guid> EmployerIds);

public sealed record EmployerOption(Guid Id, string Name);

public sealed record ApplicantRow(string Name, string Phone, DateTimeOffset AppliedAt, ApplicantPriority Priority, Guid Id, JobApplicationStatus Status, DateOnly? StatusOn);

/// <summary>An applicant's rank on a public-welfare post: certified 4050 persons first, then other certified hardship.</summary>
public enum ApplicantPriority
{
    None = 0,
    Hardship4050 = 1,
    OtherHardship = 2,
}

public sealed record EmployerPostingRow(Guid Id, string Title, PostingStatus Status, PostingType Type, int Applicants);
