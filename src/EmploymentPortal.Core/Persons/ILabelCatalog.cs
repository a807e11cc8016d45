namespace EmploymentPortal.Core.Persons;

/// <summary>Labels of enum values as staff see them (both cultures), for Excel cells.</summary>
public interface ILabelCatalog
{
    /// <summary>The label in the current culture.</summary>
    string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum;

    /// <summary>Text in the current culture (headers, hints).</summary>
    string Text(string key);

    /// <summary>The text of a key in every supported culture (to accept headers in either language).</summary>
    IReadOnlyList<string> TextInAllCultures(string key);

    /// <summary>Accepts a label in any supported culture or the value's name.</summary>
    bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum;
}
