using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Tests;

/// <summary>The zero-employment derivation as a table of households, and the status it drives.</summary>
public sealed class ZeroEmploymentTests
{
    private static readonly DateOnly On = new(2026, 11, 23);

    // Members are written "age sex capacity wants status", e.g. "45F full yes U".
    public static TheoryData<string, HukouType, bool, string[], ZeroEmploymentOutcome> Households => new()
    {
        { "one unemployed adult", HukouType.Urban, false, ["45M full yes U"], ZeroEmploymentOutcome.ZeroEmployment },
        { "couple both unemployed", HukouType.Urban, false, ["45M full yes U", "44F full yes U"], ZeroEmploymentOutcome.ZeroEmployment },
        { "couple, one employed", HukouType.Urban, false, ["45M full yes U", "44F full yes E"], ZeroEmploymentOutcome.SomeoneWorks },
        { "flexible employment counts as work", HukouType.Urban, false, ["45M full yes U", "40M full yes FX"], ZeroEmploymentOutcome.SomeoneWorks },
        { "self-employed counts as work", HukouType.Urban, false, ["45M full yes SE"], ZeroEmploymentOutcome.SomeoneWorks },
        { "rural household", HukouType.Rural, false, ["45M full yes U"], ZeroEmploymentOutcome.NotApplicable },
        { "business income", HukouType.Urban, true, ["45M full yes U"], ZeroEmploymentOutcome.NotApplicable },
        { "nobody wishes to work", HukouType.Urban, false, ["45M full no U"], ZeroEmploymentOutcome.NotApplicable },
        { "no labour capacity", HukouType.Urban, false, ["45M none yes U"], ZeroEmploymentOutcome.NotApplicable },
        { "partial capacity still counts", HukouType.Urban, false, ["45M partial yes U"], ZeroEmploymentOutcome.ZeroEmployment },
        { "employed retiree does not eliminate", HukouType.Urban, false, ["45F full yes U", "70M full yes E"], ZeroEmploymentOutcome.ZeroEmployment },
        { "working 15-year-old is below working age", HukouType.Urban, false, ["45F full yes U", "15M full yes E"], ZeroEmploymentOutcome.ZeroEmployment },
        { "student is not in the labour force", HukouType.Urban, false, ["20M full yes ST", "48M full yes U"], ZeroEmploymentOutcome.ZeroEmployment },
        { "only students and children", HukouType.Urban, false, ["20M full yes ST", "10F full no U"], ZeroEmploymentOutcome.NotApplicable },
        { "woman past 50 under the old schedule retires", HukouType.Urban, false, ["52F full yes U"], ZeroEmploymentOutcome.NotApplicable },
        { "woman of 48 is of working age", HukouType.Urban, false, ["48F full yes U"], ZeroEmploymentOutcome.ZeroEmployment },
        { "empty household", HukouType.Urban, false, [], ZeroEmploymentOutcome.NotApplicable },
        { "unemployed and unwilling member beside employed", HukouType.Urban, false, ["45M full no U", "43F full yes E"], ZeroEmploymentOutcome.SomeoneWorks },
    };

    [Theory]
    [MemberData(nameof(Households))]
    public void Evaluate_Table(string name, HukouType hukou, bool business, string[] members, ZeroEmploymentOutcome expected) =>
        ZeroEmploymentRule.Evaluate(hukou, business, members.Select(Member), On, TestParameters.National).Should().Be(expected, name);

    [Fact]
    public void Evaluate_WomanOver50UnderTheRaisedSchedule_IsStillOfWorkingAge()
    {
        // Born June 1976: retirement at 50 years 9 months (March 2027) under the 2025 reform.
        var member = new MemberFacts(new DateOnly(1976, 6, 1), Sex.Female, LaborCapacity.Full, true, EmploymentStatus.Unemployed);
        ZeroEmploymentRule.Evaluate(HukouType.Urban, false, [member], On, TestParameters.National).Should().Be(ZeroEmploymentOutcome.ZeroEmployment);
        ZeroEmploymentRule.Evaluate(HukouType.Urban, false, [member], new DateOnly(2027, 3, 1), TestParameters.National).Should().Be(ZeroEmploymentOutcome.NotApplicable);
    }

    [Fact]
    public void Status_WalksIdentifiedAssistingEliminatedStableAndBack()
    {
        var household = Household.Create(1, "370702001001", "向阳路 1 号", HukouType.Urban, false);
        household.Apply(ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.Created, new DateOnly(2026, 1, 5), 6).Should().BeTrue();
        household.Status.Should().Be(ZeroEmploymentStatus.Identified);

        household.StartAssistance("每周家访，推荐保洁岗位", Guid.NewGuid(), "community1", new DateOnly(2026, 1, 10));
        household.Status.Should().Be(ZeroEmploymentStatus.Assisting);

        household.Apply(ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.MemberFoundWork, new DateOnly(2026, 3, 1), 6).Should().BeTrue();
        household.Status.Should().Be(ZeroEmploymentStatus.Eliminated);

        household.Apply(ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.TimePassed, new DateOnly(2026, 8, 31), 6).Should().BeFalse("six months have not passed");
        household.Apply(ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.TimePassed, new DateOnly(2026, 9, 1), 6).Should().BeTrue();
        household.Status.Should().Be(ZeroEmploymentStatus.Stable);

        household.Apply(ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.MemberChanged, new DateOnly(2026, 11, 1), 6).Should().BeTrue();
        household.Status.Should().Be(ZeroEmploymentStatus.Identified);
        household.StatusSince.Should().Be(new DateOnly(2026, 11, 1));
        household.StatusChanges.Select(c => c.To).Should().Equal(
            ZeroEmploymentStatus.Identified, ZeroEmploymentStatus.Assisting, ZeroEmploymentStatus.Eliminated, ZeroEmploymentStatus.Stable, ZeroEmploymentStatus.Identified);
    }

