namespace EmploymentPortal.Web.Forms;

/// <summary>Paging links that keep the current filters.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, Func<int, string> UrlFor);
