using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Localization;

/// <summary>
/// All user-facing text, JSON files per culture (Localization/Texts.{culture}.json and
/// Localization/Texts.{area}.{culture}.json, embedded).
/// zh-CN is the default and the fallback; a key missing everywhere shows as the key itself,
/// which a test forbids.
/// </summary>
public sealed class JsonTexts
{
    public const string DefaultCulture = "zh-CN";

    public static readonly IReadOnlyList<string> Cultures = [DefaultCulture, "en-US"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public JsonTexts()
    {
        _byCulture = Cultures.ToFrozenDictionary(c => c, Load);
    }

    /// <summary>Whether pages render in Chinese (for bilingual data such as scheme names and eligibility reasons).</summary>
    public static bool UiIsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public IReadOnlyDictionary<string, string> For(string culture) => _byCulture[culture];

    public string? Find(string key, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_byCulture.TryGetValue(c.Name, out var texts) && texts.TryGetValue(key, out var text))
            {
                return text;
            }
        }

        return _byCulture[DefaultCulture].GetValueOrDefault(key);
    }

    /// <summary>The text of a key in a culture (falling back as <see cref="Find"/> does), or the key itself when none has it.</summary>
    public string Text(string key, CultureInfo culture) => Find(key, culture) ?? key;

    /// <summary>
    /// Merges every embedded <c>Texts.{culture}.json</c> and <c>Texts.{area}.{culture}.json</c>
    /// (one file per feature area, so features add texts without touching each other's files).
    /// A key defined twice is a start-up error.
    /// </summary>
    private static FrozenDictionary<string, string> Load(string culture)
    {
        var assembly = typeof(JsonTexts).Assembly;
        var suffix = $".{culture}.json";
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Texts.", StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException($"Missing embedded resource Texts{suffix}.");
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                if (!merged.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"The text key {key} is defined twice ({name}).");
                }
            }
        }

        return merged.ToFrozenDictionary();
    }
}

/// <summary>The shared localizer type pages inject: <c>IStringLocalizer&lt;Texts&gt;</c>.</summary>
public sealed class Texts;

public sealed class JsonStringLocalizer(JsonTexts texts) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = texts.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        texts.For(CultureInfo.CurrentUICulture.Name is var n && JsonTexts.Cultures.Contains(n) ? n : JsonTexts.DefaultCulture)
            .Select(kv => new LocalizedString(kv.Key, kv.Value));
}

public sealed class JsonStringLocalizerFactory(JsonTexts texts) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(texts);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
