namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Configuration of public notices 公示 (section <c>Portal:Notices</c>). The policy sources name
/// publicity but no period after it, so how long an ended notice stays public is configuration.
/// </summary>
public sealed class NoticeOptions
{
    public const string Section = "Portal:Notices";

    /// <summary>
    /// Days an ended notice stays public (list and page, by id) after its last working day; then
    /// it answers 404. Default 90, the period the public list always showed.
    /// </summary>
    public int PublicRetentionDays { get; set; } = 90;
}
