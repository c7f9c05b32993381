using OrchardSpbe.Statistics.Indicators;

namespace OrchardSpbe.Statistics.Submissions;

/// <summary>What a PD hands to Diskominfostandi each month (001 Pasal 20(6)): the values changed since the last accepted submission, and its indicators' metadata.</summary>
public sealed record SubmissionPayload(
    string Month, string Summary, string SubmittedBy, DateTimeOffset SubmittedUtc,
    IReadOnlyList<IndicatorSnapshot> Indicators, IReadOnlyList<ValueSnapshot> Values);

public sealed record IndicatorSnapshot(string Code, string Title, IndicatorPart Metadata);

public sealed record ValueSnapshot(string Code, string Period, string Area, string Disaggregation, double Value, string Status, string? Note);

/// <summary>The verifier's answer, back to the PD.</summary>
public sealed record DecisionPayload(string Decision, string? Note, string DecidedBy, DateTimeOffset DecidedUtc);

/// <summary>A compliance mark the portal set for a month (terlambat, tidak-menyampaikan), told to the PD.</summary>
public sealed record MarkPayload(string Month, string Mark);

public static class HandoverKinds
{
    public const string Submission = "statistics.submission";
    public const string Decision = "statistics.decision";
    public const string Mark = "statistics.mark";
}

/// <summary>States of a submission, as both sides store them.</summary>
public static class SubmissionStates
{
    public const string Waiting = "menunggu";
    public const string Accepted = "diterima";
    public const string Returned = "dikembalikan";
}
