using static EmploymentPortal.Domain.Common.TextInput;

namespace EmploymentPortal.Domain.Tests;

/// <summary>The one normaliser of typed and imported text (issue 15).</summary>
public sealed class TextInputTests
{
    [Theory]
    [InlineData("张三")]
    [InlineData("O'Brien-Smith 3号")]
    [InlineData("😀 emoji")]
    [InlineData("中文，标点。")]
    [InlineData("")]
    [InlineData(null)]
    public void Check_OrdinaryText_HasNoProblem(string? value) => Check(value).Should().Be(Problem.None);

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u001Bb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u009Fb")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\tb")]
    public void Check_ControlCharacters_Refused(string value) => Check(value).Should().Be(Problem.ControlCharacter);

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    [InlineData("a\tb")]
    public void Check_LineBreaksAndTabs_AllowedInMultilineFields(string value) => Check(value, multiline: true).Should().Be(Problem.None);

    [Fact]
    public void Check_OtherControls_RefusedEvenInMultilineFields() => Check("a\u0000\nb", multiline: true).Should().Be(Problem.ControlCharacter);

    [Theory]
    [InlineData("\u202Egnp.exe")]
    [InlineData("a\u202Ab")]
    [InlineData("a\u2066b\u2069")]
    [InlineData("a\u200Fb")]
    [InlineData("a\u061Cb")]
    public void Check_BidiControls_Refused(string value) => Check(value).Should().Be(Problem.BidiControl);

    [Fact]
    public void Check_LoneSurrogates_Refused()
    {
        // Built in code: an attribute's string cannot carry a lone surrogate (it becomes U+FFFD).
        Check(new string(['a', (char)0xD800, 'b'])).Should().Be(Problem.InvalidCharacter);
        Check(new string(['a', (char)0xDC00])).Should().Be(Problem.InvalidCharacter);
        Check(new string(['a', (char)0xD800])).Should().Be(Problem.InvalidCharacter);
    }

    [Theory]
    [InlineData("a\uFFFE")]
    [InlineData("a\uFDD0")]
    [InlineData("a\uD83F\uDFFF")] // U+1FFFF, a non-character
    public void Check_NonCharacters_Refused(string value) => Check(value).Should().Be(Problem.InvalidCharacter);

    [Theory]
    [InlineData(" ")]
    [InlineData("\u3000")]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("\uFEFF \u2060")]
    [InlineData("\u00AD")]
    public void Clean_NothingVisible_IsNull(string value)
    {
        Clean(value).Should().BeNull();
        IsBlank(value).Should().BeTrue();
    }

    [Fact]
    public void Clean_TrimsBlanksAtTheEdgesOnly() => Clean("\u200B 张\u200B三 \u3000").Should().Be("张\u200B三");

    [Fact]
    public void Clean_NullStaysNull() => Clean(null).Should().BeNull();
}
