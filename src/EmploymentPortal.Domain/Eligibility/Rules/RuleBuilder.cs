using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>Collects criteria and turns them into a decision: any unmet → not eligible; else any unknown → cannot tell.</summary>
internal sealed class RuleBuilder(string code, DateOnly on, DateOnly personOn, JudgedAt judgedAt, PolicyParameterSet parameters)
{
    private readonly List<Criterion> _criteria = [];
    private readonly List<string> _missing = [];

    public PolicyParameterSet Parameters => parameters;

    /// <summary>The date the person's own conditions are judged at (<see cref="EligibilityRules.JudgedAtOf"/>).</summary>
    public DateOnly PersonOn => personOn;

    /// <summary>That date as the explanations name it: the hire when it is not the application date.</summary>
    public JudgedOnArg On => new(judgedAt == JudgedAt.Hire && personOn != on ? JudgedAt.Hire : JudgedAt.Application, personOn);

    public void Add(string criterion, bool met, IReadOnlyDictionary<string, string> facts, Reason reason) =>
        _criteria.Add(new Criterion(criterion, met ? Outcome.Met : Outcome.NotMet, reason, facts));

    public void Missing(string criterion, string fact, Reason reason)
    {
        _criteria.Add(new Criterion(criterion, Outcome.Unknown, reason, new Dictionary<string, string>()));
        _missing.Add(fact);
    }

    /// <summary>Information that is neither a condition nor a fact gap (e.g. how a duration was computed).</summary>
    public void Note(string criterion, IReadOnlyDictionary<string, string> facts, Reason reason) =>
        _criteria.Add(new Criterion(criterion, Outcome.Met, reason, facts));

    /// <summary>A scheme's number in force on the application date (<see cref="Number(string, ParameterUnit, string)"/>).</summary>
    public NumberArg? Number(string scheme, string name, string criterion)
    {
        var parameter = SchemeCatalog.Find(scheme)!.Parameters.Single(p => p.Name == name);
        return Number(parameter.Key, parameter.Unit, criterion);
    }

    /// <summary>
    /// A number in force on the application date, with the version and source that say so; a
    /// missing one makes the criterion unknown (the county has not set it).
    /// </summary>
    public NumberArg? Number(string key, ParameterUnit unit, string criterion)
    {
        if (parameters.TryVersionOn(key, on) is { } version)
        {
            return new NumberArg(key, version.Value, unit, version.EffectiveFrom, version.Source);
        }

        Missing(criterion, key, Reason.Of(EligibilityRules.NumberNotSet, ("number", new LabelArg(ParameterNames.TextKey(key))), ("on", new DateArg(on))));
        return null;
    }

    public EligibilityResult Result(decimal? amount = null, int? months = null)
    {
        var decision = _criteria.Any(c => c.Outcome == Outcome.NotMet) ? Decision.NotEligible
            : _criteria.Any(c => c.Outcome == Outcome.Unknown) ? Decision.CannotTell
            : Decision.Eligible;
        return new EligibilityResult(code, on, personOn, On.At, decision, _criteria, _missing.Distinct().ToList(),
            decision == Decision.Eligible ? amount : null, decision == Decision.Eligible ? months : null);
    }
}
