namespace OrchardSpbe.Programmers.Rules;

/// <summary>Attendance at a team meeting (000 Pasal 15(3)): present, excused with a written reason, or absent without one.</summary>
public static class Presence
{
    public const string Present = "hadir";
    public const string Excused = "izin";
    public const string Unexcused = "tanpa-keterangan";

    public static readonly string[] All = [Present, Excused, Unexcused];

    public static string Label(string presence) => presence switch
    {
        Present => "Hadir",
        Excused => "Izin dengan alasan tertulis",
        Unexcused => "Tidak hadir tanpa alasan tertulis",
        _ => presence,
    };
}

/// <summary>A case the rules open: a warning (15(3)) for the coordinator, or a removal (15(4)–(5)) routed Ketua → Pembina → Wali Kota.</summary>
public static class CaseKinds
{
    public const string Warning = "peringatan";
    public const string Removal = "pemberhentian";

    public static string Label(string kind) => kind == Warning ? "Peringatan koordinator" : "Usulan pemberhentian";
}

public static class CaseStages
{
    public const string Coordinator = "koordinator";
    public const string Chair = "ketua";
    public const string Patron = "pembina";
    public const string Mayor = "wali-kota";
    public const string Closed = "selesai";

    public static string Label(string stage) => stage switch
    {
        Coordinator => "Koordinator",
        Chair => "Ketua Tim",
        Patron => "Pembina (Sekretaris Daerah)",
        Mayor => "Wali Kota",
        Closed => "Selesai",
        _ => stage,
    };
}

/// <summary>Portal → PD: the coordinator is to warn a member (15(3)).</summary>
public sealed record WarningTaskPayload(string CaseId, string MemberId, string FullName, string Basis);

/// <summary>PD → portal: the coordinator's decision on a warning task.</summary>
public sealed record WarningDecisionPayload(string CaseId, string Decision, string? Note, string DecidedBy, DateTimeOffset DecidedUtc);

/// <summary>PD → portal: a member had two consecutive months with no report and no written reason (15(4)).</summary>
public sealed record InactivityPayload(string MemberId, string FullName, IReadOnlyList<string> Months);

public static class RuleHandoverKinds
{
    public const string WarningTask = "programmers.warning-task";
    public const string WarningDecision = "programmers.warning-decision";
    public const string Inactivity = "programmers.inactivity";
}
