namespace EmploymentPortal.Web.Forms;

/// <summary>Paging links that keep the current filters.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, Func<int, string> UrlFor)
{
    /// <summary>The count stopped at a cap: the total and the page count are shown as "N+".</summary>
    public bool AtLeast { get; init; }

    /// <summary>The total as shown.</summary>
    public string TotalText => AtLeast ? $"{TotalCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}+" : TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The page count as shown.</summary>
    public string PageCountText => AtLeast ? $"{PageCount}+" : PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
