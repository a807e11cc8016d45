using System.Globalization;

namespace EmploymentPortal.Domain.Persons;

/// <summary>Why a text is not a resident ID number (the message key is <c>IdNumber.{Problem}</c>).</summary>
public enum IdNumberProblem
{
    None = 0,
    Empty,
    Length,
    Characters,
    Province,
    BirthDate,
    FutureBirthDate,
    Checksum,
}

/// <summary>
/// An 18-character resident identity number (GB 11643-1999): 6-digit address code, birth date
/// YYYYMMDD (from 1880), 3-digit sequence whose parity gives the sex (odd = male), and an ISO 7064 MOD 11-2
/// check character (0–9 or X). The address code must start with a province code of
/// <see cref="IdNumberProvinces"/>. Birth date and sex are derived from it, never typed.
/// Input is normalised first: white space removed, full-width digits and X made ASCII, x upper-cased.
/// </summary>
public readonly record struct ResidentIdNumber
{
    public const int Length = 18;

    /// <summary>The earliest birth year accepted (nobody alive was born before it).</summary>
    public const int FirstBirthYear = 1880;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The GB/T 2260 address code of the place of first registration.</summary>
    public string AddressCode => Value[..6];

    public string LastFour => Value[14..];

    /// <summary>The number as lists show it: <c>110105********002X</c>.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string value) => value.Length == Length ? value[..6] + "********" + value[14..] : "******";

    /// <summary>Validates <paramref name="text"/>; a birth date after <paramref name="today"/> is refused.</summary>
    public static IdNumberProblem TryParse(string? text, DateOnly today, out ResidentIdNumber id)
    {
        id = default;
        var value = Normalize(text);
        if (value.Length == 0)
        {
            return IdNumberProblem.Empty;
        }

        if (value.Length != Length)
        {
            return IdNumberProblem.Length;
        }

        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return IdNumberProblem.Characters;
        }

        if (!IdNumberProvinces.Codes.Contains(value[..2]))
        {
            return IdNumberProblem.Province;
        }

        if (!DateOnly.TryParseExact(value[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < FirstBirthYear)
        {
            return IdNumberProblem.BirthDate;
        }

        if (birth > today)
        {
            return IdNumberProblem.FutureBirthDate;
        }

        if (CheckCharacter(value) != value[17])
        {
            return IdNumberProblem.Checksum;
        }

        id = new ResidentIdNumber(value, birth);
        return IdNumberProblem.None;
    }

    public static ResidentIdNumber Parse(string text, DateOnly today)
    {
        var problem = TryParse(text, today, out var id);
        return problem == IdNumberProblem.None ? id : throw new PersonException("IdNumber." + problem, "IdNumber");
    }

    /// <summary>The check character the first 17 digits call for.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return text;
            }

            buffer[length++] = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                'x' or 'Ｘ' or 'ｘ' => 'X',
                _ => c,
            };
        }

        return new string(buffer[..length]);
    }

    public override string ToString() => Masked;
}
