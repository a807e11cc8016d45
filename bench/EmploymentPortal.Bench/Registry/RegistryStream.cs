using System.Globalization;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Bench.Registry;

/// <summary>
/// Produces the registry as a sequence of batches from one seeded generator. Memory is bounded by
/// the batch size: besides the current batch it keeps only per-region tables and the ID-number
/// sequence counters (one per address code, birth day and sex, independent of the row count).
/// </summary>
public sealed class RegistryStream
{
    /// <summary>Expected members per household under <see cref="HouseholdSizes"/>.</summary>
    private const double MeanHouseholdSize = 2.61;

    /// <summary>
    /// Share of all persons eligible for an open registration (below retirement age, not a
    /// student, able to work) under this model; measured on generated data, used to hit the
    /// requested share of open registrations.
    /// </summary>
    private const double EligibleShare = 0.585;

    private const int MinimumAge = 16;
    private const int MaximumAge = 75;
    private const int SequencesPerKey = 499;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly WeightedChoice<int> HouseholdSizes = new([(1, 20), (2, 30), (3, 27), (4, 15), (5, 8)]);

    /// <summary>Weifang's county-level address codes (GB/T 2260), weighted, plus a few from elsewhere in Shandong.</summary>
    private static readonly WeightedChoice<string> AddressCodes = new(
    [
        ("370702", 20), ("370703", 8), ("370704", 8), ("370705", 20), ("370724", 6), ("370725", 6), ("370781", 6),
        ("370782", 5), ("370783", 5), ("370784", 5), ("370785", 4), ("370786", 4), ("370102", 1), ("370202", 1), ("371302", 1),
    ]);

