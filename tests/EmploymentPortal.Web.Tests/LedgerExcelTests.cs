using System.Globalization;
using System.IO.Compression;
using System.Net;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>The ledger in and out of Excel through the pages: template, import with bad rows, both modes, export scoping and formula safety.</summary>
public sealed class LedgerExcelTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Headers =
        ["身份证号码*", "姓名*", "手机号码", "居住地址*", "户籍类型*", "文化程度*", "就业状态*", "劳动能力*", "有就业愿望*", "社区代码*", "失业登记日期"];

    [Fact]
    public async Task Template_Downloads_WithHeadersNoSamplePersonAndDropDownsOnTheCodedColumns()
    {
        using var staff = await portal.SignInAsync("community1");

        var response = await staff.GetAsync("/Station/Persons/Import?handler=Template");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var sheets = stream.GetSheetNames();
        sheets.Should().Equal("人员", "可填写的值");
        var rows = stream.Query(useHeaderRow: false, sheetName: "人员").Cast<IDictionary<string, object>>().ToList();
        rows.Should().ContainSingle("the header and no sample person (issue 16)");
        rows[0].Values.Select(v => v?.ToString()).Should().StartWith(Headers);
        var allowed = stream.Query(useHeaderRow: true, sheetName: "可填写的值").Cast<IDictionary<string, object>>().Select(r => (Column: r["列"]?.ToString(), Value: r["可填写的值"]?.ToString())).ToList();
        allowed.Select(a => a.Value).Should().Contain(v => v!.StartsWith(Community1, StringComparison.Ordinal)).And.NotContain(v => v!.StartsWith(Community2, StringComparison.Ordinal));

        // A drop-down list on each coded column (户籍类型 E … 社区代码 J), over that column's values on the second sheet.
        var validations = System.Text.RegularExpressions.Regex.Matches(SheetXml(bytes, "xl/worksheets/sheet1.xml"), "<(?:x:)?dataValidation [^>]*sqref=\"([A-Z])2:[A-Z]50001\"><(?:x:)?formula1>'可填写的值'!\\$B\\$(\\d+):\\$B\\$(\\d+)<")
            .ToDictionary(m => m.Groups[1].Value, m => allowed.Skip(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - 2).Take(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) - int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1).ToList());
        validations.Keys.Should().BeEquivalentTo(["E", "F", "G", "H", "I", "J"]);
        validations["E"].Should().OnlyContain(a => a.Column == "户籍类型").And.Contain(a => a.Value == "城镇");
        validations["F"].Should().OnlyContain(a => a.Column == "文化程度").And.Contain(a => a.Value == "初中");
        validations["G"].Should().OnlyContain(a => a.Column == "就业状态").And.Contain(a => a.Value == "失业");
        validations["H"].Should().OnlyContain(a => a.Column == "劳动能力").And.Contain(a => a.Value == "完全劳动能力");
        validations["I"].Select(a => a.Value).Should().Equal("是", "否");
        validations["J"].Should().OnlyContain(a => a.Column == "社区代码" && a.Value!.StartsWith("3707", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Template_FilledInWithThePicksOfItsLists_Imports()
    {
        using var staff = await portal.SignInAsync("community1");
        var template = await (await staff.GetAsync("/Station/Persons/Import?handler=Template")).Content.ReadAsByteArrayAsync();
        var id = TestIds.Make(new DateOnly(1986, 6, 26), Sex.Female, "370705");

        // Filled in where the template is, beside its drop-down lists, with values of its second sheet.
        var filled = WithRow(template, [id, "模板填写", "13900000001", "奎文区东风街 2 号", "城镇", "高中", "失业", "完全劳动能力", "否", Community1 + " 东风街社区"]);
        var response = await staff.FollowTaskAsync(await staff.UploadAsync("/Station/Persons/Import", "file", "filled.xlsx", filled, new Dictionary<string, string> { ["Mode"] = "AllOrNothing" }));

        (await Html.ParseAsync(response)).QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 1 行：导入 1 行，不合格 0 行");
        (await Scalar("SELECT count(*) FROM persons WHERE name = '模板填写' AND wants_work = false")).Should().Be(1);
    }

    [Fact]
    public async Task Import_ValidRows_KeepsTheGoodRowsAndReportsEachBadRowWithItsNumberAndReason()
    {
        using var staff = await portal.SignInAsync("community1");
        var good1 = TestIds.Make(new DateOnly(1979, 1, 11), Sex.Male, "370705");
        var good2 = TestIds.Make(new DateOnly(1983, 2, 12), Sex.Female, "370705");
        var already = TestIds.Make(new DateOnly(1969, 3, 13), Sex.Male, "370705");
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, already, "已登记者");
        var badChecksum = good1[..17] + (good1[17] == '0' ? '1' : '0');
        var rows = new[]
        {
            Row(good1, "导入甲", registeredOn: "2025-12-01"),
            Row(badChecksum, "导入乙"),
            Row(good1, "导入丙"),
            Row(good2, "导入丁"),
            Row(TestIds.Make(new DateOnly(1990, 4, 14), Sex.Male, "370705"), ""),
            Row(TestIds.Make(new DateOnly(1991, 5, 15), Sex.Male, "370705"), "导入戊", region: Community2),
            Row(already, "已登记者"),
            Row(TestIds.Make(new DateOnly(1992, 6, 16), Sex.Male, "370705"), "导入己", status: "在读"),
        };

        var response = await UploadAsync(staff, rows, "ValidRows");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the task's page shows the rejected rows");
        var page = await Html.ParseAsync(response);
        page.QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 8 行：导入 2 行，不合格 6 行");
        var errors = page.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(tr => tr.TextContent).ToList();
        errors.Should().HaveCount(6);
        errors[0].Should().StartWith("3").And.Contain("身份证号码校验位不正确");
        errors[1].Should().StartWith("4").And.Contain("与第 2 行的身份证号码重复");
        errors[2].Should().StartWith("6").And.Contain("姓名").And.Contain("必填");
        errors[3].Should().StartWith("7").And.Contain("社区代码 " + Community2 + " 不在您的管辖范围内");
        errors[4].Should().StartWith("8").And.Contain("该身份证号码已登记");
        errors[5].Should().StartWith("9").And.Contain("不是可填写的值");

        var (_, ledger) = await staff.GetPageAsync("/Station/Persons?q=" + Uri.EscapeDataString("导入"));
        ledger.QuerySelectorAll("[data-testid=ledger] tbody tr").Select(r => r.TextContent).Should().HaveCount(2)
            .And.Contain(r => r.Contains("导入甲", StringComparison.Ordinal) && r.Contains("长期失业", StringComparison.Ordinal) == false)
            .And.Contain(r => r.Contains("导入丁", StringComparison.Ordinal));
        // One audit event for the import: its counts and each person's id and masked number, no name.
        const string ImportEvent = "audit_events a WHERE a.action = 'LedgerImported' AND a.actor_name = 'community1' AND a.after ->> 'rows' = '8' AND a.after ->> 'rejectedRows' = '6'";
        (await Scalar($"SELECT count(*) FROM {ImportEvent} AND a.after ->> 'imported' = '2' AND a.after::text NOT LIKE '%导入%'")).Should().Be(1);
        (await Scalar($"SELECT count(*) FROM {ImportEvent.Replace(" WHERE ", ", jsonb_array_elements(a.after -> 'persons') e JOIN persons p ON p.id = (e ->> 'id')::uuid AND p.id_number_masked = e ->> 'idNumber' WHERE ", StringComparison.Ordinal)} AND p.name IN ('导入甲', '导入丁')")).Should().Be(2);
        (await Scalar("SELECT count(*) FROM unemployment_registrations u JOIN persons p ON p.id = u.person_id WHERE p.name = '导入甲' AND u.registered_on = '2025-12-01'")).Should().Be(1);
    }

    [Fact]
    public async Task Import_AllOrNothing_OneBadRow_ImportsNothing()
    {
        using var staff = await portal.SignInAsync("community1");
        var rows = new[]
        {
            Row(TestIds.Make(new DateOnly(1977, 7, 17), Sex.Male, "370705"), "全或无甲"),
            Row("37070519770717001", "全或无乙"),
        };

        var response = await UploadAsync(staff, rows, "AllOrNothing");

        var page = await Html.ParseAsync(response);
        page.QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("导入 0 行").And.Contain("本次没有导入任何数据");
        page.QuerySelector("[data-testid=import-errors] tbody tr")!.TextContent.Should().StartWith("3").And.Contain("身份证号码应为 18 位");
        (await Scalar("SELECT count(*) FROM persons WHERE name LIKE '全或无%'")).Should().Be(0);
    }

    [Fact]
    public async Task Import_IdNumbersOfNoProvinceOrBefore1880_RowsRejectedWithTheReason()
    {
        using var staff = await portal.SignInAsync("community1");
        var rows = new[]
        {
            Row("000000198005051234", "无此省甲"),
            Row(TestIds.WithCheck("99010119800505123"), "无此省乙"),
            Row(TestIds.WithCheck("37070518791231001"), "太早者"),
            Row(TestIds.WithCheck("83000019800505124"), "台湾居民"),
        };

        var response = await UploadAsync(staff, rows, "ValidRows");

        var page = await Html.ParseAsync(response);
        var errors = page.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(tr => tr.TextContent).ToList();
        errors.Should().HaveCount(3);
        errors[0].Should().StartWith("2").And.Contain("身份证号码前两位不是省（自治区、直辖市）代码");
        errors[1].Should().StartWith("3").And.Contain("身份证号码前两位不是省（自治区、直辖市）代码");
        errors[2].Should().StartWith("4").And.Contain("早于 1880 年");
        (await Scalar("SELECT count(*) FROM persons WHERE name = '台湾居民'")).Should().Be(1, "830000 is the address code of Taiwan residents' residence permits");
    }

    [Fact]
    public async Task Import_InEnglish_TemplateHeadersAndLabelsInEnglishAreAccepted()
    {
        using var staff = await portal.SignInAsync("community1");
        var (_, page) = await staff.GetPageAsync("/Station/Persons/Import?culture=en-US");
        page.QuerySelector("h1")!.TextContent.Should().Be("Import from Excel");
        var template = await staff.GetAsync("/Station/Persons/Import?handler=Template&culture=en-US");
        using var templateStream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        templateStream.GetSheetNames().Should().Equal("Persons", "Allowed values");
        var headers = templateStream.Query(useHeaderRow: false, sheetName: "Persons").Cast<IDictionary<string, object>>().Single().Values.Select(v => v.ToString()!).ToList();
        headers.Should().StartWith(["ID number*", "Name*"]);

        var row = new Dictionary<string, object>
        {
            [headers[0]] = TestIds.Make(new DateOnly(1987, 10, 10), Sex.Female, "370705"),
            [headers[1]] = "Englishrow",
            [headers[3]] = "1 Dongfeng St",
            [headers[4]] = "Urban",
            [headers[5]] = "Junior high",
            [headers[6]] = "Unemployed",
            [headers[7]] = "Full",
            [headers[8]] = "Yes",
            [headers[9]] = Community1,
        };
        using var file = new MemoryStream();
        await file.SaveAsAsync(new[] { row });
        var response = await staff.FollowTaskAsync(await staff.UploadAsync("/Station/Persons/Import?culture=en-US", "file", "en.xlsx", file.ToArray(), new Dictionary<string, string> { ["Mode"] = "AllOrNothing" }), "?culture=en-US");

        (await Html.ParseAsync(response)).QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("1 rows: 1 imported, 0 rejected");
    }

    [Fact]
    public async Task Import_FileWithoutTheRequiredColumns_RefusedWithTheMissingOnes()
    {
        using var staff = await portal.SignInAsync("community1");
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[] { new Dictionary<string, object> { ["姓名"] = "某某" } });

        var response = await staff.UploadAsync("/Station/Persons/Import", "file", "wrong.xlsx", stream.ToArray(), new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector("#file-error")!.TextContent.Should().Contain("文件缺少必填列").And.Contain("身份证号码").And.Contain("社区代码");
    }

    [Fact]
    public async Task Import_TenThousandRows_AllImported()
    {
        using var staff = await portal.SignInAsync("street1");
        var start = new DateOnly(1966, 1, 1);
        var rows = Enumerable.Range(0, 10_000).Select(i =>
        {
            var birth = start.AddDays(i / 400);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"370703{birth:yyyyMMdd}{i % 400:000}");
            return Row(TestIds.WithCheck(first17), "万行" + i.ToString(CultureInfo.InvariantCulture), region: i % 2 == 0 ? Community1 : Community2);
        }).ToArray();

        var response = await UploadAsync(staff, rows, "AllOrNothing");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 10000 行：导入 10000 行，不合格 0 行");
        (await Scalar("SELECT count(*) FROM persons WHERE name LIKE '万行%'")).Should().Be(10_000);
    }

    [Fact]
    public async Task Import_RegisteredNumbersInLaterBatches_AreFoundAsTheRegisterIsReadBesideTheSheet()
    {
        using var staff = await portal.SignInAsync("street1");
        var start = new DateOnly(1970, 1, 1);
        var ids = Enumerable.Range(0, 12_000).Select(i =>
            TestIds.WithCheck(string.Create(CultureInfo.InvariantCulture, $"370705{start.AddDays(i / 400):yyyyMMdd}{i % 400:000}"))).ToArray();
        // Registered before the import: one number in the second batch of 5,000, one in the last, partial batch.
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, ids[7_000], "批量查重甲", Community1);
        await staff.RegisterPersonUrlAsync(portal.ConnectionString, ids[11_500], "批量查重乙", Community2);
        var rows = ids.Select((id, i) => Row(id, "批量查重" + i.ToString(CultureInfo.InvariantCulture), region: i % 2 == 0 ? Community1 : Community2)).ToArray();

        var response = await UploadAsync(staff, rows, "ValidRows");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the task's page reports the rejected rows");
        var page = await Html.ParseAsync(response);
        page.QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 12000 行：导入 11998 行，不合格 2 行");
        var errors = page.QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(tr => tr.TextContent).ToList();
        errors.Should().HaveCount(2);
        errors[0].Should().StartWith("7002").And.Contain("该身份证号码已登记");
        errors[1].Should().StartWith("11502").And.Contain("该身份证号码已登记");
        (await Scalar("SELECT count(*) FROM persons WHERE name LIKE '批量查重%'")).Should().Be(12_000);
    }

    [Fact]
    public async Task Export_OnlyMyArea_MaskedFormulaSafeAndAudited()
    {
        using var mine = await portal.SignInAsync("community1");
        using var other = await portal.SignInAsync("community2");
        await mine.RegisterPersonUrlAsync(portal.ConnectionString, TestIds.Make(new DateOnly(1980, 8, 18), Sex.Male), "=HYPERLINK(\"http://x\")", Community1);
        var otherId = TestIds.Make(new DateOnly(1981, 9, 19), Sex.Female);
        await other.RegisterPersonUrlAsync(portal.ConnectionString, otherId, "邻社区导出", Community2);

        var response = await ExportAsync(mine);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["姓名"]?.ToString()).Should().Contain("'=HYPERLINK(\"http://x\")").And.NotContain("邻社区导出");
        rows.Select(r => r["身份证号码"]?.ToString()).Should().OnlyContain(id => id!.Contains("********", StringComparison.Ordinal));
        SheetXml(bytes).Should().NotContain("<x:f>").And.NotContain("<f>", "no cell is written as a formula");
        (await Scalar("SELECT count(*) FROM audit_events WHERE action = 'LedgerExported' AND actor_name = 'community1'")).Should().BeGreaterThanOrEqualTo(1);

        using var county = await portal.SignInAsync("county1");
        (await county.GetAsync("/Station/Persons?handler=Export")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static Dictionary<string, object> Row(string id, string name, string region = Community1, string status = "失业", string? registeredOn = null) => new()
    {
        [Headers[0]] = id,
        [Headers[1]] = name,
        [Headers[2]] = "13900000000",
        [Headers[3]] = "奎文区东风街 1 号",
        [Headers[4]] = "城镇",
        [Headers[5]] = "初中",
        [Headers[6]] = status,
        [Headers[7]] = "完全劳动能力",
        [Headers[8]] = "是",
        [Headers[9]] = region,
        [Headers[10]] = registeredOn ?? string.Empty,
    };

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient staff, IEnumerable<Dictionary<string, object>> rows, string mode)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        return await staff.FollowTaskAsync(await staff.UploadAsync("/Station/Persons/Import", "file", "persons.xlsx", stream.ToArray(), new Dictionary<string, string> { ["Mode"] = mode }));
    }

    /// <summary>The template with one data row written into its first sheet's XML (its lists and second sheet kept).</summary>
    private static byte[] WithRow(byte[] template, string[] values)
    {
        using var buffer = new MemoryStream();
        buffer.Write(template);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var prefix = xml.Contains("<x:sheetData", StringComparison.Ordinal) ? "x:" : string.Empty;
            var cells = string.Concat(values.Select((v, i) => $"<{prefix}c r=\"{(char)('A' + i)}2\" t=\"inlineStr\"><{prefix}is><{prefix}t>{System.Security.SecurityElement.Escape(v)}</{prefix}t></{prefix}is></{prefix}c>"));
            xml = xml.Replace($"</{prefix}sheetData>", $"<{prefix}row r=\"2\">{cells}</{prefix}row></{prefix}sheetData>", StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }

        return buffer.ToArray();
    }

    /// <summary>The ledger's export: at once, or (a ledger over Portal:Tasks:ExportInBackgroundAbove, as after the 10,000-row import) from its task's link.</summary>
    private static async Task<HttpResponseMessage> ExportAsync(PortalClient staff)
    {
        var response = await staff.GetAsync("/Station/Persons?handler=Export");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return response;
        }

        var task = await Html.ParseAsync(await staff.FollowTaskAsync(response));
        return await staff.GetAsync(task.QuerySelector("[data-testid=task-download]")!.GetAttribute("href")!);
    }

    private static string SheetXml(byte[] xlsx, string entry = "xl/worksheets/")
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.Entries.First(e => e.FullName.StartsWith(entry, StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task WarmUp_ChecksEveryGeneratedRowAsAnImportWould_AndWritesOrRevealsNothing()
    {
        var before = await Scalar("SELECT (SELECT count(*) FROM persons) * 1000000 + (SELECT count(*) FROM audit_events)");
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var excel = scope.ServiceProvider.GetRequiredService<EmploymentPortal.Core.Persons.LedgerExcel>();

        var accepted = await excel.WarmUpAsync(await excel.WarmUpSheetAsync(300, CancellationToken.None), CancellationToken.None);

        accepted.Should().Be(300, "the template's example row, with a generated ID number, passes every check");
        (await Scalar("SELECT (SELECT count(*) FROM persons) * 1000000 + (SELECT count(*) FROM audit_events)")).Should().Be(before);
    }

    private Task<long> Scalar(string sql) => TestSql.ScalarAsync<long>(portal.ConnectionString, sql);
}
