using System.Globalization;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Scoping;

namespace EmploymentPortal.Web.Audit;

/// <summary>
/// <c>dotnet EmploymentPortal.Web.dll verify-audit</c>: recomputes the audit hash chain on the
/// configured database (docs/adr/0004) and prints the rows checked and the head of the chain.
/// Exit code 0 when the chain is intact, 1 naming the first broken row.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public const int Broken = 1;

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<SystemContexts>().Create();
        var result = await AuditChain.VerifyAsync(db, cancellationToken);
        var seconds = result.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        if (result.Intact)
        {
            await output.WriteLineAsync($"Audit chain intact: {result.RowsChecked} rows checked, head seq {result.HeadSeq} hash {result.HeadHash}, {seconds} s");
            return 0;
        }

        await output.WriteLineAsync($"Audit chain BROKEN at row id {result.FirstBrokenId} (seq {result.HeadSeq}): {result.Problem}. {result.RowsChecked} rows checked, {seconds} s");
        return Broken;
    }
}
