using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Domain.Tests;

/// <summary>The reportable-layoff rule as a table, under both versions of its parameters; the report's own limits; the monitoring guide.</summary>
public sealed class LayoffRuleTests
{
    private static readonly DateOnly Under004 = new(2026, 6, 1);
    private static readonly DateOnly UnderArt41 = TestParameters.LayoffArt41From;
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(99, 1000, false)] // 9.9 %, under 100 people
    [InlineData(100, 1000, true)] // 100 people
    [InlineData(100, 5000, true)] // 100 people at 2 %
    [InlineData(10, 100, true)] // 10 % exactly
    [InlineData(9, 100, false)]
    [InlineData(19, 150, true)] // 12.7 %
    [InlineData(20, 1000, false)] // art. 41 would flag it; 004 does not
    [InlineData(1, 1, true)] // the whole staff of one
    public void IsReportable_004_100PeopleOr10Percent(int reduction, int workforce, bool expected) =>
        LayoffThreshold.On(TestParameters.Layoffs, Under004)!.IsReportable(reduction, workforce).Should().Be(expected);

    [Theory]
    [InlineData(20, 1000, true)] // 20 people whatever the share
    [InlineData(19, 1000, false)] // 1.9 %
    [InlineData(19, 150, true)] // fewer than 20 but 12.7 %
    [InlineData(19, 190, true)] // fewer than 20 but exactly 10 %
    [InlineData(19, 191, false)] // 9.95 %
    [InlineData(19, 200, false)] // 9.5 %
    [InlineData(9, 100, false)]
    [InlineData(10, 100, true)]
    public void IsReportable_Art41Version_20PeopleOrFewerBut10Percent(int reduction, int workforce, bool expected) =>
        LayoffThreshold.On(TestParameters.Layoffs, UnderArt41)!.IsReportable(reduction, workforce).Should().Be(expected);

    [Fact]
    public void On_PicksTheVersionInForce_AndNullBeforeAny()
    {
        LayoffThreshold.On(TestParameters.Layoffs, UnderArt41.AddDays(-1)).Should().Be(new LayoffThreshold(100, 0.10m));
        LayoffThreshold.On(TestParameters.Layoffs, UnderArt41).Should().Be(new LayoffThreshold(20, 0.10m));
        LayoffThreshold.On(TestParameters.Layoffs, new DateOnly(2000, 1, 1)).Should().BeNull();
    }

    [Fact]
    public void File_ComputesShareAndFlag_AndKeepsTheThresholdApplied()
    {
        var report = File(120, 2000, new LayoffThreshold(100, 0.10m));
        report.Reportable.Should().BeTrue();
        report.Share.Should().Be(0.06m);
        report.ThresholdPeople.Should().Be(100);
        report.ThresholdShare.Should().Be(0.10m);
        report.Status.Should().Be(LayoffStatus.Filed);
        File(50, 2000, new LayoffThreshold(100, 0.10m)).Reportable.Should().BeFalse();
    }

    [Theory]
    [InlineData(0, 100, "Layoff.ReductionPositive")]
    [InlineData(-5, 100, "Layoff.ReductionPositive")]
    [InlineData(10, 0, "Layoff.WorkforcePositive")]
    [InlineData(101, 100, "Layoff.ReductionOverWorkforce")]
    public void File_BadCounts_Refused(int reduction, int workforce, string key)
    {
        var act = () => File(reduction, workforce, new LayoffThreshold(100, 0.10m));
        act.Should().Throw<LayoffsException>().WithMessage(key);
    }

    [Fact]
    public void Acknowledge_NeedsANote_AndHappensOnce()
    {
        var report = File(120, 2000, new LayoffThreshold(100, 0.10m));
        report.Invoking(r => r.Acknowledge("  ", "county1", At)).Should().Throw<LayoffsException>().WithMessage("Layoff.NoteRequired");
        report.Acknowledge("已安排专人跟踪", "county1", At);
        report.Status.Should().Be(LayoffStatus.Acknowledged);
        report.Invoking(r => r.Acknowledge("again", "county1", At)).Should().Throw<LayoffsException>().WithMessage("Layoff.AlreadyAcknowledged");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    public void CountyGuide_OneThirdOfOffices_RoundedUp(int offices, int guide) =>
        MonitoringGuide.ForCounty(TestParameters.Layoffs, Under004, offices).Should().Be(guide);

    [Fact]
    public void MonitoringFiling_FutureMonthOrNegative_Refused_AndMonthIsItsFirstDay()
    {
        var point = MonitoringPoint.Designate(1, "370702001001", RegionLevel.Community, "county1", At);
        var today = new DateOnly(2026, 6, 15);
        MonitoringFiling.File(point, new DateOnly(2026, 6, 20), 10, 1, null, today, "community1", At).Month.Should().Be(new DateOnly(2026, 6, 1));
        FluentActions.Invoking(() => MonitoringFiling.File(point, new DateOnly(2026, 7, 1), 10, 1, null, today, "community1", At)).Should().Throw<LayoffsException>().WithMessage("Monitoring.FutureMonth");
        FluentActions.Invoking(() => MonitoringFiling.File(point, today, -1, 1, null, today, "community1", At)).Should().Throw<LayoffsException>().WithMessage("Monitoring.CountsNotNegative");
        FluentActions.Invoking(() => MonitoringPoint.Designate(1, "370702000000", RegionLevel.County, "county1", At)).Should().Throw<LayoffsException>().WithMessage("Monitoring.StreetOrCommunity");
    }

    private static LayoffReport File(int reduction, int workforce, LayoffThreshold threshold) =>
        LayoffReport.File(Guid.NewGuid(), "370702001001", reduction, workforce, new DateOnly(2026, 9, 1), "订单减少", "王经理", "13800000000", threshold, "employer", At);
}
