namespace OrchardSpbe.Statistics;

/// <summary>Where a PD stands for a month on the compliance board (001 Pasal 20(6), 26(3)).</summary>
public static class ComplianceStates
{
    public const string OnTime = "tepat-waktu";
    public const string Late = "terlambat";
    public const string NotYet = "belum-menyampaikan";
    public const string NotDelivered = "tidak-menyampaikan";
    public const string Returned = "dikembalikan";
    public const string Waiting = "menunggu-verifikasi";

    public static string Label(string state) => state switch
    {
        OnTime => "Tepat waktu",
        Late => "Terlambat",
        NotYet => "Belum menyampaikan",
        NotDelivered => "Tidak menyampaikan",
        Returned => "Dikembalikan",
        Waiting => "Menunggu verifikasi",
        _ => state,
    };

    /// <summary>States that earn a reprimand letter (teguran, 001 Pasal 26(3)).</summary>
    public static bool NeedsReprimand(string state) => state is NotDelivered or Late;
}
