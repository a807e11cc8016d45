using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;

namespace EmploymentPortal.Web.Logging;

/// <summary>
/// Keeps one event on one line in the text log format (log forging, CWE-117): every logged value —
/// a user name, a path, anything from a request — has its line breaks and other control, bidi and
/// zero-width characters written as escapes (<c>\r</c>, <c>\n</c>, <c>\u202E</c>) before the inner
/// formatter renders it. An exception keeps its own lines, but each continuation line is indented,
/// so nothing in it can pass for a new entry. The JSON format escapes by itself.
/// </summary>
public sealed class LogValueEscapingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Escape(p.Value)));
        var exception = logEvent.Exception is { } e ? new EscapedException(e) : null;
        inner.Format(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, logEvent.MessageTemplate, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default), output);
    }

    /// <summary>The text with every character that could break or disguise a log line escaped.</summary>
    public static string EscapeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                _ when NeedsEscape(c) => escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) // C0, DEL and C1
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is >= '\u202A' and <= '\u202E' // bidi embeddings and overrides
        || c is >= '\u2066' and <= '\u2069' // bidi isolates
        || c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u061C';

    private static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(EscapeText(s)),
        ScalarValue { Value: char c } => new ScalarValue(EscapeText(c.ToString())),

        // A value that is neither text nor formattable (a number, a date, a Guid) is rendered with ToString: escape that.
        ScalarValue { Value: not null and not IFormattable and not bool } scalar => new ScalarValue(EscapeText(scalar.Value.ToString() ?? string.Empty)),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Escape)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Escape(p.Value))), structure.TypeTag is null ? null : EscapeText(structure.TypeTag)),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(kv =>
            new KeyValuePair<ScalarValue, LogEventPropertyValue>(Escape(kv.Key) as ScalarValue ?? kv.Key, Escape(kv.Value)))),
        _ => value,
    };

    /// <summary>An exception rendered as its original, each line after the first indented and its characters escaped.</summary>
    private sealed class EscapedException(Exception original) : Exception(original.Message, original)
    {
        public override string ToString()
        {
            var lines = (InnerException?.ToString() ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
            return string.Join(Environment.NewLine, lines.Select((line, i) => (i == 0 ? string.Empty : "    ") + EscapeText(line)));
        }
    }
}
