using System.Text.RegularExpressions;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// What a search text may show where it is kept (an audit row, a link): a resident ID number in it
/// (15 to 18 characters of digits, the last possibly X) masked as everywhere else.
/// </summary>
public static partial class SearchTextMask
{
    public static string? Mask(string? search) =>
        search is null ? null : IdNumberLike().Replace(search, m => ResidentIdNumber.Mask(m.Value.Length == ResidentIdNumber.Length ? m.Value : m.Value.PadRight(ResidentIdNumber.Length, '*')));

    /// <summary>Whether the text holds a run of digits long enough to be (part of) an ID number: it must never go into a URL.</summary>
    public static bool HoldsIdNumber(string? search) => search is not null && LongDigitRun().IsMatch(search);

    [GeneratedRegex("[0-9]{14,17}[0-9Xx]")]
    private static partial Regex IdNumberLike();

    [GeneratedRegex("[0-9]{6,}")]
    private static partial Regex LongDigitRun();
}
