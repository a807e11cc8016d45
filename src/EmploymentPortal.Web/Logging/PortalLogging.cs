using Serilog;
using Serilog.Extensions.Hosting;
using Serilog.Extensions.Logging;
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

    /// <summary>
    /// Serilog, configured once: compact JSON in Production, readable lines elsewhere, always masked.
    /// The logger belongs to the host (not the static <c>Log.Logger</c>), so two hosts in one
    /// process (the tests) never write into each other's output.
    /// </summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        var configuration = builder.Configuration;
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Serilog.ILogger>(services =>
        {
            ITextFormatter formatter = production
                ? new CompactJsonFormatter()
                : new LogValueEscapingFormatter(new MessageTemplateTextFormatter(DevelopmentTemplate, System.Globalization.CultureInfo.InvariantCulture));
            var output = services.GetService<LogOutput>()?.Writer ?? Console.Out;
            return new LoggerConfiguration()
                .ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .WriteTo.Sink(new TextWriterSink(new PiiMaskingFormatter(formatter), output))
                .CreateLogger();
        });
        builder.Services.AddSingleton<ILoggerFactory>(services =>
            new SerilogLoggerFactory(services.GetRequiredService<Serilog.ILogger>(), dispose: false));
        builder.Services.AddSingleton(services => new DiagnosticContext(services.GetRequiredService<Serilog.ILogger>()));
        builder.Services.AddSingleton<IDiagnosticContext>(services => services.GetRequiredService<DiagnosticContext>());
    }

    /// <summary>One line per request (method, path without query string, status, time) through the host's logger.</summary>
    public static void UsePortalRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        });

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
