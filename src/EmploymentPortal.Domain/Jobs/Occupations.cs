namespace EmploymentPortal.Domain.Jobs;

/// <summary>A category of the national occupational classification 职业分类大典 (2022): a major (e.g. "4") or middle category ("4-10").</summary>
public sealed record Occupation(string Code, string NameZh, string NameEn)
{
    public bool IsMajor => !Code.Contains('-', StringComparison.Ordinal);

    public string Major => IsMajor ? Code : Code[..Code.IndexOf('-', StringComparison.Ordinal)];

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>
/// A usable subset of 《中华人民共和国职业分类大典（2022年版）》: all eight major categories and
/// the middle categories a county's postings mostly fall in. Codes follow the classification.
/// </summary>
public static class OccupationCatalog
{
    public static IReadOnlyList<Occupation> All { get; } =
    [
        new("1", "党的机关、国家机关、群众团体和社会组织、企事业单位负责人", "Heads of Party and state organs, mass and social organisations, enterprises and institutions"),
        new("2", "专业技术人员", "Professional and technical personnel"),
        new("2-02", "工程技术人员", "Engineering and technical personnel"),
        new("2-05", "卫生专业技术人员", "Health professionals"),
        new("2-06", "经济和金融专业人员", "Economic and financial professionals"),
        new("2-08", "教学人员", "Teaching personnel"),
        new("3", "办事人员和有关人员", "Clerks and related personnel"),
        new("3-01", "行政办事及辅助人员", "Administrative clerks and assistants"),
        new("3-02", "安全和消防及辅助人员", "Security, fire protection and assistants"),
        new("4", "社会生产服务和生活服务人员", "Social production and life service personnel"),
        new("4-01", "批发与零售服务人员", "Wholesale and retail service personnel"),
        new("4-02", "交通运输、仓储物流和邮政业服务人员", "Transport, warehousing, logistics and postal service personnel"),
        new("4-03", "住宿和餐饮服务人员", "Accommodation and catering service personnel"),
        new("4-04", "信息传输、软件和信息技术服务人员", "Information transmission, software and IT service personnel"),
        new("4-07", "租赁和商务服务人员", "Leasing and business service personnel"),
        new("4-09", "水利、环境和公共设施管理服务人员", "Water, environment and public facility management personnel"),
        new("4-10", "居民服务人员", "Resident service personnel"),
        new("4-12", "修理及制作服务人员", "Repair and making service personnel"),
        new("4-14", "健康、体育和休闲服务人员", "Health, sports and leisure service personnel"),
        new("5", "农、林、牧、渔业生产及辅助人员", "Agriculture, forestry, animal husbandry and fishery workers"),
        new("5-01", "农业生产人员", "Agricultural production workers"),
        new("6", "生产制造及有关人员", "Production, manufacturing and related personnel"),
        new("6-02", "食品、饮料生产加工人员", "Food and beverage processing workers"),
        new("6-05", "纺织、针织、印染人员", "Textile, knitting and dyeing workers"),
        new("6-18", "机械制造基础加工人员", "Basic machining workers"),
        new("6-25", "电力、热力、气体、水生产和输配人员", "Power, heat, gas and water production and distribution workers"),
        new("6-29", "建筑施工人员", "Construction workers"),
        new("6-31", "生产辅助人员", "Production support workers"),
        new("7", "军队人员", "Military personnel"),
        new("8", "不便分类的其他从业人员", "Other workers not elsewhere classified"),
    ];

    public static Occupation? Find(string? code) => All.FirstOrDefault(o => o.Code == code);
}
