using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using OrchardSpbe.Media.Services;

namespace OrchardSpbe.Media.ViewModels;

public sealed class MediaIndexViewModel
{
    public IReadOnlyList<MediaEntry> Files { get; init; } = [];
    public string? Query { get; init; }
    public int Page { get; init; }
    public int PageCount { get; init; }
    public long Total { get; init; }
}

public sealed class MediaUploadViewModel
{
    public IFormFile? File { get; set; }

    [StringLength(MediaLibrary.MaxAltTextLength, ErrorMessage = "Teks alternatif paling banyak 300 karakter.")]
    public string? AltText { get; set; }

    // Shown beside the form: this tenant's limits.
    public MediaSettings Limits { get; set; } = new();
}

public sealed class MediaEditViewModel
{
    [StringLength(MediaLibrary.MaxAltTextLength, ErrorMessage = "Teks alternatif paling banyak 300 karakter.")]
    public string? AltText { get; set; }

    public MediaEntry? Entry { get; set; }
}

public sealed class MediaSettingsViewModel
{
    public List<string> AllowedKinds { get; set; } = [];

    [Range(1, MediaSettings.MaxSizeMbCeiling, ErrorMessage = "Ukuran paling besar harus antara 1 dan 50 MB.")]
    public int MaxSizeMb { get; set; } = MediaSettings.DefaultMaxSizeMb;

    public int Version { get; set; }
}
