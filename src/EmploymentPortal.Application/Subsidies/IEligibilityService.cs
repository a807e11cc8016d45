using EmploymentPortal.Domain.Eligibility;

namespace EmploymentPortal.Application.Subsidies;

/// <summary>The policy-eligibility service over the registry: a person's recorded facts evaluated by <see cref="EligibilityRules"/>.</summary>
public interface IEligibilityService
{
    /// <summary>Evaluates a person of the caller's area for a scheme on a date; null when the person is not in the area.</summary>
    Task<EligibilityResult?> EvaluatePersonAsync(Guid personId, string code, DateOnly on, CancellationToken cancellationToken);

    /// <summary>
    /// What the registry knows about a person of the caller's area for an application on
    /// <paramref name="applicationDate"/>, the person judged at <paramref name="personDate"/> (the hire;
    /// null: the application date); null when not in the area.
    /// </summary>
    Task<EligibilityFacts?> PersonFactsAsync(Guid personId, DateOnly applicationDate, DateOnly? personDate, CancellationToken cancellationToken);

    /// <summary>Evaluates facts against a scheme with the parameter versions in force.</summary>
    Task<EligibilityResult> EvaluateAsync(EligibilityFacts facts, string code, CancellationToken cancellationToken);
}
