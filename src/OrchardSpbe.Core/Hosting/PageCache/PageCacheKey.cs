using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace OrchardSpbe.Hosting.PageCache;

/// <summary>
/// What one kept page is kept under: host, path base, path, the UI language and the query keys public pages read.
/// Any other query string is served the same page, so random ones can neither bypass nor flood the cache.
/// </summary>
public static class PageCacheKey
{
    /// <summary>The query keys public pages read; add one here when a public page reads a new one.</summary>
    public static readonly string[] VaryingQueryKeys = ["page", "kategori", "q", "pd", "kelompok", "periodisitas", "level", "wilayah", "disagregasi", "dari", "sampai", "urut", "kelas", "tahap"];

    private const char Separator = '\u001f';

    /// <summary>
    /// The key, or null when the request's language cannot be told the way the localization middleware will tell it
    /// (a culture cookie that is not exactly one of the supported cultures): such a request is neither served nor kept.
    /// </summary>
    public static string? Of(HttpRequest request, string defaultCulture, IReadOnlyList<string> supportedCultures)
    {
        var culture = CultureOf(request, defaultCulture, supportedCultures);
        if (culture is null) return null;
        var host = request.Host.Value ?? "";
        var path = request.Path.Value ?? "/";
        if (!request.QueryString.HasValue)
            return string.Concat([host.ToLowerInvariant(), Separator.ToString(), request.PathBase.Value, Separator.ToString(), path.ToUpperInvariant(), Separator.ToString(), culture]);

        var key = new StringBuilder(host.Length + path.Length + 64)
            .Append(host.ToLowerInvariant()).Append(Separator).Append(request.PathBase.Value).Append(Separator)
            .Append(path.ToUpperInvariant()).Append(Separator).Append(culture);
        var query = request.Query;
        foreach (var name in VaryingQueryKeys)
        {
            if (!query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values)) continue;
            key.Append(Separator).Append(name).Append('=');
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0) key.Append(Separator).Append(Separator);
                key.Append(values[i]);
            }
        }
        return key.ToString();
    }

    /// <summary>The culture cookie is the only way a request chooses its language (SpbeBuilder's localization options).</summary>
    private static string? CultureOf(HttpRequest request, string defaultCulture, IReadOnlyList<string> supportedCultures)
    {
        if (!request.Headers.ContainsKey("Cookie")) return defaultCulture;
        var cookie = request.Cookies[CookieRequestCultureProvider.DefaultCookieName];
        if (cookie is null) return defaultCulture;
        var chosen = CookieRequestCultureProvider.ParseCookieValue(cookie);
        if (chosen is null || chosen.UICultures.Count != 1 || chosen.Cultures.Count != 1) return null;
        foreach (var supported in supportedCultures)
            if (string.Equals(supported, chosen.UICultures[0].Value, StringComparison.OrdinalIgnoreCase)
                && string.Equals(supported, chosen.Cultures[0].Value, StringComparison.OrdinalIgnoreCase))
                return supported;
        return null;
    }
}
