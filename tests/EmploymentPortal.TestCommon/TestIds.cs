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
        var first17 = addressCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }
}
