using System.Collections.Concurrent;
using System.Globalization;
using EmploymentPortal.Core.Persons;

namespace EmploymentPortal.Web.Localization;

/// <summary>Enum labels from the <c>{EnumName}.{Value}</c> texts of every culture, for Excel cells.</summary>
public sealed class LabelCatalog(JsonTexts texts) : ILabelCatalog
{
    private readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, object>> _parsers = new();

    public string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Text($"{typeof(TEnum).Name}.{value}");

    public string Text(string key) => texts.Text(key, CultureInfo.CurrentUICulture);

    public IReadOnlyList<string> TextInAllCultures(string key) =>
        JsonTexts.Cultures.Select(c => texts.For(c).GetValueOrDefault(key)).OfType<string>().Distinct().ToList();

    public bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var parser = _parsers.GetOrAdd(typeof(TEnum), _ =>
        {
            var map = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var v in Enum.GetValues<TEnum>())
            {
                map[v.ToString()] = v;
                foreach (var culture in JsonTexts.Cultures)
                {
                    if (texts.For(culture).TryGetValue($"{typeof(TEnum).Name}.{v}", out var label))
                    {
                        map.TryAdd(label.Trim(), v);
                    }
                }
            }

            return map;
        });
        if (parser.TryGetValue(text.Trim(), out var found))
        {
            value = (TEnum)found;
            return true;
        }

        value = default;
        return false;
    }
}
