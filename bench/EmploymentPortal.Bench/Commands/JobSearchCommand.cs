using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Bench.Commands;

/// <summary>
/// The public job search at a million postings: fills <c>employers</c> and <c>postings</c> (and so the listing) with
/// realistic Chinese postings (binary COPY, search tokens made by the app's <see cref="SearchTokens"/>),
/// then times <see cref="JobSearch.SearchAsync(JobSearchQuery, CancellationToken)"/> per scenario (the app's own SQL: the page and
/// the capped count in one round trip) and prints each plan's node types from EXPLAIN.
/// </summary>
public static class JobSearchCommand
{
    /// <summary>The generated employers (checked against the EF model by <c>CopyTargetsTests</c>).</summary>
    public static readonly CopyTarget EmployersCopy = new(
        "employers", ["id", "credit_code", "name", "industry", "size", "region_id", "region_code", "contact_name", "contact_phone", "status", "created_at"]);

    /// <summary>The generated postings (checked against the EF model by <c>CopyTargetsTests</c>).</summary>
    public static readonly CopyTarget PostingsCopy = new(
        "postings",
        [
            "id", "employer_id", "title", "description", "search_text", "occupation_code", "region_id", "region_code", "pay_min", "pay_max",
            "headcount", "type", "contact_name", "contact_phone", "valid_from", "valid_to", "status", "published_at", "published_on", "created_at", "created_by_name",
        ]);

    /// <summary>The <c>created_by_name</c> of every generated posting: what <c>--replace</c> deletes.</summary>
    public const string PostingAuthor = "bench";

    /// <summary>
    /// The generated employers' credit codes: 91, the region's six digits, the organisation code
    /// BE + a seven-digit serial, the check character. <c>--replace</c> deletes the employers whose
    /// code matches (no real or demo code has BE there).
    /// </summary>
    public const string EmployerCreditCodeLike = "91______BE%";

    // Employers generated before the BE serials: 91, six digits, 1000 + a five-digit serial, the check
    // character, and a name ending in the serial; --replace deletes them too.
    private const string LegacyEmployers = """credit_code ~ '^91[0-9]{6}1000[0-9]{5}.$' AND name ~ '^潍坊.*有限公司[0-9]+$'""";

    public const string Usage =
        """
        jobs --connection "Host=...;Database=..."   (or env ConnectionStrings__Portal)
             [--generate 1000000 [--replace]] [--employers 20000] [--seed 20261123] [--iterations 30] [--warmup 3]
          --generate adds that many postings and --employers new employers (half of the postings published,
          90 % of the employers verified), then VACUUM ANALYZE; a second run adds more (serials and random
          stream continue from the generated rows already there). --replace first deletes every generated
          posting and employer (and the rows referring to them), so the same options give the same data set.
          Demo and app-made rows stay. --iterations 0 only generates; without --generate the scenarios run
          over what is there.
        jobs --connection "..." --pgbench-script FILE [--q 保安] [--region 370702000000] [--category 4]
          writes the search's statements, as the app would send them, as one pgbench transaction
          (bench/jobs-throughput.sh compares the pages with it).
        """;

    // Job words with their occupation category: titles and descriptions are made from these.
    private static readonly (string Word, string Category)[] Jobs =
    [
        ("保安员", "3-02"), ("家政服务员", "4-10"), ("电工", "6-25"), ("保洁员", "4-09"), ("厨师", "4-03"), ("餐厅服务员", "4-03"),
        ("收银员", "4-01"), ("快递员", "4-02"), ("仓库管理员", "4-02"), ("货车司机", "4-02"), ("Java开发工程师", "4-04"),
        ("前端开发工程师", "4-04"), ("会计", "2-06"), ("小学教师", "2-08"), ("护士", "2-05"), ("普工", "6-31"), ("焊工", "6-18"),
        ("钳工", "6-18"), ("瓦工", "6-29"), ("木工", "6-29"), ("养老护理员", "4-14"), ("育婴员", "4-10"), ("月嫂", "4-10"),
        ("客服专员", "4-07"), ("销售代表", "4-01"), ("行政文员", "3-01"), ("面点师", "6-02"), ("缝纫工", "6-05"), ("农机手", "5-01"),
        ("水电工", "4-12"), ("汽车维修工", "4-12"), ("绿化工", "4-09"), ("消防设施操作员", "3-02"), ("机械设计工程师", "2-02"),
    ];

    private static readonly string[] Prefixes = ["", "", "急招", "高薪诚聘", "长期招聘", "招聘", "诚聘", "直招"];

