using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Scoping;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Bench.Commands;

/// <summary>Times the daily recompute of every household's zero-employment status (<see cref="HouseholdStatusJob"/>).</summary>
public static class RecomputeCommand
{
    public const string Usage =
        """
        recompute --connection "Host=...;Database=..."   (or env ConnectionStrings__Portal) [--iterations 2]
          Runs the app's household status job over the whole register; the first run on fresh generated data
          changes most statuses, later runs change only what time moved.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = new CommandLine(args, new HashSet<string>());
        var connectionString = line.Connection();
        var iterations = line.Int("iterations", 2);
        line.RejectUnknown();

        await using var provider = PortalServices.Build(connectionString, DataScope.All);
        for (var i = 0; i < iterations; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<HouseholdStatusJob>().RecomputeAllAsync(cancellationToken);
            Console.WriteLine($"run {i + 1}: {summary.Households:N0} households, {summary.Changed:N0} changed, {summary.Elapsed.TotalSeconds:F1} s");
        }

        return 0;
    }
}
