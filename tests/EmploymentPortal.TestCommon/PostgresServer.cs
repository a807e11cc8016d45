using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;

namespace EmploymentPortal.TestCommon;

/// <summary>
/// The PostgreSQL server the tests of one process share, found in this order:
/// <c>PORTAL_TEST_PG</c> (a connection string whose role may create databases), Testcontainers when a
/// Docker engine answers, else a throwaway cluster started from the installed server binaries on a
/// free port under a temp folder, stopped and removed when the test process exits.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString, string source)
    {
        AdminConnectionString = adminConnectionString;
        Source = source;
    }

    /// <summary>A connection string to the server's maintenance database, with rights to create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Where the server came from (env, testcontainers, local cluster), for test output.</summary>
    public string Source { get; }

    /// <summary>The login the portal under test connects as: a member of <c>portal_app</c>, owning nothing, so row-level security applies (ADR 0003).</summary>
    public const string AppLogin = "portal_web";

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>The owner's connection to a database (the tests' own reads and writes, migrations).</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    /// <summary>The app's connection to the database of an owner's connection string: <see cref="AppLogin"/>, under row-level security.</summary>
    public static string AppConnectionStringFor(string ownerConnectionString) =>
        new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = AppLogin, Password = AppLogin }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await FindAsync();
        // Roles are the cluster's: the app's group and the reporting role (the migrations create them too when missing) and the app's login.
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $$"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_app') THEN CREATE ROLE portal_app NOLOGIN; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{AppLogin}}') THEN CREATE ROLE {{AppLogin}} LOGIN PASSWORD '{{AppLogin}}' IN ROLE portal_app; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_report') THEN CREATE ROLE portal_report NOLOGIN; END IF;
            END $$
            """,
            connection);
        await command.ExecuteNonQueryAsync();
        return server;
    }

    private static async Task<PostgresServer> FindAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PORTAL_TEST_PG");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new PostgresServer(fromEnvironment, "PORTAL_TEST_PG");
        }

        if (await DockerAnswersAsync())
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new PostgresServer(container.GetConnectionString(), "Testcontainers");
        }

        return await LocalCluster.StartAsync();
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        try
        {
            var (code, _) = await Shell.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(10));
            return code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No docker client on this machine.
            return false;
        }
    }

    private static class LocalCluster
    {
        public static async Task<PostgresServer> StartAsync()
        {
            var bin = FindBinaries();
            RemoveAbandonedClusters();
            var root = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(root);
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                // initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
                await Shell.CheckAsync("chown", ["postgres", root]);
            }

            await AsOwnerAsync(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", "portal", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
            var port = FreePort();
            string[] options =
            [
                $"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            ];
            await AsOwnerAsync(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options[0], "start"]);
            // A detached watchdog stops the cluster and removes its folder once this test process
            // is gone, however it ends (the test host may be killed before exit handlers finish).
            var pgCtl = Path.Combine(bin, "pg_ctl");
            var stop = asRoot ? $"runuser -u postgres -- {pgCtl} -D {data} -m fast -w stop" : $"{pgCtl} -D {data} -m fast -w stop";
            var watchdog = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {root}";
            await Shell.CheckAsync("setsid", ["-f", "sh", "-c", watchdog]);
            return new PostgresServer($"Host=127.0.0.1;Port={port};Username=portal;Database=postgres;Maximum Pool Size=20", $"local cluster {bin} port {port}");
        }

        private const string Prefix = "portal-test-pg-";

        /// <summary>
        /// Removes clusters left by test runs that were killed before their watchdog ran: a
        /// folder is named after the test process that made it, and is abandoned once that
        /// process is gone (no clock involved: tests may run under faketime).
        /// </summary>
        private static void RemoveAbandonedClusters()
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
            {
                var owner = Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
                if (int.TryParse(owner, out var pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
                {
                    try
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                    catch (Exception e) when (e is DirectoryNotFoundException or IOException)
                    {
                        // The process has just ended and its own watchdog is removing the folder at this moment.
                    }
                }
            }
        }

        private static string FindBinaries()
        {
            var candidates = new[] { Environment.GetEnvironmentVariable("PORTAL_PG_BIN") }
                .Concat(Directory.Exists("/usr/lib/postgresql")
                    ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
                    : [])
                .Where(d => d is not null && File.Exists(Path.Combine(d, "initdb")));
            return candidates.FirstOrDefault()
                ?? throw new InvalidOperationException("No PostgreSQL for the tests: set PORTAL_TEST_PG, start a Docker engine, or install the server (apt-get install postgresql). scripts/test installs it.");
        }

        private static Task AsOwnerAsync(bool asRoot, string program, string[] arguments) =>
            asRoot ? Shell.CheckAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : Shell.CheckAsync(program, arguments);

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

internal static class Shell
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} timed out");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public static async Task CheckAsync(string program, IEnumerable<string> arguments)
    {
        var list = arguments.ToList();
        var (code, output) = await RunAsync(program, list);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', list)} failed ({code}): {output}");
        }
    }
}
