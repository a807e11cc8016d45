using System.Globalization;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.TestCommon;

/// <summary>Valid resident ID numbers for tests (address code of the demo city's district).</summary>
public static class TestIds
{
    private static int _sequence;

    /// <summary>A fresh valid number for a person born on <paramref name="birth"/> of the given sex.</summary>
    public static string Make(DateOnly birth, Sex sex, string addressCode = "370702")
    {
        var next = Interlocked.Increment(ref _sequence) % 500;
        var sequence = (next * 2) + (sex == Sex.Male ? 1 : 0);
        return WithCheck(addressCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Completes 17 digits with their check character, computed here from GB 11643-1999 §5.2 and
    /// not by the portal's code: ISO 7064 MOD 11-2, the digit at position i from the right
    /// (the check character is position 1) weighs 2^(i−1) mod 11, and the check value is
    /// (12 − Σ mod 11) mod 11, written X for 10.
    /// </summary>
    public static string WithCheck(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Seventeen digits expected.", nameof(first17));
        }

        var sum = 0;
        var weight = 2; // 2^1 mod 11, for the digit next to the check character
        for (var i = 16; i >= 0; i--)
        {
            sum += (first17[i] - '0') * weight;
            weight = weight * 2 % 11;
        }

        var check = (12 - (sum % 11)) % 11;
        return first17 + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
    }
}
