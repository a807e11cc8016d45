using BenchmarkDotNet.Running;
using EmploymentPortal.Bench;
using EmploymentPortal.Bench.Commands;

// dotnet run -c Release --project bench/EmploymentPortal.Bench -- --filter '*'            BenchmarkDotNet
// dotnet run -c Release --project bench/EmploymentPortal.Bench -- generate --connection "..."   registry data
// dotnet run -c Release --project bench/EmploymentPortal.Bench -- ledger --connection "..."     ledger query timings
// dotnet run -c Release --project bench/EmploymentPortal.Bench -- import --connection "..."     50,000-row xlsx import
// dotnet run -c Release --project bench/EmploymentPortal.Bench -- recompute --connection "..."  household status job
// dotnet run -c Release --project bench/EmploymentPortal.Bench -- eligibility --connection "..." eligibility batch and one person's evaluation
// dotnet run -c Release --project bench/EmploymentPortal.Bench -- jobs --connection "..." [--generate 1000000]  public job search
// dotnet run -c Release --project bench/EmploymentPortal.Bench -- reports --connection "..."    dashboards and the rollup rebuild
// dotnet run -c Release --project bench/EmploymentPortal.Bench -- data --connection "..."       the whole bench data set (bench/data.sh)
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    switch (args.FirstOrDefault())
    {
        case "generate":
            return await GenerateCommand.RunAsync(args[1..], cancel.Token);
        case "ledger":
            return await LedgerCommand.RunAsync(args[1..], cancel.Token);
        case "import":
            return await ImportCommand.RunAsync(args[1..], cancel.Token);
        case "recompute":
            return await RecomputeCommand.RunAsync(args[1..], cancel.Token);
        case "eligibility":
            return await EligibilityCommand.RunAsync(args[1..], cancel.Token);
        case "jobs":
            return await JobSearchCommand.RunAsync(args[1..], cancel.Token);
        case "reports":
            return await ReportsCommand.RunAsync(args[1..], cancel.Token);
        case "data":
            return await DataCommand.RunAsync(args[1..], cancel.Token);
        case "help" or "--help" or "-h":
            Console.WriteLine(GenerateCommand.Usage);
            Console.WriteLine(LedgerCommand.Usage);
            Console.WriteLine(ImportCommand.Usage);
            Console.WriteLine(RecomputeCommand.Usage);
            Console.WriteLine(EligibilityCommand.Usage);
            Console.WriteLine(JobSearchCommand.Usage);
            Console.WriteLine(ReportsCommand.Usage);
            Console.WriteLine(DataCommand.Usage);
            Console.WriteLine("Anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).");
            return 0;
        default:
            BenchmarkSwitcher.FromAssembly(typeof(ScopeBenchmarks).Assembly).Run(args);
            return 0;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(GenerateCommand.Usage);
    Console.Error.WriteLine(LedgerCommand.Usage);
    return 2;
}
