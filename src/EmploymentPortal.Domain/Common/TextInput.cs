namespace EmploymentPortal.Domain.Common;

/// <summary>
/// The one normaliser of text that people type or import (issue 15): C0 and C1 control
/// characters (line breaks only where the field is multi-line), bidirectional overrides and
/// isolates, lone surrogates and non-characters are refused; a value made only of white space
/// and zero-width characters counts as no value at all.
/// </summary>
public static class TextInput
{
    /// <summary>The text key of the one message for a refused value (control or bidirectional control characters).</summary>
    public const string MessageKey = "Text.ControlCharacters";

    /// <summary>What is wrong with a value, if anything.</summary>
    public enum Problem
    {
        None,

        /// <summary>A C0/C1 control character (NUL, ESC, a line break in a one-line field, ...).</summary>
        ControlCharacter,

        /// <summary>A bidirectional override, embedding or isolate (text that displays in another order than it is stored).</summary>
        BidiControl,

        /// <summary>A lone surrogate or a Unicode non-character.</summary>
        InvalidCharacter,
    }

    /// <summary>The first problem of a value; null and empty values have none (requiredness is checked elsewhere).</summary>
    public static Problem Check(string? value, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Problem.None;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    var scalar = char.ConvertToUtf32(c, value[i + 1]);
                    if ((scalar & 0xFFFE) == 0xFFFE)
                    {
                        return Problem.InvalidCharacter;
                    }

                    i++;
                    continue;
                }

                return Problem.InvalidCharacter;
            }

            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF'))
            {
                return Problem.InvalidCharacter;
            }

            if (c < '\u0020' || (c >= '\u007F' && c <= '\u009F'))
            {
                if (multiline && c is '\r' or '\n' or '\t')
                {
                    continue;
                }

                return Problem.ControlCharacter;
            }

            if (IsBidiControl(c))
            {
                return Problem.BidiControl;
            }
        }

        return Problem.None;
    }

    /// <summary>
    /// The value with surrounding white space and zero-width characters removed, or null when
    /// nothing visible is left (so "  ", "\u200B" and "\u3000" are no reason, no name, no value).
    /// </summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var start = 0;
        var end = value.Length;
        while (start < end && IsBlankCharacter(value[start]))
        {
            start++;
        }

        while (end > start && IsBlankCharacter(value[end - 1]))
        {
            end--;
        }

        return start == end ? null : value[start..end];
    }

    /// <summary>Whether a value has nothing visible in it.</summary>
    public static bool IsBlank(string? value) => Clean(value) is null;

    /// <summary>White space (ASCII and ideographic) and zero-width characters: the ones that show nothing.</summary>
    public static bool IsBlankCharacter(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E' or '\u034F';

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
