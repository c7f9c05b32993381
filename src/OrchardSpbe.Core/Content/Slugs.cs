using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OrchardSpbe.Text;

namespace OrchardSpbe.Content;

/// <summary>
/// Address segments made from text — content addresses, media file names, PD category pages:
/// "Posyandu Balita di Kecamatan Bekasi Timur!" → "posyandu-balita-di-kecamatan-bekasi-timur".
/// </summary>
public static partial class Slugs
{
    /// <summary>First path segments the platform itself answers; an item cannot take them.</summary>
    public static readonly HashSet<string> Reserved =
        ["admin", "api", "media", "themes", "site", "feeds", "culture", "health", "contents", "search", "perangkat-daerah", "sitemap.xml", "robots.txt"];

    public static string FromText(string text, int maxLength = 80)
    {
        // Normalize throws on U+FFFE and lone surrogates; they would become hyphens anyway.
        var normalized = XmlText.Clean(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = Dashes().Replace(builder.ToString(), "-").Trim('-');
        if (slug.Length > maxLength) slug = slug[..maxLength].TrimEnd('-');
        return slug;
    }

    /// <summary>Lower-case letters, digits and hyphens, in segments separated by "/".</summary>
    public static bool IsValidPath(string path) => path.Length <= 200 && ValidPath().IsMatch(path);

    public static bool IsReserved(string path) => Reserved.Contains(path.Split('/')[0]);

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")]
    private static partial Regex ValidPath();
}
