using System.IO.Compression;
using OrchardSpbe.Media;

namespace OrchardSpbe.Applications.Documents;

/// <summary>
/// A document's type told by its bytes, never its name alone: a renamed executable is nothing we accept. Images go by
/// Core's <see cref="ImageFormats"/> table (the one the media library and logos use); PDF by its magic; a ZIP is a
/// DOCX/XLSX/PPTX only if its entries agree, an ODT only if its mimetype entry says so, else a plain archive (source code).
/// </summary>
public static class DocumentFormats
{
    private static readonly Dictionary<string, (string MainPart, string ContentType)> Packages = new()
    {
        ["docx"] = ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ["xlsx"] = ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ["pptx"] = ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    };

    public static string Label(string format) => format.ToUpperInvariant();

    /// <summary>The format ("pdf", "docx", "zip", "png" …) and Content-Type of the file at <paramref name="path"/>, or null.</summary>
    public static (string Format, string ContentType)? Detect(string path, string fileName)
    {
        Span<byte> header = stackalloc byte[16];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        header = header[..read];
        if (ImageFormats.Sniff(header) is { } image) return (image.Extension, image.ContentType);
        if (header.StartsWith("%PDF-"u8)) return ("pdf", "application/pdf");
        if (!header.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return null;
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (Packages.TryGetValue(extension, out var package))
                return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(package.MainPart) is not null ? (extension, package.ContentType) : null;
            if (extension == "odt")
            {
                if (zip.GetEntry("mimetype") is not { } mimetype) return null;
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text" ? ("odt", "application/vnd.oasis.opendocument.text") : null;
            }
            return extension == "zip" ? ("zip", "application/zip") : null;
        }
        catch (InvalidDataException)
        {
            return null; // a damaged archive
        }
    }
}
