using System.IO.Compression;
using System.Text;

namespace OrchardSpbe.Media.Services;

/// <summary>What a stored file is: its kind (for the tenant's allow-list), the extension it is saved with and its Content-Type.</summary>
public sealed record MediaFormat(string Kind, string Extension, string ContentType);

/// <summary>
/// Decides a file's type from its bytes (magic numbers), never from its name or the browser's Content-Type:
/// an .exe renamed .jpg is not an image. SVG and HTML are never accepted (they can carry script).
/// The name matters only where the bytes cannot tell formats apart: a zip is a DOCX, XLSX or PPTX only
/// if its extension says so and its entries agree; text is CSV or TXT by its extension.
/// </summary>
public static class MediaFormats
{
    // The part every Office Open XML package of that kind has.
    private static readonly Dictionary<string, (string MainPart, string ContentType)> OfficeFormats = new()
    {
        ["docx"] = ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ["xlsx"] = ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ["pptx"] = ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    };

    /// <summary>The format of the file at <paramref name="path"/> (uploaded as <paramref name="fileName"/>), or null when it is none we accept.</summary>
    public static MediaFormat? Detect(string path, string fileName)
    {
        Span<byte> header = stackalloc byte[16];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        header = header[..read];

        if (ImageFormats.Sniff(header) is { } image) return new(MediaKinds.Image, image.Extension, image.ContentType);
        if (header.StartsWith("%PDF-"u8)) return new(MediaKinds.Pdf, "pdf", "application/pdf");

        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (header.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return OfficeDocument(path, extension);
        if (extension is "csv" or "txt" && IsUtf8Text(path))
            return new(MediaKinds.Text, extension, extension == "csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8");
        return null;
    }

    private static MediaFormat? OfficeDocument(string path, string extension)
    {
        if (!OfficeFormats.TryGetValue(extension, out var office)) return null;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var hasTypes = zip.GetEntry("[Content_Types].xml") is not null;
            return hasTypes && zip.GetEntry(office.MainPart) is not null ? new(MediaKinds.Office, extension, office.ContentType) : null;
        }
        catch (InvalidDataException)
        {
            return null; // a damaged zip
        }
    }

    /// <summary>Valid UTF-8 with no NUL byte: a binary file renamed .txt fails here.</summary>
    private static bool IsUtf8Text(string path)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            using var reader = new StreamReader(path, strict, detectEncodingFromByteOrderMarks: false);
            var buffer = new char[8192];
            int count;
            while ((count = reader.Read(buffer, 0, buffer.Length)) > 0)
                if (buffer.AsSpan(0, count).Contains('\0')) return false;
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
