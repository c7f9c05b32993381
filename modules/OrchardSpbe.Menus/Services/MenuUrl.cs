namespace OrchardSpbe.Menus.Services;

/// <summary>
/// Which link targets a menu accepts: a path on this site ("/profil") or a full http(s) address.
/// Anything else — javascript:, data:, vbscript:, protocol-relative "//host" — would let a menu entry
/// run script or leave the site unannounced, so it is refused (the admin form and the recipe step alike).
/// </summary>
public static class MenuUrl
{
    public const int MaxLength = 500;
    public const int MaxTextLength = 60;

    /// <summary>The URL trimmed, or null when it is not an acceptable menu link.</summary>
    public static string? Normalize(string? input)
    {
        var url = input?.Trim();
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength) return null;
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')) return null;
        if (url[0] == '/')
            return !url.StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Relative, out _) ? url : null;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && uri.Host.Length > 0
               && url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase)
            ? url
            : null;
    }
}
