using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Tests;

public sealed class TransferRequestTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Request_ToTheSameCommunity_Throws()
    {
        var act = () => TransferRequest.Request(Guid.NewGuid(), 7, "370702001001", 7, "370702001001", "搬家", null, "x", At);
        act.Should().Throw<PersonException>();
    }

    [Fact]
    public void Decide_RefusalWithoutReason_ThrowsAndADecisionIsFinal()
    {
        var transfer = TransferRequest.Request(Guid.NewGuid(), 7, "370702001001", 8, "370702001002", "搬家", null, "community2", At);

        ((Action)(() => transfer.Decide(false, " ", null, "community1", At))).Should().Throw<PersonException>();
        transfer.Decide(true, null, null, "community1", At);
        transfer.Status.Should().Be(TransferStatus.Released);
        ((Action)(() => transfer.Decide(false, "no", null, "community1", At))).Should().Throw<PersonException>();
    }
}
