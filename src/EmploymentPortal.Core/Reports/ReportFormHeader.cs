using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Core.Reports;

/// <summary>
/// The <c>Portal:ReportForm</c> section: the 月报's form number (表号). The sources give none
/// (they ask for monthly figures, 004 §一, not a numbered form), so the number is what the city
/// bureau's statistical system assigns, set here; empty shows "not set".
/// </summary>
public sealed class ReportFormOptions
{
    public const string Section = "Portal:ReportForm";

    /// <summary>The form number (表号) printed on the 月报, e.g. the city's statistical form number.</summary>
    public string FormNumber { get; set; } = string.Empty;
}

/// <summary>
/// The standard header and footer lines of a statistical form (表号、制表机关、计量单位、填报单位、
/// 填报日期、单位负责人、填表人): the form number from configuration, the issuing authority (制表机关)
/// from the data, the city bureau, which sets the statistics (shared/design/policy-rules.md, the
/// city's duties), and the filing unit and preparer from the signed-in account.
/// </summary>
public sealed record MonthlyReportHeader(string? FormNumber, string? Authority, string? FilingUnit, DateOnly FiledOn, string? Preparer);

/// <summary>Builds <see cref="MonthlyReportHeader"/> for the account filing the report.</summary>
public sealed class ReportFormHeader(UnscopedReads unscoped, IOptions<ReportFormOptions> options, BusinessClock clock)
{
    public async Task<MonthlyReportHeader> ForAsync(string? filingUnit, string? preparer, CancellationToken cancellationToken)
    {
        var number = options.Value.FormNumber.Trim();
        return new MonthlyReportHeader(
            number.Length == 0 ? null : number,
            await unscoped.CityBureauNameAsync(cancellationToken),
            filingUnit,
            clock.Today,
            preparer);
    }
}
