namespace EmploymentPortal.Domain.Jobs;

/// <summary>
/// The 18-character unified social credit code 统一社会信用代码 (GB 32100-2015): registration
/// authority, organisation type, the 6-digit division code, the 9-character organisation code and
/// a check character over the first 17, from the 31-character set without I, O, Z, S and V.
/// </summary>
public readonly record struct CreditCode
{
    public const int Length = 18;
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out CreditCode code)
    {
        code = default;
        var value = text?.Trim().ToUpperInvariant();
        if (value is not { Length: Length } || value.Any(c => !Charset.Contains(c, StringComparison.Ordinal)) || !value[2..8].All(char.IsAsciiDigit))
        {
            return false;
        }

        if (CheckCharacter(value.AsSpan(0, Length - 1)) != value[^1])
        {
            return false;
        }

        code = new CreditCode(value);
        return true;
    }

    /// <summary>The check character of the first 17 characters: 31 − (Σ value × weight mod 31), 31 reading as 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> body)
    {
        if (body.Length != Length - 1)
        {
            throw new ArgumentException("A credit code body has 17 characters.", nameof(body));
        }

        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            sum += Charset.IndexOf(body[i], StringComparison.Ordinal) * Weights[i];
        }

        return Charset[(31 - (sum % 31)) % 31];
    }

    public override string ToString() => Value;
}
