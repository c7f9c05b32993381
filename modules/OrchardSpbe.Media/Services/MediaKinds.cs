namespace OrchardSpbe.Media.Services;

/// <summary>The kinds of file a tenant may allow in its library (stored in <see cref="MediaSettings.AllowedKinds"/>).</summary>
public static class MediaKinds
{
    public const string Image = "image";
    public const string Pdf = "pdf";
    public const string Office = "office";
    public const string Text = "text";

    public static readonly IReadOnlyList<string> All = [Image, Pdf, Office, Text];

    /// <summary>Indonesian label (a localisation key) for the admin.</summary>
    public static string LabelOf(string kind) => kind switch
    {
        Image => "Gambar (PNG, JPEG, GIF, WebP)",
        Pdf => "PDF",
        Office => "Dokumen Office (DOCX, XLSX, PPTX)",
        Text => "Teks (CSV, TXT)",
        _ => kind,
    };
}

/// <summary>A tenant's limits for uploads; a DocumentStore document with an optimistic version.</summary>
public sealed record MediaSettings
{
    public const string DocumentId = "media-settings";
    public const int DefaultMaxSizeMb = 10;

    /// <summary>The largest limit an administrator may set: uploads are spooled to disk, but requests this big are already unusual.</summary>
    public const int MaxSizeMbCeiling = 50;

    public List<string> AllowedKinds { get; init; } = [MediaKinds.Image, MediaKinds.Pdf, MediaKinds.Office];
    public int MaxSizeMb { get; init; } = DefaultMaxSizeMb;

    public long MaxBytes => (long)MaxSizeMb * 1024 * 1024;
    public bool Allows(string kind) => AllowedKinds.Contains(kind);
}
