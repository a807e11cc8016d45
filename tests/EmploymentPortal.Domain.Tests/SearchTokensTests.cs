using EmploymentPortal.Domain.Jobs;

namespace EmploymentPortal.Domain.Tests;

/// <summary>The search tokens of Chinese text (docs/policy-rules.md, "Jobs: public search").</summary>
public sealed class SearchTokensTests
{
    [Fact]
    public void ForPosting_ChineseRun_AdjacentPairsAndTheLastCharacter() =>
        SearchTokens.ForPosting("保安员", "夜班").Should().Be("保安 安员 员 夜班 班");

    [Fact]
    public void ForPosting_MixedLatinAndChinese_WordWholeAndLowerCased() =>
        SearchTokens.ForPosting("Java开发", "熟悉 Spring Boot 3").Should().Be("java 开发 发 熟悉 悉 spring boot 3");

    [Fact]
    public void ForPosting_FullWidth_NormalisedToHalfWidth() =>
        SearchTokens.ForPosting("ＪＡＶＡ开发", "月薪８０００元").Should().Be("java 开发 发 月薪 薪 8000 元");

    [Fact]
    public void ForPosting_TitleAndDescription_NoPairAcrossTheBoundary() =>
        SearchTokens.ForPosting("招聘茶", "艺术老师").Split(' ').Should().NotContain("茶艺");

    [Fact]
    public void ForPosting_Punctuation_SeparatesRuns() =>
        SearchTokens.ForPosting("电工、焊工", "（急招）").Should().Be("电工 工 焊工 工 急招 招");

    [Fact]
    public void Runs_SupplementaryPlaneCharacter_IsOneCharacter()
    {
        var runs = SearchTokens.Runs("𠀀家");
        runs.Should().ContainSingle().Which.Characters.Should().Equal("𠀀", "家");
        runs[0].DocumentTokens().Should().Equal("𠀀家", "家");
    }

    [Theory]
    [InlineData("保安", new[] { "保安" })]
    [InlineData("家政服务", new[] { "家政", "政服", "服务" })]
    [InlineData("家", new[] { "家" })]
    [InlineData("ＰＬＣ", new[] { "plc" })]
    public void QueryTokens_PairsInSequence_OneCharacterAlone(string query, string[] expected) =>
        SearchTokens.Runs(query).SelectMany(r => r.QueryTokens()).Should().Equal(expected);

    [Fact]
    public void Runs_NothingSearchable_Empty()
    {
        SearchTokens.Runs("！？ -- ").Should().BeEmpty();
        SearchTokens.Runs(null).Should().BeEmpty();
    }
}
