namespace EmploymentPortal.Domain.Eligibility;

/// <summary>
/// A person who may qualify for a scheme (可能符合条件) on the date of the last batch evaluation:
/// no criterion unmet, and nothing unknown but facts only an application supplies (a loan amount,
/// contract dates). Written in bulk by the eligibility batch, replaced region subtree by subtree;
/// read through the region scope filter.
/// </summary>
public sealed class EligibilityCandidate
{
    public const int SchemeCodeMaxLength = 60;
    public const int MissingFactsMaxLength = 500;

    private EligibilityCandidate()
    {
        SchemeCode = string.Empty;
        RegionCode = string.Empty;
        MissingFacts = string.Empty;
    }

    public string SchemeCode { get; private set; }

    public Guid PersonId { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary><see cref="Decision.Eligible"/>, or <see cref="Decision.CannotTell"/> when application facts are still missing.</summary>
    public Decision Decision { get; private set; }

    /// <summary>The missing facts' names (<see cref="EligibilityFacts"/> properties), comma-separated; empty when eligible.</summary>
    public string MissingFacts { get; private set; }

    public DateOnly EvaluatedOn { get; private set; }
}

/// <summary>
/// The latest batch evaluation of a region subtree (<see cref="RegionPrefix"/> empty for the whole
/// register): when it ran and what it found. Not personal data and not scoped: a page shows the
/// latest run whose subtree contains the caller's whole area.
/// </summary>
public sealed class EligibilityRun
{
    private EligibilityRun()
    {
        RegionPrefix = string.Empty;
    }

    public string RegionPrefix { get; private set; }

    public DateOnly EvaluatedOn { get; private set; }

    public DateTimeOffset FinishedAt { get; private set; }

    public int Persons { get; private set; }

    public long Evaluations { get; private set; }

    public int Candidates { get; private set; }
}
