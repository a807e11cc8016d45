using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Core.Seeding;

/// <summary>
/// The scheme numbers the sources give, with their dates, and later national versions. Numbers
/// the sources leave to the locality ("an appropriate proportion") are not invented: they stay
/// unset until an official adds a version, and the rules answer "cannot tell" meanwhile.
/// </summary>
public static class SchemeParameterSeed
{
    private static readonly DateOnly Source003 = new(2003, 6, 3);
    private static readonly DateOnly Central2002 = new(2002, 9, 30);

    public static IReadOnlyList<(string Key, DateOnly EffectiveFrom, decimal Value, string Source)> All { get; } =
    [
        (SchemeCatalog.Key(SchemeCatalog.SmallLoan, "MaxAmount"), Source003, 20_000m, "003 §四(一) (连政发〔2003〕97号: 不超过 2 万元)"),
        (SchemeCatalog.Key(SchemeCatalog.SmallLoan, "MaxTermYears"), Source003, 2m, "003 §四(一) (期限不超过 2 年)"),
        (SchemeCatalog.Key(SchemeCatalog.SmallLoan, "MaxAmount"), new DateOnly(2020, 1, 1), 200_000m, "财金〔2020〕21号 (个人创业担保贷款最高 20 万元)"),
        (SchemeCatalog.Key(SchemeCatalog.SmallLoan, "MaxTermYears"), new DateOnly(2020, 1, 1), 3m, "财金〔2020〕21号 (期限最长 3 年)"),
        (SchemeCatalog.Key(SchemeCatalog.CommunityJobDevelopment, "AmountPerPerson"), Source003, 500m, "003 §四(二) (每安置一人补贴投资主体 500 元)"),
        (SchemeCatalog.Key(SchemeCatalog.CommunityJobDevelopment, "MinContractYears"), Source003, 3m, "003 §四(二) (签定三年以上劳动合同)"),
        (SchemeCatalog.Key(SchemeCatalog.SocialInsurance, "MaxYears"), Central2002, 3m, "002 §二.3 (为期 3 年的社会保险补贴; 中发〔2002〕12号)"),
        (SchemeCatalog.Key(SchemeCatalog.SocialInsurance, "MinContractYears"), Central2002, 3m, "002 §二.3 (签订了 3 年以上劳动合同)"),
        (SchemeCatalog.Key(SchemeCatalog.SocialInsurance, "NearRetirementYears"), Central2002, 0m, "002 §二.3 (no extension to retirement in the source)"),
        (SchemeCatalog.Key(SchemeCatalog.SocialInsurance, "NearRetirementYears"), new DateOnly(2015, 4, 27), 5m, "国发〔2015〕23号 (距法定退休年龄不足 5 年的可延长至退休)"),
    ];
}
