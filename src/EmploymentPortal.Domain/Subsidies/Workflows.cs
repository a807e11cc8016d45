using EmploymentPortal.Domain.Accounts;

namespace EmploymentPortal.Domain.Subsidies;

/// <summary>
/// One step of an approval path after submission: who may act on it, and whether acting on it
/// records an outside party's reference number (the guarantee institution's, the bank's).
/// </summary>
public sealed record WorkflowStep(string Code, string NameZh, string NameEn, IReadOnlyList<string> Roles, bool RecordsReference)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>The approval paths of the sources, in one place.</summary>
public static class Workflows
{
    /// <summary>Who prepares and submits an application: station and street staff.</summary>
    public static IReadOnlyList<string> SubmitterRoles { get; } = [Roles.CommunityStaff, Roles.StreetStaff];

    /// <summary>
    /// The small loan (003 §四(一)): the person applies (recorded by staff at submission) → the
    /// community recommends → the street labour-security office examines → the guarantee
    /// institution commits → the bank approves; the last two are recorded by staff with the
    /// institution's reference number.
    /// </summary>
    public static IReadOnlyList<WorkflowStep> SmallLoan { get; } =
    [
        new("Recommend", "社区推荐", "Community recommends", [Roles.CommunityStaff], false),
        new("Examine", "劳动保障事务所审查", "Labour-security office examines", [Roles.StreetStaff], false),
        new("Guarantee", "担保机构承诺担保", "Guarantee institution commits", [Roles.StreetStaff, Roles.CountyOfficial], true),
        new("Bank", "商业银行审批", "Bank approves", [Roles.StreetStaff, Roles.CountyOfficial], true),
    ];

    /// <summary>Every other scheme: the community prepares (submission) → the street reviews → the county approves.</summary>
    public static IReadOnlyList<WorkflowStep> Standard { get; } =
    [
        new("StreetReview", "街道审核", "Street office reviews", [Roles.StreetStaff], false),
        new("CountyApprove", "区县人社局审批", "County bureau approves", [Roles.CountyOfficial, Roles.CityOfficial], false),
    ];

    public static IReadOnlyList<WorkflowStep> Steps(SchemeWorkflow workflow) => workflow switch
    {
        SchemeWorkflow.SmallLoan => SmallLoan,
        SchemeWorkflow.Standard => Standard,
        _ => throw new ArgumentOutOfRangeException(nameof(workflow), workflow, null),
    };

    /// <summary>The name of the submission itself on the application's history.</summary>
    public static (string Zh, string En) SubmissionName(SchemeWorkflow workflow) =>
        workflow == SchemeWorkflow.SmallLoan ? ("个人申请（工作人员录入）", "Person applies (entered by staff)") : ("社区申报", "Community prepares and submits");
}
