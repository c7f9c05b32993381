namespace OrchardSpbe.Statistics.Observations;

/// <summary>sementara (preliminary), tetap (final), revisi (revised).</summary>
public static class ObservationStatus
{
    public const string Sementara = "sementara";
    public const string Tetap = "tetap";
    public const string Revisi = "revisi";
    public static readonly IReadOnlyList<string> All = [Sementara, Tetap, Revisi];
}

/// <summary>A value to write: one cell of an indicator's periods × areas (× disaggregation) table.</summary>
public sealed record ObservationInput(string Period, string Area, string Disaggregation, double Value, string Status, string? Note);

/// <summary>A stored value with who changed it last.</summary>
public sealed class ObservationRow
{
    public string Period { get; set; } = "";
    public string Area { get; set; } = "";
    public string Disaggregation { get; set; } = "";
    public double Value { get; set; }
    public string Status { get; set; } = "";
    public string? Note { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }
}

/// <summary>One earlier state of a value.</summary>
public sealed class ObservationRevision
{
    public double Value { get; set; }
    public string Status { get; set; } = "";
    public string? Note { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset ChangedUtc { get; set; }
    public string Source { get; set; } = "";
}