    [Fact]
    public void Status_NotApplicableAnyMore_IsCleared()
    {
        var household = Household.Create(1, "370702001001", "向阳路 2 号", HukouType.Urban, false);
        household.Apply(ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.Created, On, 6);
        household.Apply(ZeroEmploymentOutcome.NotApplicable, HouseholdChangeCause.DetailsChanged, On.AddDays(30), 6).Should().BeTrue();
        household.Status.Should().Be(ZeroEmploymentStatus.None);
    }

    [Fact]
    public void StartAssistance_WhenNotIdentified_Throws()
    {
        var household = Household.Create(1, "370702001001", "向阳路 3 号", HukouType.Urban, false);
        var act = () => household.StartAssistance("plan", Guid.NewGuid(), "x", On);
        act.Should().Throw<HouseholdException>();
    }

    // Only a member finding work eliminates (004 §三(一): the aim is that at least one member is
    // employed — 确保零就业家庭至少有一人就业); any other way of someone being at work means the
    // household is not a zero-employment household, so it is cleared (docs/policy-rules.md).
    [Theory]
    [InlineData(ZeroEmploymentStatus.None, ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.Created, 0, ZeroEmploymentStatus.Identified)]
    [InlineData(ZeroEmploymentStatus.None, ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.MemberLeft, 0, ZeroEmploymentStatus.Identified)]
    [InlineData(ZeroEmploymentStatus.None, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.MemberFoundWork, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.None, ZeroEmploymentOutcome.NotApplicable, HouseholdChangeCause.MemberJoined, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.Identified, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.MemberFoundWork, 0, ZeroEmploymentStatus.Eliminated)]
    [InlineData(ZeroEmploymentStatus.Assisting, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.MemberFoundWork, 0, ZeroEmploymentStatus.Eliminated)]
    [InlineData(ZeroEmploymentStatus.Identified, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.MemberJoined, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.Assisting, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.MemberJoined, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.Identified, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.Created, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.Identified, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.TimePassed, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.Identified, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.MemberChanged, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.Identified, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.DetailsChanged, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.Assisting, ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.MemberJoined, 0, ZeroEmploymentStatus.Assisting)]
    [InlineData(ZeroEmploymentStatus.Assisting, ZeroEmploymentOutcome.NotApplicable, HouseholdChangeCause.DetailsChanged, 0, ZeroEmploymentStatus.None)]
    [InlineData(ZeroEmploymentStatus.Eliminated, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.TimePassed, 5, ZeroEmploymentStatus.Eliminated)]
    [InlineData(ZeroEmploymentStatus.Eliminated, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.TimePassed, 6, ZeroEmploymentStatus.Stable)]
    [InlineData(ZeroEmploymentStatus.Eliminated, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.MemberJoined, 2, ZeroEmploymentStatus.Eliminated)]
    [InlineData(ZeroEmploymentStatus.Eliminated, ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.MemberChanged, 2, ZeroEmploymentStatus.Identified)]
    [InlineData(ZeroEmploymentStatus.Eliminated, ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.MemberLeft, 2, ZeroEmploymentStatus.Identified)]
    [InlineData(ZeroEmploymentStatus.Stable, ZeroEmploymentOutcome.ZeroEmployment, HouseholdChangeCause.MemberChanged, 12, ZeroEmploymentStatus.Identified)]
    [InlineData(ZeroEmploymentStatus.Stable, ZeroEmploymentOutcome.SomeoneWorks, HouseholdChangeCause.TimePassed, 12, ZeroEmploymentStatus.Stable)]
    [InlineData(ZeroEmploymentStatus.Stable, ZeroEmploymentOutcome.NotApplicable, HouseholdChangeCause.DetailsChanged, 12, ZeroEmploymentStatus.None)]
    public void Next_TransitionTable(ZeroEmploymentStatus from, ZeroEmploymentOutcome outcome, HouseholdChangeCause cause, int monthsSince, ZeroEmploymentStatus expected) =>
        Household.Next(from, On.AddMonths(-monthsSince), outcome, cause, On, stableMonths: 6).Should().Be(expected);

    private static MemberFacts Member(string text)
    {
        var parts = text.Split(' ');
        var years = int.Parse(parts[0][..^1], System.Globalization.CultureInfo.InvariantCulture);
        var sex = parts[0][^1] == 'M' ? Sex.Male : Sex.Female;
        var capacity = parts[1] switch { "full" => LaborCapacity.Full, "partial" => LaborCapacity.Partial, _ => LaborCapacity.None };
        var status = parts[3] switch
        {
            "U" => EmploymentStatus.Unemployed,
            "E" => EmploymentStatus.Employed,
            "FX" => EmploymentStatus.FlexibleEmployment,
            "SE" => EmploymentStatus.SelfEmployed,
            _ => EmploymentStatus.Student,
        };

        // Born mid-year so the age is unambiguous on the test date.
        return new MemberFacts(new DateOnly(On.Year - years - 1, 12, 1), sex, capacity, parts[2] == "yes", status);
    }
}