    // Common phrases: each in over 30 % of postings (经验, 五险一金) or about a fifth (包吃包住).
    private static readonly (string Sentence, double Share)[] Common =
    [
        ("有相关工作经验者优先。", 0.45), ("公司缴纳五险一金。", 0.35), ("包吃包住。", 0.2), ("工作地点在潍坊市区，交通便利。", 0.25),
        ("能吃苦耐劳，服从安排。", 0.3), ("节假日按国家规定执行。", 0.15),
    ];

    // Rare skills: one of them in half of the postings, so each in about 0.25 %.
    private static readonly string[] Skills =
    [
        "叉车证", "茶艺", "烘焙", "插花", "珠算", "刺绣", "裱花", "调酒", "速记", "盲打", "电焊证", "高压电工证", "低压电工证", "健康证", "驾驶证",
        "Excel", "CAD", "PLC", "SpringBoot", "Vue", "MySQL", "Python", "Linux", "SolidWorks", "Photoshop", "育儿", "早教", "营养配餐", "推拿",
        "针灸", "康复护理", "心肺复苏", "急救", "消防控制室", "安检", "押运", "巡逻", "监控", "门岗", "物业", "保洁机械", "地毯清洗", "外墙清洗",
        "高空作业", "脚手架", "钢筋", "混凝土", "测量放线", "水准仪", "全站仪", "数控车床", "加工中心", "线切割", "模具", "注塑", "冲压", "钣金",
        "喷涂", "装配", "包装", "质检", "仓储", "分拣", "冷链", "配送", "网约车", "客运", "校车", "烧烤", "川菜", "鲁菜", "面食", "西点", "咖啡",
        "收纳", "陪护", "护工", "月子餐", "催乳", "小儿推拿", "养老", "助浴", "理发", "美甲", "摄影", "剪辑", "直播", "电商", "客服", "话务",
        "英语", "日语", "韩语", "俄语", "普通话", "书法", "美术", "钢琴", "舞蹈", "游泳", "篮球", "足球", "象棋", "围棋", "奥数", "编程",
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = new CommandLine(args, new HashSet<string> { "replace" });
        var connectionString = line.Connection();
        var generate = line.Int("generate", 0);
        var replace = line.Flag("replace");
        var employers = line.Int("employers", 20_000);
        var seed = line.ULong("seed", 20261123);
        var iterations = line.Int("iterations", 30);
        var warmup = line.Int("warmup", 3);
        var script = line.String("pgbench-script");
        var query = new JobSearchQuery(line.String("q"), line.String("region"), line.String("category"));
        line.RejectUnknown();
        if (script is not null)
        {
            await WritePgbenchScriptAsync(connectionString, query, script, cancellationToken);
            return 0;
        }

        if (replace && generate <= 0)
        {
            throw new ArgumentException("--replace goes with --generate N.");
        }

        if (generate > 0)
        {
            await GenerateAsync(connectionString, generate, employers, seed, replace, cancellationToken);
        }

        if (iterations > 0)
        {
            await MeasureAsync(connectionString, iterations, warmup, cancellationToken);
        }

        return 0;
    }