    private static readonly string[] PhonePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199",
    ];

    private static readonly string[] Roads =
    [
        "胜利街", "东风街", "健康街", "向阳路", "和平路", "北宫街", "福寿街", "民生街", "文化路", "四平路", "新华路", "虞河路",
        "北海路", "潍州路", "月河路", "白浪河路", "青年路", "樱前街", "鸢飞路", "卧龙街", "东方路", "金宝街", "清平路", "幸福街",
    ];

    private static readonly string[] Occupations =
    [
        "保洁员", "保安员", "仓库管理员", "快递员", "网约车司机", "电工", "焊工", "厨师", "餐厅服务员", "销售员", "会计", "文员",
        "护工", "育婴员", "家政服务员", "水电工", "叉车司机", "数控车工", "普工", "收银员", "客服专员", "幼儿教师", "护士", "物流配送员",
    ];

    private static readonly string[] SkillList =
    [
        "电工证", "C1驾照", "会计从业资格", "育婴师证", "中式烹调师证", "计算机操作", "叉车证", "焊工证", "家政服务", "养老护理员证", "美发", "缝纫",
    ];

    private static readonly string[] HistoryTemplates =
    [
        "曾在本地纺织厂工作{0}年", "曾在建筑工地务工{0}年", "曾在超市任收银员{0}年", "曾在外地电子厂打工{0}年", "曾个体经营{0}年",
        "曾在物流公司任配送员{0}年", "曾在餐饮企业工作{0}年", "曾在机械厂任操作工{0}年",
    ];

    private static readonly string[] NeedsList =
    [
        "需要技能培训", "希望就近就业", "子女上学需照顾", "家中有老人需照料", "需要医疗救助", "希望参加创业培训", "需要公益性岗位",
    ];

    private static readonly string[] NotesList =
    [
        "长期外出务工，电话联系", "联系电话已变更", "本人要求暂不推荐岗位", "已参加过技能培训", "户籍在外地，居住在本社区",
    ];

    private static readonly WeightedChoice<FollowUpKind> FollowUpKinds = new(
    [
        (FollowUpKind.HomeVisit, 30), (FollowUpKind.PhoneCall, 35), (FollowUpKind.JobReferral, 15),
        (FollowUpKind.TrainingReferral, 10), (FollowUpKind.PolicyConsultation, 10),
    ]);

    private static readonly WeightedChoice<int> FollowUpCounts = new([(0, 25), (1, 35), (2, 25), (3, 15)]);

    private readonly RegistryGeneratorOptions _options;
    private readonly IIdNumberProtector _protector;
    private readonly IReadOnlySet<UInt128>? _existingHashes;
    private readonly DeterministicRandom _random;
    private readonly DateOnly _today;
    private readonly WeightedChoice<RegionTarget>? _communities;
    private readonly WeightedChoice<RegionTarget>? _streets;
    private readonly Dictionary<int, string[]> _roadsByRegion = [];
    private readonly Dictionary<int, string[]> _staffByRegion = [];
    private readonly WeightedChoice<int> _ages;
    private readonly Dictionary<string, int> _areaIndex = new(StringComparer.Ordinal);
    private readonly ushort[] _sequenceCounters;
    private readonly DateOnly _oldestBirth;
    private readonly DateOnly _youngestBirth;
    private readonly DateTimeOffset _createdFrom;
    private readonly TimeSpan _createdSpan;
    private readonly DateTimeOffset _now;
    private readonly double _openRegistrationChance;
    private int _personIndex;

    /// <param name="options">What to generate.</param>
    /// <param name="regions">The communities and streets to register persons in.</param>
    /// <param name="protector">The app's ID-number protector.</param>
    /// <param name="existingHashes">
    /// Lookup hashes already in the database (see <see cref="HashKey"/>), when adding to a filled
    /// registry: numbers whose hash is among them are skipped.
    /// </param>
    public RegistryStream(RegistryGeneratorOptions options, IReadOnlyList<RegionTarget> regions, IIdNumberProtector protector, IReadOnlySet<UInt128>? existingHashes = null)
    {
        options.Validate();
        _options = options;
        _protector = protector;
        _existingHashes = existingHashes is { Count: > 0 } ? existingHashes : null;
        _random = new DeterministicRandom(options.Seed);
        _today = options.Today;
        var communities = regions.Where(r => !r.Code.EndsWith("000", StringComparison.Ordinal)).ToList();
        var streets = regions.Where(r => r.Code.EndsWith("000", StringComparison.Ordinal)).ToList();
        if (communities.Count == 0 && streets.Count == 0)
        {
            throw new InvalidOperationException("No communities or streets to register persons in.");
        }

        // Communities differ in size (0.6–1.4 of the mean), fixed per seed and region.
        _communities = communities.Count == 0 ? null : new WeightedChoice<RegionTarget>(communities.Select(c => (c, 0.6 + (0.8 * Unit(DeterministicRandom.Mix(options.Seed, (ulong)c.Id))))));
        _streets = streets.Count == 0 ? null : new WeightedChoice<RegionTarget>(streets.Select(s => (s, 1.0)));

        _ages = new WeightedChoice<int>(Enumerable.Range(MinimumAge, MaximumAge - MinimumAge + 1).Select(age => (age, AgeWeight(age, _today.Year - age))));
        foreach (var code in AddressCodes.Items.Concat(regions.Select(r => r.Code[..6])).Distinct(StringComparer.Ordinal))
        {
            _areaIndex[code] = _areaIndex.Count;
        }

        _oldestBirth = _today.AddYears(-(MaximumAge + 1)).AddDays(1);
        _youngestBirth = _today.AddYears(-MinimumAge);
        _sequenceCounters = new ushort[_areaIndex.Count * (_youngestBirth.DayNumber - _oldestBirth.DayNumber + 1) * 2];

        _createdFrom = new DateTimeOffset(_today.AddYears(-3).AddDays(-60).ToDateTime(new TimeOnly(8, 0)), China);
        _now = new DateTimeOffset(_today.ToDateTime(TimeOnly.MinValue), China);
        _createdSpan = _now.AddHours(-6) - _createdFrom;
        _openRegistrationChance = Math.Min(1.0, options.OpenRegistrationShare / EligibleShare);
    }

    public int PersonsWritten { get; private set; }

    public int HouseholdsWritten { get; private set; }

    public int PersonsInHouseholds { get; private set; }

    public int OpenRegistrations { get; private set; }

    public int ClosedRegistrations { get; private set; }

    public int FollowUps { get; private set; }

    /// <summary>The first 16 bytes of a lookup hash, enough to tell the numbers of one registry apart.</summary>
    public static UInt128 HashKey(ReadOnlySpan<byte> lookupHash) =>
        new(BitConverter.ToUInt64(lookupHash[..8]), BitConverter.ToUInt64(lookupHash[8..16]));

    /// <summary>The registry in batches of about <see cref="RegistryGeneratorOptions.BatchSize"/> persons.</summary>
    public IEnumerable<RegistryBatch> Batches()
    {
        var batch = new RegistryBatch();
        var remainingPersons = _options.Persons;
        var remainingHouseholds = _options.Households;
        while (remainingPersons > 0)
        {
            var singlesLeft = remainingPersons - (remainingHouseholds * MeanHouseholdSize);
            var single = remainingHouseholds == 0
                || (singlesLeft > 0 && _random.NextDouble() < singlesLeft / (singlesLeft + remainingHouseholds));
            if (single)
            {
                AddSingle(batch);
                remainingPersons--;
            }
            else
            {
                // Leave at least one member for each household still to come.
                var size = Math.Min(HouseholdSizes.Next(_random), remainingPersons - (remainingHouseholds - 1));
                AddHousehold(batch, Math.Max(1, size));
                remainingPersons -= Math.Max(1, size);
                remainingHouseholds--;
            }

            if (batch.Persons.Count >= _options.BatchSize)
            {
                yield return batch;
                batch = new RegistryBatch();
            }
        }

        if (batch.Persons.Count > 0 || batch.Households.Count > 0)
        {
            yield return batch;
        }
    }

    private static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Relative number of residents of <paramref name="age"/>: cohort size by birth year (the
    /// 1959–61 dip, the 1962–75 boom, the late-1980s echo) times survival past 60.
    /// </summary>
    private static double AgeWeight(int age, int birthYear)
    {
        double cohort = birthYear switch
        {
            < 1959 => 19,
            <= 1961 => 14,
            <= 1975 => 25,
            <= 1985 => 19,
            <= 1990 => 23,
            <= 2000 => 17,
            _ => 16,
        };
        var survival = age < 60 ? 1.0 : Math.Exp(-0.03 * (age - 60));
        return cohort * survival;
    }

    private RegionTarget NextRegion() =>
        _communities is null || (_streets is not null && _random.Chance(_options.StreetLevelShare))
            ? _streets!.Next(_random)
            : _communities.Next(_random);

    private string NextAddress(RegionTarget region)
    {
        if (!_roadsByRegion.TryGetValue(region.Id, out var roads))
        {
            var local = new DeterministicRandom(DeterministicRandom.Mix(_options.Seed ^ 0x5EED, (ulong)region.Id));
            roads = [local.Pick(Roads), local.Pick(Roads), local.Pick(Roads)];
            _roadsByRegion[region.Id] = roads;
        }

        var community = region.Name == region.StreetName ? string.Empty : region.Name;
        var floor = _random.Between(1, 18);
        return string.Create(CultureInfo.InvariantCulture,
            $"{region.CityName}{region.DistrictName}{region.StreetName}{community}{_random.Pick(roads)}{_random.Between(1, 299)}号{_random.Between(1, 30)}号楼{_random.Between(1, 4)}单元{floor}{_random.Between(1, 4):00}室");
    }

    private string StaffName(RegionTarget region)
    {
        if (!_staffByRegion.TryGetValue(region.Id, out var staff))
        {
            var local = new DeterministicRandom(DeterministicRandom.Mix(_options.Seed ^ 0x57AFF, (ulong)region.Id));
            staff = [.. Enumerable.Range(0, 3).Select(_ =>
            {
                var sex = local.Chance(0.6) ? Sex.Female : Sex.Male;
                return ChineseNames.Surname(local) + ChineseNames.GivenName(local, sex, local.Between(1970, 1998));
            })];
            _staffByRegion[region.Id] = staff;
        }

        return _random.Pick(staff);
    }

    private void AddSingle(RegistryBatch batch)
    {
        var region = NextRegion();
        var age = _ages.Next(_random);
        var sex = _random.Chance(0.51) ? Sex.Male : Sex.Female;
        var hukou = _random.Chance(0.82) ? HukouType.Urban : HukouType.Rural;
        AddPerson(batch, new MemberSpec(region, age, sex, ChineseNames.Surname(_random), NextAddress(region), hukou, null, null));
    }

    private void AddHousehold(RegistryBatch batch, int size)
    {
        var region = NextRegion();
        var hukou = _random.Chance(0.85) ? HukouType.Urban : HukouType.Rural;
        var address = NextAddress(region);
        var spouse = size > 1 && _random.Chance(0.8);
        var extras = size - 1 - (spouse ? 1 : 0);

        // A head old enough for adult children (≥ 16) or young enough for living parents (≤ 75).
        int headAge;
        var attempts = 0;
        do
        {
            headAge = _ages.Next(_random);
            attempts++;
        }
        while ((headAge < 20 || Capacity(headAge) < extras) && attempts < 50);
        if (Capacity(headAge) < extras)
        {
            headAge = 45;
        }

        var headSex = _random.Chance(0.72) ? Sex.Male : Sex.Female;
        var headSurname = ChineseNames.Surname(_random);
        var spouseSurname = ChineseNames.Surname(_random);
        var familySurname = headSex == Sex.Male || !spouse ? headSurname : spouseSurname;
        var id = _random.NextGuidV7(CreatedAt(_personIndex));
        batch.Households.Add(new HouseholdRow { Id = id, Region = region, Address = address, Hukou = hukou, HasBusinessIncome = _random.Chance(0.04) });
        HouseholdsWritten++;

        MemberSpec Member(int age, Sex sex, string surname, Relationship relationship) =>
            new(region, Math.Clamp(age, MinimumAge, MaximumAge), sex, surname, address, _random.Chance(0.95) ? hukou : Other(hukou), id, relationship);

        AddPerson(batch, Member(headAge, headSex, headSurname, Relationship.Head));
        if (spouse)
        {
            AddPerson(batch, Member(Math.Max(20, headAge + _random.Between(-3, 5) * (headSex == Sex.Male ? -1 : 1)), Opposite(headSex), spouseSurname, Relationship.Spouse));
        }

        var children = headAge >= 40 ? 3 : 0;
        var parents = headAge <= 50 ? 2 : 0;
        var fatherAdded = false;
        for (var i = 0; i < extras; i++)
        {
            var asChild = children > 0 && (parents == 0 || _random.Chance(0.6));
            if (asChild)
            {
                children--;
                var childAge = headAge - _random.Between(22, Math.Min(34, headAge - MinimumAge));
                AddPerson(batch, Member(childAge, _random.Chance(0.5) ? Sex.Male : Sex.Female, familySurname, Relationship.Child));
            }
            else
            {
                parents--;
                var father = !fatherAdded && _random.Chance(0.5);
                fatherAdded |= father;
                var parentAge = headAge + _random.Between(22, Math.Min(34, MaximumAge - headAge));
                AddPerson(batch, Member(parentAge, father ? Sex.Male : Sex.Female, father ? headSurname : ChineseNames.Surname(_random), Relationship.Parent));
            }
        }

        PersonsInHouseholds += size;
    }

    private static int Capacity(int headAge) => (headAge >= 40 ? 3 : 0) + (headAge <= 50 ? 2 : 0);

    private static Sex Opposite(Sex sex) => sex == Sex.Male ? Sex.Female : Sex.Male;

    private static HukouType Other(HukouType hukou) => hukou == HukouType.Urban ? HukouType.Rural : HukouType.Urban;

    private DateTimeOffset CreatedAt(int index) =>
        _createdFrom + (_createdSpan * ((index + 0.5) / _options.Persons));

    private void AddPerson(RegistryBatch batch, MemberSpec spec)
    {
        var birth = BirthDate(spec.Age);
        var id = NextIdNumber(spec.Region, ref birth, spec.Sex);
        var birthYear = birth.Year;
        var age = Age.YearsOn(birth, _today);
        var retirementAge = spec.Sex == Sex.Male ? 60 : 50;

        var education = NextEducation(age, birthYear);
        var capacity = NextCapacity(age);
        var status = NextStatus(age, retirementAge, capacity);
        var open = age < retirementAge && status != EmploymentStatus.Student && capacity != LaborCapacity.None && _random.Chance(_openRegistrationChance);
        if (open)
        {
            status = EmploymentStatus.Unemployed;
        }

        var wantsWork = capacity != LaborCapacity.None && _random.Chance(status switch
        {
            EmploymentStatus.Unemployed => 0.95,
            EmploymentStatus.OutsideLabourForce => 0.25,
            EmploymentStatus.FlexibleEmployment => 0.30,
            EmploymentStatus.Student => age >= 19 ? 0.15 : 0.03,
            EmploymentStatus.Retired => 0.05,
            EmploymentStatus.SelfEmployed => 0.03,
            _ => 0.04,
        });
        var groups = NextGroups(age, birthYear, spec.Hukou, education, status, wantsWork, open);

        var created = CreatedAt(_personIndex++);
        var updated = _random.Chance(0.65) ? created : created + ((_now - created) * _random.NextDouble());
        var personId = _random.NextGuidV7(created);
        var protectedId = _protector.Protect(id);
        var hardship = (groups & (PriorityGroups.MinimumLivingAllowance | PriorityGroups.PoorLabourer | PriorityGroups.SpecialHardship)) != 0;
        batch.Persons.Add(new PersonCopyRow
        {
            Id = personId,
            RegionId = spec.Region.Id,
            RegionCode = spec.Region.Code,
            Name = spec.Surname + ChineseNames.GivenName(_random, spec.Sex, birthYear),
            IdNumberCipher = protectedId.Cipher,
            IdNumberHash = protectedId.LookupHash,
            IdNumberMasked = id.Masked,
            IdNumberLastFour = id.LastFour,
            BirthDate = id.BirthDate,
            Sex = id.Sex,
            Phone = _random.Chance(age >= 70 ? 0.75 : 0.92) ? _random.Pick(PhonePrefixes) + _random.Next(100_000_000).ToString("00000000", CultureInfo.InvariantCulture) : null,
            Address = spec.Address,
            Hukou = spec.Hukou,
            Education = education,
            Skills = _random.Chance(wantsWork ? 0.25 : 0.04) ? NextSkills() : null,
            WishedOccupation = wantsWork && _random.Chance(0.85) ? _random.Pick(Occupations) : null,
            WishedMonthlyPay = wantsWork && _random.Chance(0.7) ? (2500 + ((int)education * 400) + (_random.Between(-5, 15) * 100)) : null,
            WishedArea = wantsWork && _random.Chance(0.6) ? (_random.Chance(0.5) ? spec.Region.DistrictName : "不限") : null,
            WishedWorkType = wantsWork && _random.Chance(0.8) ? (_random.Chance(0.6) ? WorkType.FullTime : _random.Chance(0.4) ? WorkType.PartTime : WorkType.Flexible) : null,
            LaborCapacity = capacity,
            WantsWork = wantsWork,
            EmploymentStatus = status,
            EmploymentHistory = age >= 25 && _random.Chance(0.15) ? string.Format(CultureInfo.InvariantCulture, _random.Pick(HistoryTemplates), _random.Between(1, Math.Max(1, Math.Min(30, age - 18)))) : null,
            PriorityGroups = groups,
            LivingNeeds = _random.Chance(hardship ? 0.3 : 0.03) ? _random.Pick(NeedsList) : null,
            Notes = _random.Chance(0.02) ? _random.Pick(NotesList) : null,
            HouseholdId = spec.HouseholdId,
            Relationship = spec.Relationship,
            CreatedAt = created.ToUniversalTime(),
            UpdatedAt = updated.ToUniversalTime(),
            FemaleCadre = false, // the generator makes no female cadres (the column's migration default)
        });
        PersonsWritten++;

        var sixteenth = Age.Reached(birth, MinimumAge);
        if (open)
        {
            var from = Max(_today.AddDays(-1095), sixteenth);
            var registeredOn = from.AddDays(_random.Next(_today.DayNumber - from.DayNumber + 1));
            batch.Registrations.Add(new RegistrationRow { Id = _random.NextGuidV7(Noon(registeredOn)), PersonId = personId, RegionCode = spec.Region.Code, RegisteredOn = registeredOn });
            OpenRegistrations++;
            AddFollowUps(batch, personId, spec.Region, registeredOn);
        }
        else if (status.IsWorking() && _random.Chance(_options.ClosedRegistrationShare))
        {
            var from = Max(_today.AddDays(-1825), sixteenth);
            var until = _today.AddDays(-90);
            if (from < until)
            {
                var registeredOn = from.AddDays(_random.Next(until.DayNumber - from.DayNumber));
                var endedOn = registeredOn.AddDays(_random.Between(30, 600));
                endedOn = endedOn < _today ? endedOn : _today.AddDays(-1);
                var reason = status switch
                {
                    EmploymentStatus.SelfEmployed => UnemploymentEndReason.SelfEmployed,
                    EmploymentStatus.FlexibleEmployment when _random.Chance(0.4) => UnemploymentEndReason.Other,
                    _ => UnemploymentEndReason.Employed,
                };
                batch.Registrations.Add(new RegistrationRow
                {
                    Id = _random.NextGuidV7(Noon(registeredOn)),
                    PersonId = personId,
                    RegionCode = spec.Region.Code,
                    RegisteredOn = registeredOn,
                    EndedOn = endedOn,
                    EndReason = reason,
                });
                ClosedRegistrations++;
            }
        }
    }

    private void AddFollowUps(RegistryBatch batch, Guid personId, RegionTarget region, DateOnly registeredOn)
    {
        var count = FollowUpCounts.Next(_random);
        for (var i = 0; i < count; i++)
        {
            var on = registeredOn.AddDays(_random.Next(_today.DayNumber - registeredOn.DayNumber + 1));
            var kind = FollowUpKinds.Next(_random);
            var notes = kind switch
            {
                FollowUpKind.HomeVisit => "上门走访，了解家庭就业情况，更新求职意向。",
                FollowUpKind.PhoneCall => "电话回访，告知近期招聘会信息。",
                FollowUpKind.JobReferral => "推荐应聘" + _random.Pick(Occupations) + "岗位。",
                FollowUpKind.TrainingReferral => "推荐参加" + _random.Pick(SkillList) + "培训。",
                _ => "讲解灵活就业社会保险补贴政策。",
            };
            var recorded = new DateTimeOffset(on.ToDateTime(new TimeOnly(_random.Between(8, 17), _random.Next(60))), China);
            batch.FollowUps.Add(new FollowUpRow
            {
                Id = _random.NextGuidV7(recorded),
                PersonId = personId,
                RegionCode = region.Code,
                Kind = kind,
                OccurredOn = on,
                StaffName = StaffName(region),
                Notes = notes,
                RecordedAt = recorded.ToUniversalTime(),
            });
            FollowUps++;
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), China);

    private DateOnly BirthDate(int age)
    {
        // Born after today − (age + 1) years and on or before today − age years.
        var latest = _today.AddYears(-age);
        var earliest = _today.AddYears(-(age + 1)).AddDays(1);
        return earliest.AddDays(_random.Next(latest.DayNumber - earliest.DayNumber + 1));
    }

    /// <summary>
    /// A unique, valid number: address code, birth date and a sequence of the right parity taken
    /// from a per-key permutation (so numbers do not run 001, 003, …), then the check character
    /// from <see cref="ResidentIdNumber.CheckCharacter"/>. A full key moves the birth date a day.
    /// </summary>
    private ResidentIdNumber NextIdNumber(RegionTarget region, ref DateOnly birth, Sex sex)
    {
        var district = region.Code[..6];
        var area = district.StartsWith("37", StringComparison.Ordinal) && _random.Chance(0.45) ? district : AddressCodes.Next(_random);
        var areaIndex = _areaIndex[area];
        var days = _youngestBirth.DayNumber - _oldestBirth.DayNumber + 1;
        var wanted = birth.DayNumber - _oldestBirth.DayNumber;
        for (var shift = 0; shift < days; shift++)
        {
            // 0, +1, −1, +2, −2, … days, within the age range.
            var day = wanted + (shift % 2 == 1 ? (shift + 1) / 2 : -(shift / 2));
            if (day < 0 || day >= days)
            {
                continue;
            }

            var key = (((areaIndex * days) + day) * 2) + (sex == Sex.Male ? 1 : 0);
            var start = (int)(DeterministicRandom.Mix(_options.Seed, (ulong)key) % SequencesPerKey);
            var candidateBirth = DateOnly.FromDayNumber(_oldestBirth.DayNumber + day);
            while (_sequenceCounters[key] < SequencesPerKey)
            {
                var used = _sequenceCounters[key]++;
                var slot = (start + (used * 7)) % SequencesPerKey;
                var sequence = sex == Sex.Male ? (2 * slot) + 1 : (2 * slot) + 2;
                var first17 = string.Create(CultureInfo.InvariantCulture, $"{area}{candidateBirth:yyyyMMdd}{sequence:000}");
                var id = ResidentIdNumber.Parse(first17 + ResidentIdNumber.CheckCharacter(first17), _today);
                if (_existingHashes is null || !_existingHashes.Contains(HashKey(_protector.LookupHash(id))))
                {
                    birth = candidateBirth;
                    return id;
                }
            }
        }

        throw new InvalidOperationException($"No resident ID numbers left for address code {area}.");
    }

    private EducationLevel NextEducation(int age, int birthYear)
    {
        ReadOnlySpan<double> weights = (age, birthYear) switch
        {
            ( <= 18, _) => [0, 65, 25, 10, 0, 0, 0],
            ( <= 21, _) => [0, 12, 35, 30, 18, 5, 0],
            (_, >= 1990) => [1, 12, 14, 18, 24, 26, 5],
            (_, >= 1975) => [3, 25, 22, 15, 17, 15, 3],
            (_, >= 1960) => [10, 38, 26, 12, 8, 5, 1],
            _ => [32, 36, 19, 7, 4, 2, 0],
        };
        return (EducationLevel)(Draw(weights) + 1);
    }

    private LaborCapacity NextCapacity(int age)
    {
        ReadOnlySpan<double> weights = age switch
        {
            < 60 => [94, 4.5, 1.5],
            < 70 => [76, 16, 8],
            _ => [52, 28, 20],
        };
        return (LaborCapacity)(Draw(weights) + 1);
    }

    private EmploymentStatus NextStatus(int age, int retirementAge, LaborCapacity capacity)
    {
        // Order: Employed, Flexible, SelfEmployed, Student, Retired, OutsideLabourForce.
        ReadOnlySpan<double> weights = age switch
        {
            _ when age >= retirementAge => [7, 7, 3, 0, 74, 9],
            <= 18 => [4, 4, 0, 85, 0, 7],
            <= 22 => [30, 9, 2, 48, 0, 11],
            <= 27 => [64, 12, 6, 6, 0, 12],
            _ => [63, 13, 10, 0, 0, 14],
        };
        var status = Draw(weights) switch
        {
            0 => EmploymentStatus.Employed,
            1 => EmploymentStatus.FlexibleEmployment,
            2 => EmploymentStatus.SelfEmployed,
            3 => EmploymentStatus.Student,
            4 => EmploymentStatus.Retired,
            _ => EmploymentStatus.OutsideLabourForce,
        };
        return capacity == LaborCapacity.None && status.IsWorking() ? EmploymentStatus.OutsideLabourForce : status;
    }

    private PriorityGroups NextGroups(int age, int birthYear, HukouType hukou, EducationLevel education, EmploymentStatus status, bool wantsWork, bool open)
    {
        var groups = PriorityGroups.None;
        if (_random.Chance(open ? 0.08 : 0.02))
        {
            groups |= PriorityGroups.MinimumLivingAllowance;
        }

        if (age <= 27 && education >= EducationLevel.College && (open || wantsWork) && _random.Chance(0.6))
        {
            groups |= PriorityGroups.CollegeGraduate;
        }

        if (birthYear is >= 1955 and <= 1975)
        {
            if (_random.Chance(0.03))
            {
                groups |= PriorityGroups.SoeLaidOff;
            }

            if (_random.Chance(0.01))
            {
                groups |= PriorityGroups.SoeUnemployed;
            }

            if (_random.Chance(0.005))
            {
                groups |= PriorityGroups.SoeClosurePlaced;
            }
        }

        if (hukou == HukouType.Rural && age < 60 && status != EmploymentStatus.Student)
        {
            if (_random.Chance(0.35))
            {
                groups |= PriorityGroups.RuralSurplusLabour;
            }

            if (age is >= 20 and <= 50 && _random.Chance(0.08))
            {
                groups |= PriorityGroups.ReturningMigrant;
            }

            if (_random.Chance(0.02))
            {
                groups |= PriorityGroups.PoorLabourer;
            }
        }

        if (_random.Chance(0.003))
        {
            groups |= PriorityGroups.ReservoirMigrant;
        }

        if (_random.Chance(0.005))
        {
            groups |= PriorityGroups.SpecialHardship;
        }

        return groups;
    }

    private string NextSkills()
    {
        var first = _random.Pick(SkillList);
        if (!_random.Chance(0.3))
        {
            return first;
        }

        var second = _random.Pick(SkillList);
        return second == first ? first : first + "、" + second;
    }

    private int Draw(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private readonly record struct MemberSpec(
        RegionTarget Region,
        int Age,
        Sex Sex,
        string Surname,
        string Address,
        HukouType Hukou,
        Guid? HouseholdId,
        Relationship? Relationship);
}
