using System.Globalization;
using CsCheck;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Tests;

/// <summary>
/// Household status through membership changes and employment events (issue 13, finding 3).
/// Expectations come from the policy, not the code: a zero-employment household 零就业家庭 is an
/// urban household without business or investment income in which every member of legal
/// working age who is able and willing to work is without work (the national definition,
/// ../shared/design/policy-rules.md "Zero-employment households"); 004_02a88a96f2814799.txt §三(一)
/// asks for its ledger to follow the members' employment and for it to be eliminated dynamically
/// (动态消除) by getting at least one member into work (确保零就业家庭至少有一人就业), "出现一户、帮扶一户、
/// 稳定一户". So "eliminated" means a member found work while the household was identified or
/// assisted; who is recorded first must not matter.
/// </summary>
public sealed class HouseholdMembershipTests
{
    private static readonly DateOnly On = new(2026, 11, 23);

    // Steps: "create <members>" (the household with all of them at once), "join <member>",
    // "leave <i>", "work <i>" (member i finds work), "lose <i>" (member i's work ends),
    // "assist", "months <n>" (time passes), "rural". Members: "45M U" (age, sex, status U/E/ST;
    // able and willing), or "45M U no" (not willing to work).
    public static TheoryData<string, string[], ZeroEmploymentStatus, ZeroEmploymentStatus[]> Cases => new()
    {
        // The finding: the same family, three ways of entering it.
        { "unemployed head, then the employed spouse joins: a worker recorded late is no elimination", ["create 45M U", "join 44F E"], ZeroEmploymentStatus.None, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.None] },
        { "employed spouse first, then the unemployed head", ["create 44F E", "join 45M U"], ZeroEmploymentStatus.None, [] },
        { "the family entered at once", ["create 45M U, 44F E"], ZeroEmploymentStatus.None, [] },
        { "both unemployed, entered at once: identified (出现一户)", ["create 45M U, 44F U"], ZeroEmploymentStatus.Identified, [ZeroEmploymentStatus.Identified] },
        { "both unemployed, one after the other", ["create 45M U", "join 44F U"], ZeroEmploymentStatus.Identified, [ZeroEmploymentStatus.Identified] },

