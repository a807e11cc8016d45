using System.Globalization;
using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The living-cost allowance during training (培训期间生活费补贴, 001): a poor laborer or hardship
/// person; days of training attended; the daily amount times the days, at most the maximum days.
/// </summary>
internal sealed class TrainingLivingCostRule : IEligibilityRule
{
    public string Code => SchemeCatalog.TrainingLivingCost;

    public JudgedAt JudgedAt => JudgedAt.Application;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        PoorOrHardship(rule, facts);
        var daily = rule.Number(SchemeCatalog.TrainingLivingCost, "DailyAmount", "Amount");
        var maxDays = rule.Number(SchemeCatalog.TrainingLivingCost, "MaxDays", "Amount");
        if (facts.TrainingDays is not { } days)
        {
            rule.Missing("TrainingAttended", nameof(facts.TrainingDays), R("TrainingAttended.Missing"));
            return rule.Result();
        }

        rule.Add("TrainingAttended", days > 0, new Dictionary<string, string> { ["trainingDays"] = days.ToString(CultureInfo.InvariantCulture) },
            days > 0 ? R("TrainingAttended.Met", ("days", new QuantityArg(days, ParameterUnit.Days))) : R("TrainingAttended.NotMet"));
        if (daily is not { } perDay || maxDays is not { } cap || days <= 0)
        {
            return rule.Result();
        }

        var paidDays = Math.Min(days, (int)cap.Value);
        rule.Note("Amount", new Dictionary<string, string> { ["paidDays"] = paidDays.ToString(CultureInfo.InvariantCulture), ["dailyAmount"] = Money(perDay.Value) },
            R("Amount.PerDay", ("days", new QuantityArg(paidDays, ParameterUnit.Days)), ("max", cap), ("daily", perDay), ("amount", new AmountArg(perDay.Value * paidDays))));
        return rule.Result(perDay.Value * paidDays, null);
    }
}
