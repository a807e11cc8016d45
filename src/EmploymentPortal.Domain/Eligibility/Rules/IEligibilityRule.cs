namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// One scheme's (or hardship category's) conditions. <see cref="EligibilityRules.Evaluate"/> makes
/// the builder for the dates, adds the working-age criterion every rule shares, then asks the rule
/// of the code for the rest.
/// </summary>
internal interface IEligibilityRule
{
    /// <summary>The scheme or hardship category code (<see cref="Subsidies.SchemeCatalog"/>, <see cref="EligibilityRules.HardshipCategories"/>).</summary>
    string Code { get; }

    /// <summary>The date the person's own conditions are judged at (README.md in this folder says why).</summary>
    JudgedAt JudgedAt { get; }

    /// <summary>Adds the rule's criteria, in order, after the working age, and returns the result with its amount and duration.</summary>
    EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts);
}
