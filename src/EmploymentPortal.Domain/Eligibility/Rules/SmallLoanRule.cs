using System.Globalization;
using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The small guaranteed loan (小额担保贷款, 003 §四(一)): registered unemployed; starting
/// self-employment; the amount at most the maximum; the term at most the maximum years.
/// </summary>
internal sealed class SmallLoanRule : IEligibilityRule
{
    public string Code => SchemeCatalog.SmallLoan;

    public JudgedAt JudgedAt => JudgedAt.Application;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        Registered(rule, facts);
        Flag(rule, facts.StartingSelfEmployment, "SelfEmployment", nameof(facts.StartingSelfEmployment));
        var max = rule.Number(SchemeCatalog.SmallLoan, "MaxAmount", "LoanAmount");
        var years = rule.Number(SchemeCatalog.SmallLoan, "MaxTermYears", "LoanTerm");
        if (facts.RequestedLoanAmount is not { } amount)
        {
            rule.Missing("LoanAmount", nameof(facts.RequestedLoanAmount), R("LoanAmount.Missing"));
        }
        else if (amount <= 0)
        {
            // Nothing to lend is not "above the maximum": the amount itself is wrong.
            rule.Add("LoanAmount", false, new Dictionary<string, string> { ["requested"] = Money(amount) }, R("LoanAmount.NotPositive", ("requested", new AmountArg(amount))));
        }
        else if (max is { } maxAmount)
        {
            var met = amount <= maxAmount.Value;
            rule.Add("LoanAmount", met, new Dictionary<string, string> { ["requested"] = Money(amount), ["max"] = Money(maxAmount.Value) },
                R(met ? "LoanAmount.Within" : "LoanAmount.Above", ("requested", new AmountArg(amount)), ("max", maxAmount)));
        }

        if (facts.RequestedLoanTermMonths is not { } term)
        {
            rule.Missing("LoanTerm", nameof(facts.RequestedLoanTermMonths), R("LoanTerm.Missing"));
        }
        else if (term <= 0)
        {
            rule.Add("LoanTerm", false, new Dictionary<string, string> { ["termMonths"] = term.ToString(CultureInfo.InvariantCulture) }, R("LoanTerm.NotPositive", ("term", Months(term))));
        }
        else if (years is { } maxYears)
        {
            var met = term <= maxYears.Value * 12;
            rule.Add("LoanTerm", met, new Dictionary<string, string> { ["termMonths"] = term.ToString(CultureInfo.InvariantCulture), ["maxYears"] = Money(maxYears.Value) },
                R(met ? "LoanTerm.Within" : "LoanTerm.Beyond", ("term", Months(term)), ("max", maxYears)));
        }

        return rule.Result(facts.RequestedLoanAmount, facts.RequestedLoanTermMonths);
    }
}
