using PeelCases.Host;

namespace PeelCases.UnitTests;

/// <summary>Which projection the lag check names: the one furthest behind, never the daemon's own high-water mark.</summary>
public sealed class ProjectionLagTests
{
    [Fact]
    public void The_shard_furthest_behind_is_named_and_the_high_water_mark_is_not_a_projection() =>
        Assert.Equal(("ForceGradeHistory:All", 40L), ProjectionLagCheck.Worst(100, [("HighWaterMark", 0), ("ForceGradeHistory:All", 60), ("Other:All", 95)]));

    [Fact]
    public void With_no_projection_progress_nothing_lags() =>
        Assert.Equal(("none", 0L), ProjectionLagCheck.Worst(100, [("HighWaterMark", 100)]));
}
