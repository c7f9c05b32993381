namespace OrchardSpbe.Datasets.Sharing;

/// <summary>
/// A request by one PD for another PD's dataset (003 Pasal 10(1)), as each side keeps it: <see cref="Direction"/> is
/// "keluar" at the requester and "masuk" at the walidata. The id is the same on both sides.
/// </summary>
public sealed record ShareRequest(
    string Id, string Direction, string Requester, string Walidata, string DatasetName, string? DatasetTitle, string Purpose,
    DateOnly PeriodStart, DateOnly PeriodEnd, string RequestedBy, DateTimeOffset RequestedUtc, string State, string? DecidedBy,
    DateTimeOffset? DecidedUtc, string? ReasonCode, string? ReasonText, DateTimeOffset? GrantUntil, string? AccessToken)
{
    public const string Outgoing = "keluar";
    public const string Incoming = "masuk";

    public const string Waiting = "menunggu";
    public const string Approved = "disetujui";
    public const string Refused = "ditolak";

    /// <summary>Approved and still within its period: a grant ends by itself (003 Pasal 10(1)), nobody has to revoke it.</summary>
    public bool IsActive(DateTimeOffset now) => State == Approved && GrantUntil > now;

    /// <summary>What the lists show: an approved request past its period reads "berakhir".</summary>
    public string DisplayState(DateTimeOffset now) => State == Approved && GrantUntil <= now ? "berakhir" : State;
}

public sealed record ShareEvent(DateTimeOffset AtUtc, string Actor, string Action, string? Note);

/// <summary>
/// Why a walidata may refuse (003 Pasal 19(2)a sanctions a refusal without an accepted reason): the reasons the city
/// accepts, and "lainnya" (free text), which the portal's board shows to Diskominfostandi.
/// </summary>
public static class RefusalReasons
{
    public const string Other = "lainnya";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("belum-tersedia", "Data belum tersedia atau masih diolah"),
        ("dikecualikan", "Data termasuk informasi yang dikecualikan (UU 14/2008 Pasal 17)"),
        ("bukan-kewenangan", "Data bukan kewenangan walidata ini"),
        ("tujuan-tidak-sesuai", "Tujuan penggunaan tidak sesuai tugas dan fungsi peminta"),
        (Other, "Alasan lain (ditulis)"),
    ];

    public static bool IsAccepted(string code) => code != Other && All.Any(r => r.Code == code);

    public static string LabelOf(string? code) => All.FirstOrDefault(r => r.Code == code).Label ?? code ?? "";
}

/// <summary>The words the lists and the history show for a state or an act.</summary>
public static class ShareStates
{
    public static string Label(string state) => state switch
    {
        ShareRequest.Waiting => "Menunggu keputusan walidata",
        ShareRequest.Approved => "Disetujui",
        ShareRequest.Refused => "Ditolak",
        "diajukan" => "Diajukan",
        "berakhir" => "Akses berakhir",
        _ => state,
    };
}
