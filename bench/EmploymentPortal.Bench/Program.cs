using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/EmploymentPortal.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(EmploymentPortal.Bench.ScopeBenchmarks).Assembly).Run(args);
