using EmploymentPortal.Domain.Eligibility;

namespace EmploymentPortal.Core.Subsidies;

public sealed record EligibilityBatchSummary(string RegionPrefix, DateOnly On, int Persons, long Evaluations, int Candidates, TimeSpan Elapsed);

public sealed record CandidatePanel(IReadOnlyList<CandidateCount> Schemes, DateOnly? EvaluatedOn, DateTimeOffset? FinishedAt);

public sealed record CandidateCount(string SchemeCode, int Count);

/// <summary>A candidate for a list: the person (number masked), their community, and what is still missing.</summary>
public sealed record CandidateItem(Guid PersonId, string Name, string IdNumberMasked, string RegionName, Decision Decision, IReadOnlyList<string> MissingFacts, DateOnly EvaluatedOn);
