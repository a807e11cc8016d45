using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Web.Localization;

/// <summary>
/// Formats a rule's reasons (a code and typed arguments, <see cref="Reason"/>) in the reader's
/// language from the JSON texts <c>Reason.{Code}</c>. A template names its arguments:
/// <c>{max}</c> formats one in its kind (an amount as people write it, an age, a date, a policy
/// number in its unit); <c>{max:value}</c> is a number alone, <c>{max:source}</c> and
/// <c>{max:from}</c> the policy number's source and first day.
/// </summary>
public sealed partial class ReasonTexts(JsonTexts texts)
{
    public const string LegacyCode = "Legacy";

    public string Format(Reason reason) => Format(reason, CultureInfo.CurrentUICulture);

    public string Format(Reason reason, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Code == LegacyCode && reason.Args.Values.OfType<LegacyArg>().FirstOrDefault() is { } legacy)
        {
            return culture.Name.StartsWith("zh", StringComparison.Ordinal) ? legacy.Zh : legacy.En;
        }

        var template = texts.Text("Reason." + reason.Code, culture);
        return Placeholder().Replace(template, m =>
            reason.Args.TryGetValue(m.Groups["name"].Value, out var arg) ? Arg(arg, m.Groups["part"].Value, culture) : m.Value);
    }

    /// <summary>The policy numbers a reason read, each with its source and first day (distinct), for a "source" note beside it.</summary>
    public static IEnumerable<NumberArg> Numbers(Reason reason) =>
        reason.Args.Values.OfType<NumberArg>().Where(n => n.Source.Length > 0).DistinctBy(n => (n.Source, n.EffectiveFrom));

    /// <summary>A policy source as the reader sees it: document title and number, sections in Chinese form (<see cref="PolicyDocuments.Display"/>).</summary>
    public static string Source(string source) => Source(source, CultureInfo.CurrentUICulture);

    public static string Source(string source, CultureInfo culture) =>
        PolicyDocuments.Display(source, culture.Name.StartsWith("zh", StringComparison.Ordinal));

    /// <summary>An amount as people write it: 200,000 元 or 20 万元 in Chinese (whole or half 万 from 10,000 up), 200,000 yuan in English.</summary>
    public string Yuan(decimal yuan) => Yuan(yuan, CultureInfo.CurrentUICulture);

    public string Yuan(decimal yuan, CultureInfo culture)
    {
        if (!culture.Name.StartsWith("zh", StringComparison.Ordinal))
        {
            return string.Format(CultureInfo.InvariantCulture, "{0:#,0.##} yuan", yuan);
        }

        return Math.Abs(yuan) >= 10_000 && yuan % 1_000 == 0
            ? string.Format(CultureInfo.InvariantCulture, "{0:0.##} 万元", yuan / 10_000)
            : string.Format(CultureInfo.InvariantCulture, "{0:#,0.##} 元", yuan);
    }

    /// <summary>A count in its unit in the page's language (<see cref="Quantity(decimal, ParameterUnit, CultureInfo)"/>).</summary>
    public string Quantity(decimal value, ParameterUnit unit) => Quantity(value, unit, CultureInfo.CurrentUICulture);

    /// <summary>A count in its unit: "3 年", "36 months", "80%", an amount as <see cref="Yuan(decimal, CultureInfo)"/>.</summary>
    public string Quantity(decimal value, ParameterUnit unit, CultureInfo culture) => unit switch
    {
        ParameterUnit.Yuan => Yuan(value, culture),
        ParameterUnit.Percent => string.Format(CultureInfo.InvariantCulture, "{0:0.##}%", value),
        _ => string.Format(CultureInfo.InvariantCulture, Text($"Quantity.{unit}{(value == 1 ? ".One" : string.Empty)}", culture), value.ToString("0.##", CultureInfo.InvariantCulture)),
    };

    private string Arg(ReasonArg arg, string part, CultureInfo culture) => (arg, part) switch
    {
        (NumberArg n, "value") => n.Value.ToString("0.##", CultureInfo.InvariantCulture),
        (NumberArg n, "source") => Source(n.Source, culture),
        (NumberArg n, "from") => Iso(n.EffectiveFrom),
        (NumberArg n, _) => Quantity(n.Value, n.Unit, culture),
        (DateArg d, _) => Iso(d.Value),
        (AgeArg a, _) => string.Format(CultureInfo.InvariantCulture, Text("Quantity.Age", culture), a.Years, a.Months),
        (PeriodArg p, _) => string.Format(CultureInfo.InvariantCulture, Text("Quantity.Period", culture), p.Years, p.Months),
        (AmountArg a, _) => Yuan(a.Yuan, culture),
        (QuantityArg q, "value") => q.Value.ToString("0.##", CultureInfo.InvariantCulture),
        (QuantityArg q, _) => Quantity(q.Value, q.Unit, culture),
        (LabelArg l, _) => Text(l.TextKey, culture),
        (JudgedOnArg j, _) => string.Format(CultureInfo.InvariantCulture, Text("Reason.On." + j.At, culture), Iso(j.Date)),
        (LegacyArg l, _) => culture.Name.StartsWith("zh", StringComparison.Ordinal) ? l.Zh : l.En,
        _ => throw new ArgumentOutOfRangeException(nameof(arg), arg.GetType().Name, "No format for this kind of reason argument."),
    };

    private string Text(string key, CultureInfo culture) => texts.Text(key, culture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(?::(?<part>[a-z]+))?\}")]
    private static partial Regex Placeholder();
}
