using EmploymentPortal.Core.Jobs;

namespace EmploymentPortal.Web.Pages.Jobs;

/// <summary>How a capped count reads ("1000+").</summary>
public static class JobSearchCap
{
    public static string Text { get; } = JobSearchQuery.CountCap.ToString(System.Globalization.CultureInfo.InvariantCulture) + "+";
}
