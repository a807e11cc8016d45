using System.Diagnostics;
using EmploymentPortal.Core.Security;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The built portal, started as a process outside Development and the tests without its keys,
/// exits at once, non-zero, with one line naming the missing setting and how to make it, and no
/// stack trace (issue 15, finding 2 and its acceptance: "starting with an unset key outside
/// Development exits with a clear message").
/// </summary>
public sealed class KeyStartupTests
{
    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task Start_NoPersonalDataKey_ExitsWithOneLineNamingTheKey(string environment)
    {
        var (exitCode, output) = await RunPortalAsync(environment, new Dictionary<string, string>());

        exitCode.Should().NotBe(0);
        output.Should().Contain("Portal:Security:PersonalDataKey").And.Contain("openssl rand -base64 32");
        output.Should().NotContain("   at ").And.NotContain("Unhandled exception");
    }

    [Fact]
    public async Task Start_ProductionWithoutDataProtectionCertificate_ExitsNamingIt()
    {
        var (exitCode, output) = await RunPortalAsync("Production", new Dictionary<string, string>
        {
            ["Portal__Security__PersonalDataKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });

        exitCode.Should().NotBe(0);
        output.Should().Contain(DataProtectionCertificate.PathKey);
        output.Should().NotContain("   at ").And.NotContain("Unhandled exception");
    }

    /// <summary>Runs the portal's dll (copied beside the tests) with only the given settings; the database is never reached.</summary>
    private static async Task<(int ExitCode, string Output)> RunPortalAsync(string environment, Dictionary<string, string> settings)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(directory, "EmploymentPortal.Web.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Portal__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__Portal"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=nothing;Database=nothing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The portal did not exit: it started without its keys.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
