using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Tests;

/// <summary>Sources read as a civil servant cites them: document title and number, sections in Chinese form (issue 16, item 7).</summary>
public sealed class PolicyDocumentsTests
{
    private const string Doc003 = "《关于印发推进社区就业再就业工作意见的通知》（连政发〔2003〕97号）";
    private const string Doc002 = "《在全县再就业工作会议上的讲话》（县人民政府，2002年）";
    private const string Doc004 = "《劳保稳定就业工作通知》（省劳动和社会保障厅，2022年3月16日）";

    [Theory]
    [InlineData("003 §四(一)", Doc003 + "第四部分第（一）项")]
    [InlineData("002 §二.3, §二.4", Doc002 + "第二部分第3项、第二部分第4项")]
    [InlineData("002 §三(三)1", Doc002 + "第三部分第（三）项第1目")]
    [InlineData("004 §一", Doc004 + "第一部分")]
    [InlineData("003 §四(一); 002 §二.2", Doc003 + "第四部分第（一）项；" + Doc002 + "第二部分第2项")]
    [InlineData("003 §四(一) (期限不超过 2 年)", Doc003 + "第四部分第（一）项（期限不超过 2 年）")]
    [InlineData("004 §七(二) (企业需要裁减100人以上或占企业职工总数百分之十以上的, 裁减人员方案要及时向当地劳动行政部门报告)",
        Doc004 + "第七部分第（二）项（企业需要裁减100人以上或占企业职工总数百分之十以上的，裁减人员方案要及时向当地劳动行政部门报告）")]
    [InlineData("001 (山东)", "《各地多措并举 稳岗就业 助力脱贫》（人力资源社会保障部网站，2020年11月6日）（山东）")]
    [InlineData("财金〔2020〕21号 (个人创业担保贷款最高 20 万元)", "财金〔2020〕21号（个人创业担保贷款最高 20 万元）")]
    [InlineData("国发〔1978〕104号 (男 60 周岁, 女工人 50 周岁)", "国发〔1978〕104号（男 60 周岁，女工人 50 周岁）")]
    public void Display_Chinese_CitesTitleNumberAndSection(string source, string expected) =>
        PolicyDocuments.Display(source, chinese: true).Should().Be(expected);

    [Fact]
    public void Display_English_KeepsTheSectionSign_ButNamesTheDocument() =>
        PolicyDocuments.Display("003 §四(一)", chinese: false).Should().Be("“关于印发推进社区就业再就业工作意见的通知” (连政发〔2003〕97号) §四(一)");

    [Theory]
    [InlineData("")]
    [InlineData("2003 年的规定")]
    [InlineData("《劳动法》第十五条")]
    public void Display_TextWithoutACode_IsUnchanged(string source) =>
        PolicyDocuments.Display(source, chinese: true).Should().Be(source);

    [Fact]
    public void TheFiveSources_EachHaveOneEntry_AndOnlyTheCopyWithANumberCarriesOne()
    {
        PolicyDocuments.All.Select(d => d.Code).Should().Equal("000", "001", "002", "003", "004");
        PolicyDocuments.All.Where(d => d.Number is not null).Select(d => (d.Code, d.Number)).Should().Equal([("003", "连政发〔2003〕97号")],
            "only 003's stored copy shows a 文号 (文 号 | 連政發〔2003〕97號); none is invented for the others");
    }
}
