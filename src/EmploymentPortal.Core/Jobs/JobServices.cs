using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Jobs;

/// <summary>A job seeker's link to their person record, saved postings and applications; staff decide link requests.</summary>
public interface ISeekerService
{
    Task<SeekerLinkView?> GetLinkAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<RegionOption>> CommunitiesAsync(CancellationToken cancellationToken);

    Task<CommandResult> RequestLinkAsync(string name, string idNumber, string phone, int regionId, string? wishedOccupationCode, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingLinkRow>> PendingLinksAsync(CancellationToken cancellationToken);

    Task<CommandResult> DecideLinkAsync(Guid linkId, bool confirm, CancellationToken cancellationToken);

    Task<SeekerPostingView?> GetPostingAsync(Guid postingId, CancellationToken cancellationToken);

    Task<CommandResult> SaveAsync(Guid postingId, bool save, CancellationToken cancellationToken);

    Task<CommandResult> ApplyAsync(Guid postingId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SeekerPostingRow>> SavedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<SeekerPostingRow>> ApplicationsAsync(CancellationToken cancellationToken);
}

/// <summary>Staff work with postings for persons of their area: matching with reasons, referrals and their outcomes, the monthly push.</summary>
public interface IStaffJobs
{
    /// <summary>Today in the portal's clock (the default date of an outcome).</summary>
    DateOnly Today { get; }

    Task<PersonForMatching?> PersonAsync(Guid personId, CancellationToken cancellationToken);

    Task<PostingForMatching?> PostingAsync(Guid postingId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MatchedPosting>?> MatchPostingsAsync(Guid personId, int top, CancellationToken cancellationToken);

    Task<IReadOnlyList<MatchedPerson>?> MatchPersonsAsync(Guid postingId, int top, CancellationToken cancellationToken);

    Task<CommandResult> ReferAsync(Guid personId, Guid postingId, CancellationToken cancellationToken);

    Task<PagedResult<ReferralRow>> ReferralsAsync(Guid? personId, int page, int pageSize, CancellationToken cancellationToken);

    Task<ReferralRow?> ReferralAsync(Guid referralId, CancellationToken cancellationToken);

    Task<CommandResult> RecordOutcomeAsync(Guid referralId, ReferralOutcome outcome, DateOnly on, CancellationToken cancellationToken);

    Task<PagedResult<DuePerson>> DueThisMonthAsync(int page, int pageSize, CancellationToken cancellationToken);

    Task<CommandResult> PushAsync(Guid personId, Guid postingId, CancellationToken cancellationToken);
}

/// <summary>Job fairs: staff keep them; anyone reads them.</summary>
public interface IJobFairs
{
    Task<IReadOnlyList<JobFairRow>> PublicListAsync(DateOnly from, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobFairRow>> StaffListAsync(CancellationToken cancellationToken);

    Task<JobFairView?> GetAsync(Guid id, bool staffScope, CancellationToken cancellationToken);

    Task<IReadOnlyList<EmployerOption>> EmployerOptionsAsync(CancellationToken cancellationToken);

    Task<(CommandResult Result, Guid? Id)> SaveAsync(Guid? id, string unitRegionCode, JobFairInput input, CancellationToken cancellationToken);
}

/// <summary>An employer account's own postings and their applicants.</summary>
public interface IApplicants
{
    Task<IReadOnlyList<EmployerPostingRow>> PostingsAsync(CancellationToken cancellationToken);

    Task<(EmployerPostingRow Posting, IReadOnlyList<ApplicantRow> Applicants)?> ApplicantsAsync(Guid postingId, CancellationToken cancellationToken);
}

public sealed record SeekerLinkView(SeekerLinkStatus Status, string IdNumberMasked, string RegionName, string? WishedOccupationCode, DateTimeOffset RequestedAt);

public sealed record SeekerPostingRow(Guid Id, string Title, string EmployerName, string RegionName, int PayMin, int PayMax, PostingType Type, PostingStatus Status, DateTimeOffset At);

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

public sealed record ApplicantRow(string Name, string Phone, DateTimeOffset AppliedAt, ApplicantPriority Priority);

/// <summary>An applicant's rank on a public-welfare post: certified 4050 persons first, then other certified hardship.</summary>
public enum ApplicantPriority
{
    None = 0,
    Hardship4050 = 1,
    OtherHardship = 2,
}

public sealed record EmployerPostingRow(Guid Id, string Title, PostingStatus Status, PostingType Type, int Applicants);
