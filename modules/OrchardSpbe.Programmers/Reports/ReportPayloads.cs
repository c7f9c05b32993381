namespace OrchardSpbe.Programmers.Reports;

/// <summary>Portal → PD: a member placed at the PD (or the member's term or status changed).</summary>
public sealed record PlacementPayload(string MemberId, string FullName, string RoleCode, string StartDate, string EndDate, string Status);

/// <summary>PD → portal: the coordinator's evaluation of a member's report, for the Sekretaris and the Ketua (000 Pasal 20(2)–(3)).</summary>
public sealed record EvaluationPayload(
    string ReportId, string MemberId, string FullName, string Kind, string Period, string Summary, IReadOnlyList<string> Outputs,
    string Rating, string? Note, string EvaluatedBy, DateTimeOffset EvaluatedUtc);

/// <summary>PD → portal: a report filed on time or late, or missing past its due date (due dates as for statistics).</summary>
public sealed record ReportDuePayload(string MemberId, string FullName, string Kind, string Period, string DueDate, string State, DateTimeOffset? FiledUtc);

public static class ReportHandoverKinds
{
    public const string Due = "programmers.report-due";
    public const string Placement = "programmers.placement";
    public const string Evaluation = "programmers.evaluation";
}
