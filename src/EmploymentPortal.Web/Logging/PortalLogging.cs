using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace EmploymentPortal.Web.Logging;

/// <summary>Where log lines go. Tests register their own writer to read what the portal logs.</summary>
public sealed class LogOutput(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;
}

public static class PortalLogging
{
    private const string DevelopmentTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>Serilog, configured once: compact JSON in Production, readable lines elsewhere, always masked.</summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddSerilog((services, logger) =>
        {
            ITextFormatter formatter = production
                ? new CompactJsonFormatter()
                : new MessageTemplateTextFormatter(DevelopmentTemplate, System.Globalization.CultureInfo.InvariantCulture);
            var output = services.GetService<LogOutput>()?.Writer ?? Console.Out;
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .WriteTo.Sink(new TextWriterSink(new PiiMaskingFormatter(formatter), output));
        });
    }

    /// <summary>A minimal synchronized text-writer sink (the console sink cannot take a writer).</summary>
    private sealed class TextWriterSink(ITextFormatter formatter, TextWriter output) : Serilog.Core.ILogEventSink
    {
        private readonly Lock _lock = new();

        public void Emit(Serilog.Events.LogEvent logEvent)
        {
            lock (_lock)
            {
                formatter.Format(logEvent, output);
                output.Flush();
            }
        }
    }
}
