using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Eligibility;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// The county eligibility batch: every person of a region subtree evaluated against every
/// implemented rule the registry's facts can speak to, on a date; the persons who may qualify
/// replace the subtree's previous results in one transaction.
/// </summary>
public interface IEligibilityBatch
{
    /// <summary>
    /// Evaluates the subtree of <paramref name="regionPrefix"/> (a <c>RegionCode.ScopePrefix</c>;
    /// null or empty: the whole register). A system operation: it does not read the caller's scope.
    /// </summary>
    Task<EligibilityBatchSummary> RunAsync(string? regionPrefix, DateOnly on, CancellationToken cancellationToken);

    /// <summary>Evaluates the caller's whole area today (an official's "re-run now"), audited; null when the caller has no area.</summary>
    Task<EligibilityBatchSummary?> RunForCallerAsync(CancellationToken cancellationToken);
}

public sealed record EligibilityBatchSummary(string RegionPrefix, DateOnly On, int Persons, long Evaluations, int Candidates, TimeSpan Elapsed);

/// <summary>The "may qualify" lists (可能符合条件) of the caller's area, read through the scope filter.</summary>
public interface IEligibilityCandidates
{
    /// <summary>Per scheme the number of candidates in the caller's area, and the latest evaluation covering the area.</summary>
    Task<CandidatePanel> PanelAsync(CancellationToken cancellationToken);

    /// <summary>One page of a scheme's candidates in the caller's area; null for a scheme the batch does not evaluate.</summary>
    Task<PagedResult<CandidateItem>?> ListAsync(string schemeCode, int page, int pageSize, CancellationToken cancellationToken);
}

public sealed record CandidatePanel(IReadOnlyList<CandidateCount> Schemes, DateOnly? EvaluatedOn, DateTimeOffset? FinishedAt);

public sealed record CandidateCount(string SchemeCode, int Count);

/// <summary>A candidate for a list: the person (number masked), their community, and what is still missing.</summary>
public sealed record CandidateItem(Guid PersonId, string Name, string IdNumberMasked, string RegionName, Decision Decision, IReadOnlyList<string> MissingFacts, DateOnly EvaluatedOn);
