using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Domain.Tests;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("370000000000", RegionLevel.Province, "37")]
    [InlineData("370700000000", RegionLevel.City, "3707")]
    [InlineData("370702000000", RegionLevel.County, "370702")]
    [InlineData("370702001000", RegionLevel.Street, "370702001")]
    [InlineData("370702001001", RegionLevel.Community, "370702001001")]
    [InlineData("110000000000", RegionLevel.Province, "11")]
    [InlineData("110101001001", RegionLevel.Community, "110101001001")]
    public void Parse_ValidCode_DerivesLevelAndPrefix(string text, RegionLevel level, string prefix)
    {
        var code = RegionCode.Parse(text);
        code.Level.Should().Be(level);
        code.ScopePrefix.Should().Be(prefix);
        code.ToString().Should().Be(text);
    }

    [Fact]
    public void Parse_MunicipalityWithZeroCitySegment_IsAllowed()
    {
        // County-level units directly under a province or municipality have a 00 city segment.
        RegionCode.TryParse("110001001000", out var code).Should().BeTrue();
        code.Level.Should().Be(RegionLevel.Street);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("37070200100")]
    [InlineData("3707020010011")]
    [InlineData("37070200100A")]
    [InlineData("３７０７０２００１００１")]
    [InlineData("000000000000")]
    [InlineData("000702001001")]
    [InlineData("370702000001")]
    public void TryParse_Malformed_IsRefused(string? text)
    {
        RegionCode.TryParse(text, out _).Should().BeFalse();
        if (text is not null)
        {
            var parse = () => RegionCode.Parse(text);
            parse.Should().Throw<RegionException>();
        }
    }

    [Fact]
    public void Parent_WalksUpToTheProvince()
    {
        var chain = new List<string>();
        for (RegionCode? code = RegionCode.Parse("370702001001"); code is not null; code = code.Value.Parent)
        {
            chain.Add(code.Value.Value);
        }

        chain.Should().Equal("370702001001", "370702001000", "370702000000", "370700000000", "370000000000");
    }

    [Theory]
    [InlineData("370702001000", "370702001001", true)]
    [InlineData("370702001000", "370702001000", true)]
    [InlineData("370702001000", "370702002001", false)]
    [InlineData("370702001001", "370702001002", false)]
    [InlineData("370702000000", "370702003003", true)]
    [InlineData("370702000000", "370705001001", false)]
    [InlineData("370700000000", "370705001001", true)]
    [InlineData("370702001001", "370702001000", false)]
    public void Contains_IsAPrefixMatchOnTheLevelsDigits(string outer, string inner, bool expected) =>
        RegionCode.Parse(outer).Contains(RegionCode.Parse(inner)).Should().Be(expected);

    [Fact]
    public void FromPrefix_PadsToTwelveDigits() =>
        RegionCode.FromPrefix("370702").Should().Be(RegionCode.Parse("370702000000"));
}
