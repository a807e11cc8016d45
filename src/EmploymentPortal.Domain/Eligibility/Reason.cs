using System.Text.Json.Serialization;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Domain.Eligibility;

/// <summary>
/// Why a criterion came out as it did, as data: a reason code (the pages' text key
/// <c>Reason.{Code}</c>) and named, typed arguments. The Web layer formats it in the reader's
/// language; the domain writes no sentences, and a stored check keeps the code and arguments,
/// so an old check reads in either language.
/// </summary>
public sealed record Reason(string Code, IReadOnlyDictionary<string, ReasonArg> Args)
{
    public static Reason Of(string code, params (string Name, ReasonArg Value)[] args) =>
        new(code, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    public bool Equals(Reason? other) =>
        other is not null && Code == other.Code && Args.Count == other.Args.Count
        && Args.All(a => other.Args.TryGetValue(a.Key, out var b) && a.Value.Equals(b));

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
}

/// <summary>A typed argument of a <see cref="Reason"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DateArg), "date")]
[JsonDerivedType(typeof(AgeArg), "age")]
[JsonDerivedType(typeof(PeriodArg), "period")]
[JsonDerivedType(typeof(AmountArg), "amount")]
[JsonDerivedType(typeof(QuantityArg), "quantity")]
[JsonDerivedType(typeof(NumberArg), "number")]
[JsonDerivedType(typeof(LabelArg), "label")]
[JsonDerivedType(typeof(JudgedOnArg), "judgedOn")]
[JsonDerivedType(typeof(LegacyArg), "legacy")]
public abstract record ReasonArg;

/// <summary>A calendar date.</summary>
public sealed record DateArg(DateOnly Value) : ReasonArg;

/// <summary>An age in whole years and months.</summary>
public sealed record AgeArg(int Years, int Months) : ReasonArg;

/// <summary>A length of time in whole years and months (a contract's length).</summary>
public sealed record PeriodArg(int Years, int Months) : ReasonArg;

/// <summary>An amount of money in yuan.</summary>
public sealed record AmountArg(decimal Yuan) : ReasonArg;

/// <summary>A count in a unit (months, years, days, percent; yuan is an <see cref="AmountArg"/>).</summary>
public sealed record QuantityArg(decimal Value, ParameterUnit Unit) : ReasonArg;

/// <summary>
/// A policy number as it was read: its key, the version in force (value and first day) and the
/// version's source. Formatted as its value in its unit; pages show the source beside the reason.
/// </summary>
public sealed record NumberArg(string Key, decimal Value, ParameterUnit Unit, DateOnly EffectiveFrom, string Source) : ReasonArg;

/// <summary>Something the pages name from their texts: a text key (a sex, a hardship category, a policy number's name).</summary>
public sealed record LabelArg(string TextKey) : ReasonArg;

/// <summary>The date the person's conditions were judged at and what it is: the application date or the hire (contract start).</summary>
public sealed record JudgedOnArg(JudgedAt At, DateOnly Date) : ReasonArg;

/// <summary>A reason stored before reasons were data (both languages as written then); only migrated checks carry it.</summary>
public sealed record LegacyArg(string Zh, string En) : ReasonArg;
