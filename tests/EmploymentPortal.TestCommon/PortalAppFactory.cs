using EmploymentPortal.Web.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.TestCommon;

/// <summary>
/// The portal in-process on a given database, in the "Testing" environment (production error
/// handling, plain-HTTP cookies), with its log lines captured in <see cref="Log"/>.
/// </summary>
public sealed class PortalAppFactory(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    private readonly StringWriter _log = new();

    public string ConnectionString { get; } = connectionString;

    /// <summary>Everything the portal logged so far (after PII masking).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Portal:MigrateOnStartup", "false");
        builder.UseSetting("Portal:Jobs:HouseholdStatus", "false");
        builder.UseSetting("Portal:Jobs:Eligibility", "false");
        builder.UseSetting("Portal:Jobs:PostingExpiry", "false");
        builder.UseSetting("Portal:Security:SecureCookies", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new LogOutput(TextWriter.Synchronized(new LockedWriter(_log))));
            configureServices?.Invoke(services);
        });
    }

    /// <summary>Writes under the same lock <see cref="Log"/> reads with.</summary>
    private sealed class LockedWriter(StringWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (inner)
            {
                inner.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (inner)
            {
                inner.Write(value);
            }
        }
    }
}
