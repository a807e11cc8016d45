using System.Text.RegularExpressions;
using Serilog.Events;
using Serilog.Formatting;

namespace EmploymentPortal.Web.Logging;

/// <summary>
/// Formats each event with the inner formatter, then masks anything shaped like a resident ID
/// number (17 digits and a check character) or a mainland mobile number (11 digits starting 1[3-9])
/// before it leaves the process. Working on the rendered line catches personal data in message
/// properties, exception messages and stack traces alike.
/// </summary>
public sealed partial class PiiMaskingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        output.Write(Mask(buffer.ToString()));
    }

    public static string Mask(string text)
    {
        text = IdNumber().Replace(text, m => m.Value[..6] + "********" + m.Value[14..]);
        return Phone().Replace(text, m => m.Value[..3] + "****" + m.Value[7..]);
    }

    [GeneratedRegex("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex("(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Phone();
}
