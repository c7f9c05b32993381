using OrchardSpbe.Applications.Register;

namespace OrchardSpbe.Applications.Documents;

/// <summary>A kind of document the repository keeps, the file types it may be, and from which lifecycle stage it is required.</summary>
public sealed record DocumentKind(string Code, string Label, string Basis, IReadOnlyList<string> Formats, bool PreLive);

/// <summary>
/// The documents an application hands to Diskominfo's repository (002 Pasal 13; 003 11(3), 11(6); 001 23(4)) and the
/// operating documents (001 Pasal 14–15), with the completeness checklist per class and lifecycle stage.
/// </summary>
public static class DocumentKinds
{
    private static readonly string[] Written = ["pdf", "docx", "odt"];

    public static readonly IReadOnlyList<DocumentKind> All =
    [
        new("spesifikasi-kebutuhan", "Spesifikasi kebutuhan perangkat lunak", "002 Pasal 13(2)", Written, true),
        new("arsitektur", "Dokumen arsitektur atau desain", "002 Pasal 13(2); 001 Pasal 14(3)", Written, true),
        new("dokumen-teknis", "Dokumen teknis", "002 Pasal 13(2)", Written, true),
        new("manual-pengguna", "Manual pengguna", "002 Pasal 13(2); 001 Pasal 14", Written, true),
        new("kode-sumber", "Kode sumber beserta penjelasan prosedurnya", "002 Pasal 13(2); 001 Pasal 13(1)", ["zip", "pdf"], true),
        new("bukti-uji", "Bukti pengujian", "002 Pasal 13(1)", [.. Written, "xlsx", "png", "jpg"], true),
        new("backup-restore", "Prosedur backup dan restore", "001 Pasal 14(7)", Written, true),
        new("sdlc", "Dokumentasi SDLC", "001 Pasal 14", Written, false),
        new("manual-operasi", "Manual operasi, dukungan dan administrasi", "001 Pasal 15", Written, false),
        new("materi-pelatihan", "Materi pelatihan", "001 Pasal 15", [.. Written, "pptx"], false),
    ];

    public static DocumentKind? Find(string? code) => All.FirstOrDefault(k => k.Code == code);

    /// <summary>
    /// What the checklist requires at a stage: planning needs the requirements; development adds the design; trial adds
    /// the technical document, user manual, source code and test evidence; production needs every pre-live document
    /// including the backup and restore procedure, and a shared application (used by several PDs) also its operating
    /// documents and training material.
    /// </summary>
    public static IReadOnlyList<DocumentKind> Required(string appClass, string lifecycle)
    {
        string[] codes = lifecycle switch
        {
            ApplicationTerms.Planning => ["spesifikasi-kebutuhan"],
            ApplicationTerms.Development => ["spesifikasi-kebutuhan", "arsitektur"],
            ApplicationTerms.Trial => ["spesifikasi-kebutuhan", "arsitektur", "dokumen-teknis", "manual-pengguna", "kode-sumber", "bukti-uji"],
            _ => [.. All.Where(k => k.PreLive).Select(k => k.Code),
                  .. appClass == ApplicationTerms.Khusus ? ["manual-operasi"] : new[] { "sdlc", "manual-operasi", "materi-pelatihan" }],
        };
        return All.Where(k => codes.Contains(k.Code)).ToList();
    }
}
