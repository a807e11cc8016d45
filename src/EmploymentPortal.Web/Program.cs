using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Web;

var builder = WebApplication.CreateBuilder(args);
WebApplication app;
try
{
    builder.AddPortal();
    app = builder.Build();
}
catch (EmploymentPortal.Core.Security.StartupRefusalException refusal)
{
    // A key or certificate the portal must not run without: one line for the operator, no stack trace.
    await Console.Error.WriteLineAsync("EmploymentPortal did not start: " + refusal.Message);
    Environment.ExitCode = 2;
    return;
}

// `dotnet run --project src/EmploymentPortal.Web -- migrate` applies migrations (and demo data
// when Portal:SeedDemo=true) and exits.
var migrateCommand = args.Length > 0 && args[0] == "migrate";
await app.PrepareDatabaseAsync(migrateCommand);
if (migrateCommand)
{
    return;
}

// `-- recompute-households` re-derives every household's zero-employment status and exits.
if (args.Length > 0 && args[0] == "recompute-households")
{
    await EmploymentPortal.Web.Jobs.HouseholdStatusService.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Lifetime.ApplicationStopping);
    return;
}

// `-- repair-households` corrects eliminations no member's work caused (issue 13), rebuilds the report rollups and exits.
if (args.Length > 0 && args[0] == "repair-households")
{
    await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
    var summary = await scope.ServiceProvider.GetRequiredService<EmploymentPortal.Core.Households.HouseholdRepair>().RepairAsync(app.Lifetime.ApplicationStopping);
    app.Logger.LogInformation(
        "Households repaired: {Examined} with an elimination examined, {Corrected} corrected, {Confirmed} eliminations confirmed, report rollups rebuilt, {Seconds:F1} s",
        summary.Examined, summary.Corrected, summary.Confirmed, summary.Elapsed.TotalSeconds);
    return;
}

// `-- evaluate-eligibility [region prefix]` re-runs the eligibility batch (whole register by default) and exits.
if (args.Length > 0 && args[0] == "evaluate-eligibility")
{
    await EmploymentPortal.Web.Jobs.EligibilityBatchService.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), args.Length > 1 ? args[1] : null, app.Lifetime.ApplicationStopping);
    return;
}

// `-- rebuild-reports` recomputes the report rollups from the registry and exits (the triggers keep them current otherwise).
if (args.Length > 0 && args[0] == "rebuild-reports")
{
    await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
    var summary = await scope.ServiceProvider.GetRequiredService<EmploymentPortal.Core.Reports.Reports>().RebuildAsync(app.Lifetime.ApplicationStopping);
    app.Logger.LogInformation(
        "Report rollups rebuilt: {RegistrationDays} registration day rows, {HouseholdDays} household day rows, {Seconds:F1} s",
        summary.RegistrationDays, summary.HouseholdDays, summary.Elapsed.TotalSeconds);
    return;
}

// `-- verify-audit` recomputes the audit hash chain: exit 0 when intact, 1 naming the first broken row (docs/adr/0004).
if (args.Length > 0 && args[0] == EmploymentPortal.Web.Audit.VerifyAuditCommand.Name)
{
    Environment.ExitCode = await EmploymentPortal.Web.Audit.VerifyAuditCommand.RunAsync(app.Services, Console.Out, app.Lifetime.ApplicationStopping);
    return;
}

// `-- reencrypt-personal-data` moves every stored ID number to the current personal-data key (docs/operations.md, "Keys") and exits.
if (args.Length > 0 && args[0] == "reencrypt-personal-data")
{
    await EmploymentPortal.Web.Security.PersonalDataKeyLog.ReencryptAsync(app, app.Lifetime.ApplicationStopping);
    return;
}

app.UsePortal();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
