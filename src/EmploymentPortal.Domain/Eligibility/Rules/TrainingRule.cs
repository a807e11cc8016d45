using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The vocational training subsidy to the institution (职业培训补贴, 002 §三(三)1): the trainee
/// registered unemployed; the training free to the trainee; the class's pass rate and
/// re-employment rate at least the local minimums; an amount per trainee.
/// </summary>
internal sealed class TrainingRule : IEligibilityRule
{
    public string Code => SchemeCatalog.Training;

    public JudgedAt JudgedAt => JudgedAt.Application;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        // 002 §三(三)1: a qualified institution trained laid-off/unemployed persons free of charge;
        // the labour department finds the trainees within the eligible range and the pass rate and
        // the post-training re-employment rate "reach certain requirements" (the thresholds are local).
        Registered(rule, facts);
        Flag(rule, facts.TrainingFree, "TrainingFree", nameof(facts.TrainingFree));
        Rate(rule, SchemeCatalog.Training, facts.PassRatePercent, nameof(facts.PassRatePercent), "MinPassRate", "PassRate");
        Rate(rule, SchemeCatalog.Training, facts.ReemploymentRatePercent, nameof(facts.ReemploymentRatePercent), "MinReemploymentRate", "ReemploymentRate");
        var amount = rule.Number(SchemeCatalog.Training, "AmountPerTrainee", "Amount");
        return rule.Result(amount?.Value, null);
    }
}