        // Elimination is a member finding work (004 §三(一)).
        { "identified, the spouse finds work: eliminated", ["create 45M U, 44F U", "work 1"], ZeroEmploymentStatus.Eliminated, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated] },
        { "assisted one-to-one, the head finds work: eliminated (帮扶一户)", ["create 45M U", "assist", "work 0"], ZeroEmploymentStatus.Eliminated, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Assisting, ZeroEmploymentStatus.Eliminated] },
        { "assisted, a working son joins: no longer zero-employment, not eliminated", ["create 45M U", "assist", "join 20M E"], ZeroEmploymentStatus.None, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Assisting, ZeroEmploymentStatus.None] },
        { "eliminated and still working after 6 months: stable (稳定一户)", ["create 45M U, 44F U", "work 1", "months 6"], ZeroEmploymentStatus.Stable, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, ZeroEmploymentStatus.Stable] },
        { "eliminated, 5 months later not yet stable", ["create 45M U, 44F U", "work 1", "months 5"], ZeroEmploymentStatus.Eliminated, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated] },
        { "eliminated, the job ends: identified again", ["create 45M U, 44F U", "work 1", "lose 1"], ZeroEmploymentStatus.Identified, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, ZeroEmploymentStatus.Identified] },
        { "eliminated, the working spouse leaves: identified again", ["create 45M U, 44F U", "work 1", "leave 1"], ZeroEmploymentStatus.Identified, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, ZeroEmploymentStatus.Identified] },
        { "eliminated, an unemployed member joins: still eliminated", ["create 45M U, 44F U", "work 1", "join 20M U"], ZeroEmploymentStatus.Eliminated, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated] },
        { "a working member leaves a working household: identified", ["create 45M U, 44F E", "leave 1"], ZeroEmploymentStatus.Identified, [ZeroEmploymentStatus.Identified] },

        // Members outside the labour force change nothing; nobody found work by growing older.
        { "an employed son of 15 turns 16: not zero-employment any more, but nobody found work", ["create 45F U, 15M E", "months 1"], ZeroEmploymentStatus.None, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.None] },
        { "a grandfather of 70 finds work: still zero-employment", ["create 45F U, 70M U", "work 1"], ZeroEmploymentStatus.Identified, [ZeroEmploymentStatus.Identified] },
        { "a student joins: still zero-employment", ["create 45F U", "join 19F ST"], ZeroEmploymentStatus.Identified, [ZeroEmploymentStatus.Identified] },
        { "an employed member not willing to work beside an unemployed one", ["create 45M U, 44F E no"], ZeroEmploymentStatus.Identified, [ZeroEmploymentStatus.Identified] },
        { "identified, the household turns out rural: cleared", ["create 45M U", "rural"], ZeroEmploymentStatus.None, [ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.None] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Status_Table(string name, string[] steps, ZeroEmploymentStatus expected, ZeroEmploymentStatus[] history)
    {
        var household = Run(steps);

        household.Status.Should().Be(expected, name);
        household.StatusChanges.Select(c => c.To).Should().Equal(history, name);
    }

    [Fact]
    public void Status_Table_EveryEliminationFollowsAMemberFindingWork()
    {
        foreach (var row in Cases)
        {
            Run((string[])row[1]).StatusChanges.Where(c => c.To == ZeroEmploymentStatus.Eliminated)
                .Should().NotContain(c => c.Cause != HouseholdChangeCause.MemberFoundWork, (string)row[0]);
        }
    }

    [Fact]
    public void Leave_RecordsTheMembershipEventsApartFromTheStatus()
    {
        var household = Run(["create 45M U, 44F E", "leave 1"]);

        household.MemberChanges.Select(c => (c.Relationship, c.Joined)).Should().Equal(
            (Relationship.Head, true), (Relationship.Spouse, true), (Relationship.Spouse, false));
        household.StatusChanges.Should().ContainSingle().Which.Cause.Should().Be(HouseholdChangeCause.MemberLeft);
    }

    private static readonly Gen<MemberFacts> AnyMember =
        from age in Gen.Int[10, 75]
        from days in Gen.Int[0, 364]
        from sex in Gen.Enum<Sex>()
        from capacity in Gen.Enum<LaborCapacity>()
        from wants in Gen.Bool
        from status in Gen.Enum<EmploymentStatus>()
        select new MemberFacts(On.AddYears(-age).AddDays(-days), sex, capacity, wants, status);

    private static readonly Gen<(HukouType Hukou, bool Business, MemberFacts[] Members, MemberFacts[] Reordered)> AnyHousehold =
        from hukou in Gen.Int[0, 5].Select(i => i == 0 ? HukouType.Rural : HukouType.Urban)
        from business in Gen.Int[0, 5].Select(i => i == 0)
        from members in AnyMember.Array[1, 6]
        from reordered in Gen.Shuffle(members.ToArray())
        select (hukou, business, members, reordered);

    /// <summary>
    /// Whatever order the members are entered in — one by one as the household page adds them,
    /// or all at once — the household ends in the same status, and entering members never
    /// eliminates it.
    /// </summary>
    [Fact]
    public void Status_WhateverOrderMembersAreEnteredIn_IsTheSame() =>
        AnyHousehold.Sample(h =>
        {
            var oneByOne = EnterOneByOne(h.Hukou, h.Business, h.Members);
            var reordered = EnterOneByOne(h.Hukou, h.Business, h.Reordered);
            var atOnce = NewHousehold(h.Hukou, h.Business);
            atOnce.Recompute(h.Members, HouseholdChangeCause.Created, On, TestParameters.National);

            reordered.Status.Should().Be(oneByOne.Status);
            atOnce.Status.Should().Be(oneByOne.Status);
            oneByOne.Status.Should().BeOneOf(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified);
            oneByOne.StatusChanges.Concat(reordered.StatusChanges).Should().NotContain(c => c.To == ZeroEmploymentStatus.Eliminated);
        }, iter: 2000);

    /// <summary>Once entered, a member of the labour force finding work eliminates the household exactly when it was identified.</summary>
    [Fact]
    public void MemberFindsWork_AfterAnyOrder_EliminatesExactlyAnIdentifiedHousehold() =>
        AnyHousehold.Sample(h =>
        {
            var household = EnterOneByOne(h.Hukou, h.Business, h.Reordered);
            var members = h.Reordered.ToList();
            var seeker = members.FindIndex(m => !m.Status.IsWorking() && ZeroEmploymentRule.InLabourForce(m, On, TestParameters.National));
            if (seeker < 0)
            {
                return;
            }

            var wasIdentified = household.Status == ZeroEmploymentStatus.Identified;
            members[seeker] = members[seeker] with { Status = EmploymentStatus.Employed };
            household.Recompute(members, HouseholdChangeCause.MemberFoundWork, On, TestParameters.National);

            household.Status.Should().Be(wasIdentified ? ZeroEmploymentStatus.Eliminated : ZeroEmploymentStatus.None);
        }, iter: 2000);

    // The legacy history: recorded before causes were kept; "found work" is the evidence the repair reads.
    public static TheoryData<string, (ZeroEmploymentStatus, ZeroEmploymentStatus, bool)[], (ZeroEmploymentStatus, ZeroEmploymentStatus, HouseholdChangeCause)[]> Histories => new()
    {
        {
            "working spouse added late: the elimination becomes a clearing",
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, false), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, false)],
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, HouseholdChangeCause.Unrecorded), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.None, HouseholdChangeCause.Corrected)]
        },
        {
            "a member found work: kept, and now says so",
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, false), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, true)],
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, HouseholdChangeCause.Unrecorded), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, HouseholdChangeCause.MemberFoundWork)]
        },
        {
            "false elimination, later stable, then identified again: stable dropped, identified from none",
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, false), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, false),
             (ZeroEmploymentStatus.Eliminated, ZeroEmploymentStatus.Stable, false), (ZeroEmploymentStatus.Stable, ZeroEmploymentStatus.Identified, false)],
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, HouseholdChangeCause.Unrecorded), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.None, HouseholdChangeCause.Corrected),
             (ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, HouseholdChangeCause.Unrecorded)]
        },
        {
            "false elimination of an assisted household, then cleared: the clearing has nothing left to do",
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, false), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Assisting, false),
             (ZeroEmploymentStatus.Assisting, ZeroEmploymentStatus.Eliminated, false), (ZeroEmploymentStatus.Eliminated, ZeroEmploymentStatus.None, false)],
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, HouseholdChangeCause.Unrecorded), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Assisting, HouseholdChangeCause.Unrecorded),
             (ZeroEmploymentStatus.Assisting, ZeroEmploymentStatus.None, HouseholdChangeCause.Corrected)]
        },
        {
            "false elimination, identified again, then a member really finds work",
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, false), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, false),
             (ZeroEmploymentStatus.Eliminated, ZeroEmploymentStatus.Identified, false), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, true)],
            [(ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, HouseholdChangeCause.Unrecorded), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.None, HouseholdChangeCause.Corrected),
             (ZeroEmploymentStatus.None, ZeroEmploymentStatus.Identified, HouseholdChangeCause.Unrecorded), (ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Eliminated, HouseholdChangeCause.MemberFoundWork)]
        },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void Repair_Table(string name, (ZeroEmploymentStatus, ZeroEmploymentStatus, bool)[] recorded, (ZeroEmploymentStatus, ZeroEmploymentStatus, HouseholdChangeCause)[] expected)
    {
        var steps = recorded.Select((s, i) => new RecordedStep(i + 1, s.Item1, s.Item2, On.AddDays(i), HouseholdChangeCause.Unrecorded, s.Item3)).ToList();

        var corrected = HouseholdHistoryRepair.Replay(steps);

        corrected.Where(c => c.Keep).Select(c => (c.From, c.To, c.Cause)).Should().Equal(expected, name);
    }

    [Fact]
    public void Repair_HistoryRecordedWithCauses_Unchanged()
    {
        var household = Run(["create 45M U, 44F U", "work 1", "months 6", "lose 1", "join 20M E"]);
        var steps = household.StatusChanges.Select((c, i) => new RecordedStep(i + 1, c.From, c.To, c.On, c.Cause, false)).ToList();

        HouseholdHistoryRepair.Replay(steps).Should().OnlyContain(c => c.Keep)
            .And.Subject.Select(c => (c.From, c.To, c.Cause)).Should().Equal(steps.Select(s => (s.From, s.To, s.Cause)));
    }

    private static Household NewHousehold(HukouType hukou, bool business) => Household.Create(1, "370702001001", "向阳路 9 号", hukou, business);

    // As the household pages do it: created with the first, then one member added at a time, the status derived after each.
    private static Household EnterOneByOne(HukouType hukou, bool business, MemberFacts[] members)
    {
        var household = NewHousehold(hukou, business);
        for (var i = 0; i < members.Length; i++)
        {
            household.Recompute(members.Take(i + 1), i == 0 ? HouseholdChangeCause.Created : HouseholdChangeCause.MemberJoined, On, TestParameters.National);
        }

        return household;
    }

    private static Household Run(string[] steps)
    {
        var household = NewHousehold(HukouType.Urban, false);
        var members = new List<(Person Person, MemberFacts Facts)>();
        var on = On;
        foreach (var step in steps)
        {
            var (verb, argument) = (step.Split(' ', 2)[0], step.Split(' ', 2).ElementAtOrDefault(1) ?? string.Empty);
            var cause = verb switch
            {
                "create" => HouseholdChangeCause.Created,
                "join" => HouseholdChangeCause.MemberJoined,
                "leave" => HouseholdChangeCause.MemberLeft,
                "work" => HouseholdChangeCause.MemberFoundWork,
                "lose" => HouseholdChangeCause.MemberChanged,
                "months" => HouseholdChangeCause.TimePassed,
                "rural" => HouseholdChangeCause.DetailsChanged,
                _ => HouseholdChangeCause.AssistanceStarted,
            };
            switch (verb)
            {
                case "create" or "join":
                    foreach (var text in argument.Split(", "))
                    {
                        var facts = Member(text);
                        var person = TestPerson(facts);
                        household.Join(person, members.Count == 0 ? Relationship.Head : Relationship.Spouse, on);
                        members.Add((person, facts));
                    }

                    break;
                case "leave":
                    household.Leave(members[Index(argument)].Person, on);
                    members.RemoveAt(Index(argument));
                    break;
                case "work" or "lose":
                    members[Index(argument)] = (members[Index(argument)].Person, members[Index(argument)].Facts with { Status = verb == "work" ? EmploymentStatus.Employed : EmploymentStatus.Unemployed });
                    break;
                case "months":
                    on = on.AddMonths(Index(argument));
                    break;
                case "rural":
                    household.Update(household.Address, HukouType.Rural, false);
                    break;
                default:
                    household.StartAssistance("每周家访", Guid.NewGuid(), "community1", on);
                    continue;
            }

            household.Recompute(members.Select(m => m.Facts), cause, on, TestParameters.National);
        }

        return household;
    }

    private static int Index(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static MemberFacts Member(string text)
    {
        var parts = text.Split(' ');
        var years = int.Parse(parts[0][..^1], CultureInfo.InvariantCulture);
        var status = parts[1] switch { "U" => EmploymentStatus.Unemployed, "E" => EmploymentStatus.Employed, _ => EmploymentStatus.Student };

        // Born on 1 December, so "15" turns 16 within the month after the test date.
        return new MemberFacts(new DateOnly(On.Year - years - 1, 12, 1), parts[0][^1] == 'M' ? Sex.Male : Sex.Female, LaborCapacity.Full, parts.Length < 3, status);
    }

    private static Person TestPerson(MemberFacts facts)
    {
        var id = TestIdNumber(facts.BirthDate, facts.Sex);
        var details = new PersonDetails("成员", null, "向阳路 9 号", HukouType.Urban, EducationLevel.JuniorHigh, null, null, null, null, null,
            facts.LaborCapacity, facts.WantsWork, facts.Status, null, PriorityGroups.None, null, null);
        return Person.Register(id, new ProtectedIdNumber([1], [1]), 1, "370702001001", details, new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    }

    private static ResidentIdNumber TestIdNumber(DateOnly birth, Sex sex)
    {
        var first17 = "370702" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (sex == Sex.Male ? "011" : "022");
        ResidentIdNumber.TryParse(first17 + ResidentIdNumber.CheckCharacter(first17), On, out var id);
        return id;
    }
}