    /// <summary>
    /// Adds <paramref name="postings"/> generated postings and <paramref name="employerCount"/> employers
    /// (binary COPY, indexes rebuilt after, the listing refilled), or with <paramref name="replace"/>
    /// first deletes the generated ones (<see cref="DeleteGeneratedAsync"/>).
    /// </summary>
    public static async Task GenerateAsync(string connectionString, int postings, int employerCount, ulong seed, bool replace, CancellationToken cancellationToken)
    {
        if (postings <= 0 || employerCount <= 0)
        {
            throw new ArgumentException("Need postings > 0 and employers > 0.");
        }

        var stopwatch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (replace)
        {
            await DeleteGeneratedAsync(connection, cancellationToken);
        }

        // A second run continues the serials (credit codes are unique) and draws another random
        // stream (ids are primary keys): the same seed over the same rows gives the same rows.
        long existingEmployers, existingPostings;
        await using (var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM employers WHERE credit_code LIKE @like), (SELECT count(*) FROM postings WHERE created_by_name = @author)", connection))
        {
            count.Parameters.AddWithValue("like", EmployerCreditCodeLike);
            count.Parameters.AddWithValue("author", PostingAuthor);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (existingEmployers, existingPostings) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (existingEmployers + employerCount > 9_999_999)
        {
            throw new ArgumentException("The generated employers' serials have seven digits: use --replace.");
        }

        if (existingEmployers + existingPostings > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"adding to {existingEmployers:N0} generated employers and {existingPostings:N0} generated postings"));
        }
        var communities = new List<(int Id, string Code)>();
        await using (var command = new NpgsqlCommand("SELECT id, code FROM regions WHERE level = 5 ORDER BY code", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                communities.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }

        // Index builds after the load are much faster than keeping a GIN index up to date row by row.
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE (tablename = 'postings' AND indexname <> 'pk_postings') OR (tablename = 'job_listings' AND indexname <> 'job_listings_pkey')", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection, transaction);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        // The listing is filled once after the load rather than by its trigger per COPY.
        await using (var disable = new NpgsqlCommand("ALTER TABLE postings DISABLE TRIGGER job_listings_postings_inserted", connection, transaction))
        {
            await disable.ExecuteNonQueryAsync(cancellationToken);
        }

        var random = new DeterministicRandom(seed + (ulong)existingPostings + ((ulong)existingEmployers << 32));
        // Times (and so the version-7 ids) from the start of today: the same options give the same rows all day.
        var today = BenchClock.Clock.Today;
        var now = BenchClock.Clock.StartOf(today);
        var employerIds = new List<(Guid Id, int RegionId, string RegionCode, string Name)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            EmployersCopy.Command, cancellationToken))
        {
            for (var i = 0; i < employerCount; i++)
            {
                var (regionId, regionCode) = random.Pick(communities);
                var serial = existingEmployers + i;
                var body = "91" + regionCode[..6] + "BE" + serial.ToString("D7", CultureInfo.InvariantCulture);
                var name = "潍坊" + random.Pick(["华信", "鸿达", "金诚", "顺通", "安居", "众康", "恒泰", "利民", "新元", "天成"]) + random.Pick(["物业", "家政", "物流", "餐饮", "科技", "机械", "建筑", "服装", "商贸", "农业"]) + "有限公司" + serial.ToString(CultureInfo.InvariantCulture);
                var id = random.NextGuidV7(now.AddDays(-400));
                employerIds.Add((id, regionId, regionCode, name));
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(body + CreditCode.CheckCharacter(body), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(name, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync("综合", NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync((short)random.Between(1, 4), NpgsqlDbType.Smallint, cancellationToken);
                await copy.WriteAsync(regionId, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(regionCode, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync("王经理", NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync("0536" + random.Between(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync((short)(random.Chance(0.9) ? EmployerStatus.Verified : EmployerStatus.Pending), NpgsqlDbType.Smallint, cancellationToken);
                await copy.WriteAsync(now.AddDays(-400), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            PostingsCopy.Command,
            cancellationToken))
        {
            var description = new StringBuilder();
            for (var i = 0; i < postings; i++)
            {
                var employer = random.Pick(employerIds);
                var (job, category) = random.Pick(Jobs);
                var title = random.Pick(Prefixes) + job;
                description.Clear();
                description.Append(CultureInfo.InvariantCulture, $"招聘{job}{random.Between(1, 20)}名，负责日常{job}相关工作。");
                foreach (var (sentence, share) in Common)
                {
                    if (random.Chance(share))
                    {
                        description.Append(sentence);
                    }
                }

                if (random.Chance(0.5))
                {
                    description.Append(CultureInfo.InvariantCulture, $"熟悉{random.Pick(Skills)}者优先。");
                }

                var published = random.Chance(0.5);
                var createdAt = now.AddMinutes(-random.Next(60 * 24 * 180));
                var payMin = random.Between(20, 80) * 100;
                var text = description.ToString();
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(random.NextGuidV7(createdAt), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(employer.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(title, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(text, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(SearchTokens.ForPosting(title, text), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(category, NpgsqlDbType.Varchar, cancellationToken);

                // Most postings are in the employer's community, some elsewhere in the city.
                var (regionId, regionCode) = random.Chance(0.8) ? (employer.RegionId, employer.RegionCode) : random.Pick(communities);
                await copy.WriteAsync(regionId, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(regionCode, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(payMin, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(payMin + (random.Between(0, 30) * 100), NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(random.Between(1, 20), NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync((short)(random.Chance(0.8) ? PostingType.FullTime : (PostingType)random.Between(2, 6)), NpgsqlDbType.Smallint, cancellationToken);
                await copy.WriteAsync("王经理", NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync("0536" + random.Between(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar, cancellationToken);
                var validFrom = DateOnly.FromDateTime(createdAt.UtcDateTime);
                await copy.WriteAsync(validFrom, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(published ? today.AddDays(random.Between(1, 180)) : validFrom.AddDays(random.Between(30, 360)), NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync((short)(published ? PostingStatus.Published : random.Pick([PostingStatus.Draft, PostingStatus.PendingReview, PostingStatus.Closed, PostingStatus.Filled, PostingStatus.Expired])), NpgsqlDbType.Smallint, cancellationToken);
                if (published)
                {
                    var publishedAt = createdAt.AddHours(random.Between(1, 72));
                    await copy.WriteAsync(publishedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(BenchClock.Clock.DateOf(publishedAt), NpgsqlDbType.Date, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                    await copy.WriteNullAsync(cancellationToken);
                }

                await copy.WriteAsync(createdAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(PostingAuthor, NpgsqlDbType.Varchar, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        Console.WriteLine($"copied {employerCount:N0} employers and {postings:N0} postings in {stopwatch.Elapsed.TotalSeconds:F1} s");
        var listingWatch = Stopwatch.StartNew();
        await using (var rebuild = new NpgsqlCommand(JobListingSql.Rebuild + " ALTER TABLE postings ENABLE TRIGGER job_listings_postings_inserted;", connection, transaction) { CommandTimeout = 0 })
        {
            await rebuild.ExecuteNonQueryAsync(cancellationToken);
        }

        Console.WriteLine($"  listing filled in {listingWatch.Elapsed.TotalSeconds:F1} s");
        foreach (var (name, definition) in indexes)
        {
            var indexWatch = Stopwatch.StartNew();
            await using var create = new NpgsqlCommand(definition, connection, transaction) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync(cancellationToken);
            Console.WriteLine($"  index {name}: {indexWatch.Elapsed.TotalSeconds:F1} s");
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var table in new[] { "employers", "postings", "job_listings" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        Console.WriteLine($"generated in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Deletes the generated postings and employers and every row referring to them (applications,
    /// pushes, referrals, saved postings, the listing, layoff reports..., found by foreign key), in one
    /// transaction, then VACUUMs the tables so that the next load reuses the space (and the emptied
    /// end of the table is given back).
    /// </summary>
    public static async Task DeleteGeneratedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var ids = new NpgsqlCommand(
                $"""
                CREATE TEMPORARY TABLE bench_postings ON COMMIT DROP AS SELECT id FROM postings WHERE created_by_name = @author;
                CREATE TEMPORARY TABLE bench_employers ON COMMIT DROP AS SELECT id FROM employers WHERE credit_code LIKE @like OR ({LegacyEmployers});
                """,
                connection,
                transaction))
            {
                ids.Parameters.AddWithValue("author", PostingAuthor);
                ids.Parameters.AddWithValue("like", EmployerCreditCodeLike);
                await ids.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var (table, idsTable) in new[] { ("postings", "bench_postings"), ("employers", "bench_employers") })
            {
                foreach (var (name, rows) in await ForeignKeys.DeleteWithDependentsAsync(connection, transaction, table, idsTable, cancellationToken))
                {
                    deleted[name] = deleted.GetValueOrDefault(name) + rows;
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var counts = deleted.Where(d => d.Value > 0).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} {d.Value:N0}")).ToList();
        Console.WriteLine("deleted the generated rows: " + (counts.Count > 0 ? string.Join(", ", counts) : "none there"));
        foreach (var table in deleted.Where(d => d.Value > 0).Select(d => d.Key))
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM {table}", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task MeasureAsync(string connectionString, int iterations, int warmup, CancellationToken cancellationToken)
    {
        string district = "370702000000", street = "370702001000", community = "370702001001";
        var scenarios = new (string Name, JobSearchQuery Query)[]
        {
            ("rare skill 茶艺", new("茶艺")),
            ("rare skill 茶艺 + district", new("茶艺", district)),
            ("rare skill 茶艺 + community", new("茶艺", community)),
            ("rare Latin PLC + street", new("PLC", street)),
            ("two-char 保安 + district", new("保安", district)),
            ("two-char 电工 + street", new("电工", street)),
            ("two-char 家政 + community", new("家政", community)),
            ("mixed Java开发 + district", new("Java开发", district)),
            ("common 经验 (45 %)", new("经验")),
            ("common 经验 + district", new("经验", district)),
            ("common 经验 + street", new("经验", street)),
            ("common 经验 + community", new("经验", community)),
            ("common 五险一金 + district", new("五险一金", district)),
            ("common 五险一金 + district, by pay", new("五险一金", district, Sort: JobSort.Pay)),
            ("no keyword, district", new(null, district)),
            ("no keyword, community, category 4", new(null, community, "4")),
            ("no keyword, district, pay ≥ 8000, by pay", new(null, district, MinPay: 8000, Sort: JobSort.Pay)),
        };

        await using var provider = PortalServices.Build(connectionString, DataScope.None);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        Console.WriteLine($"{"scenario",-42} {"plan",-10} {"count",6} {"p50 ms",7} {"p95 ms",7} {"max ms",7}  page plan | count plan");
        foreach (var (name, query) in scenarios)
        {
            var timings = new List<double>();
            JobSearchResult? result = null;
            for (var i = 0; i < warmup + iterations; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var search = scope.ServiceProvider.GetRequiredService<JobSearch>();
                var stopwatch = Stopwatch.StartNew();
                result = await search.SearchAsync(query, cancellationToken);
                if (i >= warmup)
                {
                    timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }

            // The second page too: keyset paging must not be slower than the first.
            string plans;
            await using (var scope = provider.CreateAsyncScope())
            {
                var prepared = await scope.ServiceProvider.GetRequiredService<JobSearch>().PrepareAsync(query with { After = result!.Next }, null, cancellationToken);
                plans = await ExplainAsync(connection, prepared.PageSql, prepared.Parameters, cancellationToken) + " | " + await ExplainAsync(connection, prepared.CountSql, prepared.Parameters, cancellationToken);
            }

            timings.Sort();
            var count = result.CountCapped ? $"{result.Count}+" : result.Count.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"{name,-42} {result.Plan,-10} {count,6} {Percentile(timings, 0.5),7:F1} {Percentile(timings, 0.95),7:F1} {timings[^1],7:F1}  {plans}");
        }
    }

    /// <summary>
    /// The search's batch (the setting, the page, the capped count) with its parameters written in
    /// as literals, joined by pgbench's <c>\;</c> into one compound statement: one round trip and one
    /// implicit transaction, as Npgsql sends the batch.
    /// </summary>
    private static async Task WritePgbenchScriptAsync(string connectionString, JobSearchQuery query, string path, CancellationToken cancellationToken)
    {
        await using var provider = PortalServices.Build(connectionString, DataScope.None);
        await using var scope = provider.CreateAsyncScope();
        var prepared = await scope.ServiceProvider.GetRequiredService<JobSearch>().PrepareAsync(query, null, cancellationToken);
        var statements = new[] { PreparedJobSearch.IndexesOnly, prepared.PageSql, prepared.CountSql }.Select(sql =>
        {
            foreach (var parameter in prepared.Parameters.OrderByDescending(p => p.ParameterName.Length))
            {
                var literal = parameter.Value switch
                {
                    DateOnly date => $"DATE '{date:yyyy-MM-dd}'",
                    int number => number.ToString(CultureInfo.InvariantCulture),
                    short number => number.ToString(CultureInfo.InvariantCulture),
                    Guid id => $"'{id}'::uuid",
                    DateTimeOffset at => $"TIMESTAMPTZ '{at.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00'",
                    string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
                    var other => throw new InvalidOperationException($"No literal for {other?.GetType().Name}"),
                };
                sql = sql.Replace("@" + parameter.ParameterName, literal, StringComparison.Ordinal);
            }

            return sql;
        });
        await File.WriteAllTextAsync(path, string.Join(" \\;\n", statements) + ";\n", cancellationToken);
        Console.WriteLine($"{path}: page {prepared.PagePlan}, count {prepared.CountPlan}");
    }

    /// <summary>The plan's node types (with the index used), outermost first.</summary>
    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string sql, IReadOnlyList<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        // As the search runs it: in one batch after the setting of PreparedJobSearch.IndexesOnly.
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PreparedJobSearch.IndexesOnly));
        var command = new NpgsqlBatchCommand("EXPLAIN (FORMAT JSON) " + sql);
        foreach (var parameter in parameters)
        {
            if (sql.Contains("@" + parameter.ParameterName, StringComparison.Ordinal))
            {
                command.Parameters.Add(parameter.Clone());
            }
        }

        batch.BatchCommands.Add(command);
        string json;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            json = reader.GetString(0);
        }

        using var document = JsonDocument.Parse(json);
        var nodes = new List<string>();
        Walk(document.RootElement[0].GetProperty("Plan"));
        return string.Join(" > ", nodes);

        void Walk(JsonElement node)
        {
            var type = node.GetProperty("Node Type").GetString()!;
            if (node.TryGetProperty("Index Name", out var index))
            {
                type += $"({index.GetString()})";
            }
            else if (node.TryGetProperty("Relation Name", out var relation) && type == "Seq Scan")
            {
                type += $"({relation.GetString()})";
            }

            nodes.Add(type);
            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child);
                }
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
