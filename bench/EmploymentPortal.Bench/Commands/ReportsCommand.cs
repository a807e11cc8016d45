using System.Diagnostics;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Reports;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Regions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EmploymentPortal.Bench.Commands;

/// <summary>
/// The dashboards over a county-sized register: <see cref="Reports"/> as a request runs it (a fresh
/// DI scope, the city official's scope), per view p50/p95/max; then the full rebuild of the rollups.
/// </summary>
public static class ReportsCommand
{
    public const string Usage =
        """
        reports --connection "Host=...;Database=..."   (or env ConnectionStrings__Portal)
                [--city 370700000000] [--district 370702000000] [--street 370702001000] [--iterations 30] [--warmup 3] [--rebuilds 2]
          Times the city dashboard, a district and a street drill-down, a past date and the 12-month trend
          through Reports (the rollups), then the full rebuild of every rollup.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = new CommandLine(args, new HashSet<string>());
        var connectionString = line.Connection();
        var city = line.String("city") ?? "370700000000";
        var district = line.String("district") ?? "370702000000";
        var street = line.String("street") ?? "370702001000";
        var iterations = line.Int("iterations", 30);
        var warmup = line.Int("warmup", 3);
        var rebuilds = line.Int("rebuilds", 2);
        line.RejectUnknown();

        var today = BenchClock.Clock.Today;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var table in new[] { "persons", "unemployment_registrations", "households", "follow_ups", "report_registration_days", "report_registration_months", "report_household_days" })
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
                Console.WriteLine($"{table,-28} {(long)(await count.ExecuteScalarAsync(cancellationToken))!,12:N0} rows");
            }
        }

        await using (var provider = PortalServices.Build(connectionString, DataScope.Region(RegionCode.Parse(city))))
        {
            var views = new (string Name, Func<Reports, Task<int>> Run)[]
            {
                ("city dashboard, today", async r => (await r.RegistryDashboardAsync(city, today, cancellationToken))!.Total.Registered),
                ("district drill-down, today", async r => (await r.RegistryDashboardAsync(district, today, cancellationToken))!.Total.Registered),
                ("street drill-down, today", async r => (await r.RegistryDashboardAsync(street, today, cancellationToken))!.Total.Registered),
                ("city dashboard, a year ago", async r => (await r.RegistryDashboardAsync(city, today.AddYears(-1), cancellationToken))!.Total.Registered),
                ("city 12-month trend", async r => (await r.MonthlyAsync(city, today, 12, cancellationToken))!.Sum(m => m.NewlyRegistered)),
            };
            Console.WriteLine($"{"view",-30} {"registered",10} {"p50 ms",7} {"p95 ms",7} {"max ms",7}");
            foreach (var (name, run) in views)
            {
                var timings = new List<double>();
                var value = 0;
                for (var i = 0; i < warmup + iterations; i++)
                {
                    await using var scope = provider.CreateAsyncScope();
                    var reports = scope.ServiceProvider.GetRequiredService<Reports>();
                    var stopwatch = Stopwatch.StartNew();
                    value = await run(reports);
                    if (i >= warmup)
                    {
                        timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                    }
                }

                timings.Sort();
                Console.WriteLine($"{name,-30} {value,10:N0} {Percentile(timings, 0.5),7:F1} {Percentile(timings, 0.95),7:F1} {timings[^1],7:F1}");
            }
        }

        await using (var provider = PortalServices.Build(connectionString, DataScope.All))
        {
            for (var i = 0; i < rebuilds; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var summary = await scope.ServiceProvider.GetRequiredService<Reports>().RebuildAsync(cancellationToken);
                Console.WriteLine($"rebuild {i + 1}: {summary.RegistrationDays:N0} registration day rows, {summary.HouseholdDays:N0} household day rows, {summary.Elapsed.TotalSeconds:F1} s");
            }
        }

        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
