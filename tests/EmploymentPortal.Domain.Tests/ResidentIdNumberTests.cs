using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Tests;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>Completes 17 digits with their check character.</summary>
    public static string WithCheck(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17);

    public static TheoryData<string, IdNumberProblem> Cases => new()
    {
        // Published vectors (security.md §2).
        { "11010519491231002X", IdNumberProblem.None },
        { "440524188001010014", IdNumberProblem.None },
        { "370101190102039973", IdNumberProblem.None },

        // Lower-case, full-width and spaced input is normalised.
        { "11010519491231002x", IdNumberProblem.None },
        { "１１０１０５１９４９１２３１００２Ｘ", IdNumberProblem.None },
        { " 110105 19491231 002X ", IdNumberProblem.None },
        { "110105\t19491231002X", IdNumberProblem.None },

        // Check character wrong, digits swapped or changed.
        { "110105194912310021", IdNumberProblem.Checksum },
        { "11010519491231003X", IdNumberProblem.Checksum },
        { "111005194912310021", IdNumberProblem.Checksum },
        { "440524188001010015", IdNumberProblem.Checksum },

        // Length.
        { "110105491231002", IdNumberProblem.Length },
        { "11010519491231002", IdNumberProblem.Length },
        { "11010519491231002X1", IdNumberProblem.Length },
        { "", IdNumberProblem.Empty },
        { "   ", IdNumberProblem.Empty },

        // Characters.
        { "1101051949123100XX", IdNumberProblem.Characters },
        { "11010519491231002Y", IdNumberProblem.Characters },
        { "11O10519491231002X", IdNumberProblem.Characters },
        { "-11010519491231002", IdNumberProblem.Characters },

        // Province codes (GB/T 2260 since 1980, and 83 for Taiwan residents' residence permits);
        // check characters computed independently (docs/policy-rules.md, "ID numbers").
        { "000000198005051234", IdNumberProblem.Province },
        { "990101198005051235", IdNumberProblem.Province },
        { "10010119800505123X", IdNumberProblem.Province },
        { "101105194912310021", IdNumberProblem.Province },
        { "160101198005051230", IdNumberProblem.Province },
        { "200101198005051233", IdNumberProblem.Province },
        { "240101198005051230", IdNumberProblem.Province },
        { "380101198005051231", IdNumberProblem.Province },
        { "470101198005051233", IdNumberProblem.Province },
        { "550101198005051233", IdNumberProblem.Province },
        { "660101198005051239", IdNumberProblem.Province },
        { "720101198005051235", IdNumberProblem.Province },
        { "840101198005051232", IdNumberProblem.Province },
        { "910101198005051230", IdNumberProblem.Province },
        { "110101198005051231", IdNumberProblem.None },
        { "150102198005051235", IdNumberProblem.None },
        { "460105198005051237", IdNumberProblem.None },
        { "500101198005051234", IdNumberProblem.None },
        { "540102198005051238", IdNumberProblem.None },
        { "650102198005051233", IdNumberProblem.None },
        { "710000198005051231", IdNumberProblem.None },
        { "810000198005051235", IdNumberProblem.None },
        { "820000198005051237", IdNumberProblem.None },
        { "830000198005051239", IdNumberProblem.None },

        // Birth dates: 29 February only in leap years; impossible days; the future.
        { WithCheck("11010520000229001"), IdNumberProblem.None },
        { WithCheck("11010519000229001"), IdNumberProblem.BirthDate },
        { WithCheck("11010519990229001"), IdNumberProblem.BirthDate },
        { WithCheck("11010519990230001"), IdNumberProblem.BirthDate },
        { WithCheck("11010519991301001"), IdNumberProblem.BirthDate },
        { WithCheck("11010519990000001"), IdNumberProblem.BirthDate },
        { WithCheck("11010518000101001"), IdNumberProblem.BirthDate },
        { WithCheck("11010520261124001"), IdNumberProblem.FutureBirthDate },
        { WithCheck("11010520261123001"), IdNumberProblem.None },
        { WithCheck("11010530000101001"), IdNumberProblem.FutureBirthDate },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryParse_Table(string text, IdNumberProblem expected) =>
        ResidentIdNumber.TryParse(text, Today, out _).Should().Be(expected);

    [Fact]
    public void Parse_DerivesBirthDateSexAndMask()
    {
        var id = ResidentIdNumber.Parse("11010519491231002x", Today);
        id.Value.Should().Be("11010519491231002X");
        id.BirthDate.Should().Be(new DateOnly(1949, 12, 31));
        id.Sex.Should().Be(Sex.Female);
        id.Masked.Should().Be("110105********002X");
        id.LastFour.Should().Be("002X");
        id.ToString().Should().Be("110105********002X", "a stray ToString must not print the full number");
        ResidentIdNumber.Parse("440524188001010014", Today).Sex.Should().Be(Sex.Male);
    }

    [Fact]
    public void CheckCharacter_CatchesEverySingleDigitSubstitution()
    {
        const string valid = "440524188001010014";
        for (var position = 0; position < 17; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position])
                {
                    continue;
                }

                var mutant = valid[..position] + digit + valid[(position + 1)..];
                ResidentIdNumber.TryParse(mutant, Today, out _).Should().NotBe(IdNumberProblem.None, mutant);
            }
        }
    }
}
