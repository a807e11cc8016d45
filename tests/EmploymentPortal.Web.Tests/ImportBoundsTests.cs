using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using MiniExcelLibs;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Issue 15, finding 1: each malicious upload shape is refused with a clear message in under a
/// second and with the process's allocations under 20 MB; a NUL cell is a row error, not a 500;
/// one import per unit at a time, with progress on its task's page while it runs in the
/// background. A shape found in the rows is reported on the task's page, the others at once. The
/// files are written by hand (the zip's XML), as an attacker would.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class ImportBoundsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Import = "/Station/Persons/Import";
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly string[] Headers =
        ["身份证号码*", "姓名*", "手机号码", "居住地址*", "户籍类型*", "文化程度*", "就业状态*", "劳动能力*", "有就业愿望*", "社区代码*", "失业登记日期"];

    public static TheoryData<string, string> Shapes => new()
    {
        { "xfd", "允许的列（A 至 Z）之外有内容（XFD30）" },
        { "row60001", "行号超出上限（60001）" },
        { "dimension", "允许的列（A 至 Z）之外有内容（XFD1048576）" },
        { "dimensionRows", "行号超出上限（K1048576）" },
        { "bomb", "文件解压后过大或压缩比异常" },
        { "lyingSize", "无法读取该文件" },
        { "manyEntries", "文件解压后过大或压缩比异常" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task MaliciousShape_RefusedClearlyInUnderASecondWithUnder20MegabytesAllocated(string shape, string message)
    {
        using var staff = await portal.SignInAsync("community1");
        var file = Malicious(shape);
        await staff.FollowTaskAsync(await staff.UploadAsync(Import, "file", "warm.xlsx", Xlsx(Sheet(string.Empty)), new Dictionary<string, string>()));

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var response = await staff.FollowTaskAsync(await staff.UploadAsync(Import, "file", "evil.xlsx", file, new Dictionary<string, string>()));
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        (await Html.ParseAsync(response)).QuerySelector("#file-error")!.TextContent.Should().Contain(message);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "the shape {0} is refused before it is parsed", shape);
        allocated.Should().BeLessThan(20L * 1024 * 1024, "the shape {0} is never materialised", shape);
        file.Length.Should().BeLessThan(1024 * 1024, "the attack is a small upload");
    }

    [Fact]
    public async Task NulAndBidiCells_AreRowErrorsNamingTheColumn_NotA500()
    {
        using var staff = await portal.SignInAsync("community1");
        var nul = TestIds.Make(new DateOnly(1980, 3, 3), Sex.Male, "370705");
        var bidi = TestIds.Make(new DateOnly(1981, 4, 4), Sex.Female, "370705");
        var blank = TestIds.Make(new DateOnly(1982, 5, 5), Sex.Female, "370705");
        var sheet = Sheet(
            DataRow(2, nul, "张_x0000_三") +
            DataRow(3, bidi, "李\u202E四") +
            DataRow(4, blank, "\u200B\u200B"));

        var response = await staff.FollowTaskAsync(await staff.UploadAsync(Import, "file", "nul.xlsx", Xlsx(sheet), new Dictionary<string, string> { ["Mode"] = "ValidRows" }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var errors = (await Html.ParseAsync(response)).QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(tr => tr.TextContent).ToList();
        errors.Should().HaveCount(3);
        errors[0].Should().StartWith("2").And.Contain("姓名").And.Contain("含有控制字符或不可见的方向控制字符");
        errors[1].Should().StartWith("3").And.Contain("姓名").And.Contain("含有控制字符或不可见的方向控制字符");
        errors[2].Should().StartWith("4").And.Contain("姓名").And.Contain("必填");
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM persons WHERE name LIKE '张%三' OR name LIKE '李%四'")).Should().Be(0);
    }

    [Fact]
    public async Task RowNumbersBeyondTheLimit_RefusedAtTheFirstOne_AndMissingRowNumbersCostNothing()
    {
        using var staff = await portal.SignInAsync("community1");
        var rows = new StringBuilder();
        for (var r = 2; r <= 50_002; r++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>1</t></is></c></row>");
        }

        // 50,001 non-empty data rows: stopped at the one past the limit.
        var tooMany = await staff.FollowTaskAsync(await staff.UploadAsync(Import, "file", "many.xlsx", Xlsx(Sheet(rows.ToString(), dimension: null)), new Dictionary<string, string>()));
        (await Html.ParseAsync(tooMany)).QuerySelector("#file-error")!.TextContent.Should().Contain("文件超过 50000 行");

        // A row number past the header, the limit and the allowance for blank lines is refused at once.
        var id = TestIds.Make(new DateOnly(1977, 7, 7), Sex.Male, "370705");
        var far = await staff.FollowTaskAsync(await staff.UploadAsync(Import, "file", "far.xlsx", Xlsx(Sheet(DataRow(51_002, id, "远行"), dimension: null)), new Dictionary<string, string>()));
        (await Html.ParseAsync(far)).QuerySelector("#file-error")!.TextContent.Should().Contain("行号超出上限（51002）");

        // Row numbers far apart (a valid row at 2 and one at 51,001, after blank lines) are two rows, not 51,000.
        var sparse = Sheet(DataRow(51_001, id, "稀疏行"));
        var response = await staff.FollowTaskAsync(await staff.UploadAsync(Import, "file", "sparse.xlsx", Xlsx(sparse), new Dictionary<string, string>()));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 1 行：导入 1 行");
    }

    [Fact]
    public async Task SecondImportOfTheSameUnit_WhileOneRuns_IsToldAtOnce_AndTheFirstShowsProgress()
    {
        using var first = await portal.SignInAsync("street1");
        using var second = await portal.SignInAsync("street1");
        var start = new DateOnly(1967, 1, 1);
        var rows = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            var birth = start.AddDays(i / 400);
            var id = TestIds.WithCheck(string.Create(CultureInfo.InvariantCulture, $"370703{birth:yyyyMMdd}{i % 400:000}"));
            rows.Append(DataRow(i + 2, id, "并发" + i.ToString(CultureInfo.InvariantCulture)));
        }

        var queued = await first.UploadAsync(Import, "file", "big.xlsx", Xlsx(Sheet(rows.ToString())), new Dictionary<string, string>());
        queued.StatusCode.Should().Be(HttpStatusCode.Redirect, "the import goes to the background");
        var taskPage = queued.Headers.Location!.OriginalString;
        taskPage.Should().StartWith("/Station/Tasks/");
        var refused = await second.UploadAsync(Import, "file", "other.xlsx", Xlsx(Sheet(DataRow(2, TestIds.Make(new DateOnly(1976, 6, 6), Sex.Male, "370703"), "另一次"))), new Dictionary<string, string>());
        string? progress = null;
        for (var attempt = 0; attempt < 1200 && progress is null; attempt++)
        {
            var (_, page) = await first.GetPageAsync(taskPage);
            var text = page.QuerySelector("[data-testid=task-progress]")?.TextContent ?? string.Empty;
            progress = page.QuerySelector("[data-testid=task]")!.GetAttribute("data-state") == "Running" && text.Contains("已处理", StringComparison.Ordinal) && page.QuerySelector("progress") is not null ? text : null;
            await Task.Delay(20);
        }

        var done = await first.FollowTaskAsync(queued);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Html.ParseAsync(refused)).QuerySelector("#file-error")!.TextContent.Should().Contain("本单位正在进行另一次导入");
        progress.Should().MatchRegex("已处理 [0-9,]+( / [0-9,]+)? 行", "the task's page shows the rows handled so far while the import runs (with the total once the reading has counted it)");
        (await Html.ParseAsync(done)).QuerySelector("[data-testid=import-summary]")!.TextContent.Should().Contain("共 20000 行：导入 20000 行");
        var again = await second.UploadAsync(Import, "file", "other.xlsx", Xlsx(Sheet(DataRow(2, TestIds.Make(new DateOnly(1976, 6, 6), Sex.Male, "370703"), "另一次"))), new Dictionary<string, string>());
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "another import may start when the first has ended");
        await second.FollowTaskAsync(again);
    }

    [Fact]
    public async Task GenuineFileFromExcelWithSharedStrings_ImportsAsBefore()
    {
        using var staff = await portal.SignInAsync("community1");
        var id = TestIds.Make(new DateOnly(1985, 8, 8), Sex.Female, "370705");
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[]
        {
            Headers.Select((h, i) => (h, v: (object)(i switch { 0 => id, 1 => "共享串", 2 => 13900000000d, 3 => "奎文区东风街 1 号", 4 => "城镇", 5 => "初中", 6 => "失业", 7 => "完全劳动能力", 8 => "是", 9 => Community1, _ => new DateTime(2025, 12, 1) })))
                .ToDictionary(p => p.h, p => p.v),
        });

        var response = await staff.FollowTaskAsync(await staff.UploadAsync(Import, "file", "genuine.xlsx", stream.ToArray(), new Dictionary<string, string>()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM persons p JOIN unemployment_registrations u ON u.person_id = p.id WHERE p.name = '共享串' AND p.phone = '13900000000' AND u.registered_on = '2025-12-01'")).Should().Be(1);
    }

    internal static string DataRow(int number, string id, string name, string region = Community1) =>
        Row(number, [id, name, "13900000000", "奎文区东风街 1 号", "城镇", "初中", "失业", "完全劳动能力", "是", region, string.Empty]);

    internal static string Sheet(string dataRows, string? dimension = "A1:K2") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MainNs}\">"
        + (dimension is null ? string.Empty : $"<dimension ref=\"{dimension}\"/>")
        + "<sheetData>" + Row(1, Headers) + dataRows + "</sheetData></worksheet>";

    /// <summary>A minimal .xlsx package around a sheet's XML, as an attacker (or a careful tool) writes it.</summary>
    internal static byte[] Xlsx(string sheetXml, Action<ZipArchive>? more = null, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path, level).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MainNs}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"人员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Add("xl/worksheets/sheet1.xml", sheetXml);
            more?.Invoke(zip);
        }

        return buffer.ToArray();
    }

    private static string Row(int number, string[] values)
    {
        var row = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length > 0)
            {
                row.Append(CultureInfo.InvariantCulture, $"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(values[i])}</t></is></c>");
            }
        }

        return row.Append("</row>").ToString();
    }

    private static byte[] Malicious(string shape) => shape switch
    {
        // One cell in the last column: MiniExcel padded every row to 16,384 cells (47.6 s of CPU).
        "xfd" => Xlsx(Sheet("<row r=\"30\"><c r=\"XFD30\" t=\"inlineStr\"><is><t>x</t></is></c></row>", dimension: null)),

        // One row numbered 60,001: MiniExcel yielded 60,000 empty rows before it (+65 MB).
        "row60001" => Xlsx(Sheet("<row r=\"60001\"><c r=\"A60001\" t=\"inlineStr\"><is><t>x</t></is></c></row>", dimension: null)),

        // A dimension claiming the whole grid.
        "dimension" => Xlsx(Sheet(string.Empty, dimension: "A1:XFD1048576")),
        "dimensionRows" => Xlsx(Sheet(string.Empty, dimension: "A1:K1048576")),

        // 2,000,000 tiny rows deflated to a few hundred kilobytes.
        "bomb" => Xlsx(Sheet(string.Concat(Enumerable.Repeat("<row><c><v>1</v></c></row>", 2_000_000)), dimension: null)),

        // An entry whose header declares a few bytes but inflates to megabytes of rows.
        "lyingSize" => LyingSize(),

        // Thousands of tiny entries.
        "manyEntries" => Xlsx(Sheet(string.Empty), zip =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                zip.CreateEntry($"xl/media/{i}.bin", CompressionLevel.NoCompression).Open().Dispose();
            }
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    /// <summary>A file whose sheet entry's declared uncompressed size (central directory and local header) is patched down to 1 KB.</summary>
    private static byte[] LyingSize()
    {
        var bytes = Xlsx(Sheet(string.Concat(Enumerable.Repeat("<row><c><v>1</v></c></row>", 200_000)), dimension: null));
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var central = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02;
            var local = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04;
            if (!central && !local)
            {
                continue;
            }

            var nameAt = central ? i + 46 : i + 30;
            var sizeAt = central ? i + 24 : i + 22;
            if (nameAt + name.Length <= bytes.Length && bytes.AsSpan(nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(sizeAt, 4), 1024u);
            }
        }

        return bytes;
    }
}
