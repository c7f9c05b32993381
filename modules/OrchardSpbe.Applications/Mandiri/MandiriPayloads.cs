namespace OrchardSpbe.Applications.Mandiri;

/// <summary>The criteria of 002 Pasal 18(4): both must be met, each with the PD's evidence.</summary>
public static class MandiriCriteria
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("sdm-tik", "Memiliki SDM TIK (Perwal 002 Pasal 18 ayat 4 huruf a)"),
        ("pengalaman", "Berpengalaman membangun, mengelola dan/atau mengembangkan aplikasi SPBE secara mandiri (huruf b)"),
    ];
}

public static class MandiriStates
{
    public const string Waiting = "menunggu";
    public const string Designated = "ditetapkan";
    public const string Refused = "tidak-layak";

    public static string Label(string state) => state switch
    {
        Waiting => "Menunggu evaluasi",
        Designated => "Ditetapkan sebagai PD Mandiri TIK",
        Refused => "Belum layak",
        _ => state,
    };
}

/// <summary>A criterion with the PD's evidence.</summary>
public sealed record MandiriCriterion(string Code, bool Met, string Evidence);

/// <summary>The PD's proposal to be designated PD Mandiri TIK, to Diskominfostandi.</summary>
public sealed record MandiriProposal(string Id, IReadOnlyList<MandiriCriterion> Criteria, string Proposal, string SubmittedBy, DateTimeOffset SubmittedUtc);

/// <summary>Diskominfostandi's evaluation, back to the PD: designated (with the date and the Mayor's decree, 18(6)) or not yet.</summary>
public sealed record MandiriDecision(string Id, string State, string? DesignatedOn, string? Decree, string? Note, string DecidedBy, DateTimeOffset DecidedUtc);

public sealed class MandiriRow
{
    public string Id { get; set; } = "";
    public string Tenant { get; set; } = "";
    public string ProposalId { get; set; } = "";
    public string Criteria { get; set; } = "[]";
    public string Proposal { get; set; } = "";
    public string State { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedUtc { get; set; }
    public string? DesignatedOn { get; set; }
    public string? Decree { get; set; }
    public string? Note { get; set; }
}
