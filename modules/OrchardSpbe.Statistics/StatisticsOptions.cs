namespace OrchardSpbe.Statistics;

/// <summary>Settings of the statistics module (<c>Spbe:Statistics</c>).</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Spbe:Statistics";

    /// <summary>How often the reminder (PD) and the late marks (portal) look at the calendar; each look is one small query at most.</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
