using Microsoft.Extensions.Options;

namespace OrchardSpbe.Security;

/// <summary>
/// The Content-Security-Policy of every response. Images may also come from the city's own subdomains, and
/// only those: the portal's news cards show each PD's images from https://&lt;pd&gt;.bekasikota.go.id/media/…
/// (on a developer's machine, http://&lt;pd&gt;.localhost:&lt;port&gt;). Script, style and everything else stay 'self'.
/// </summary>
public sealed class ContentSecurityPolicy
{
    private readonly string _imageSources;

    public ContentSecurityPolicy(IOptions<SpbeOptions> options)
    {
        var hosting = options.Value.Hosting;
        _imageSources = $"https://*.{hosting.BaseDomain}"
                        + (string.IsNullOrEmpty(hosting.LocalDomain) ? "" : $" http://*.{hosting.LocalDomain}:*");
        Default = Build(null);
    }

    public string Default { get; }

    /// <summary>The policy of a page whose script-made &lt;style&gt; elements carry <paramref name="styleNonce"/>.</summary>
    public string WithStyleNonce(string styleNonce) => Build(styleNonce);

    private string Build(string? styleNonce) =>
        $"default-src 'self'; img-src 'self' data: {_imageSources}; " +
        (styleNonce is null ? "style-src 'self'; " : $"style-src 'self' 'nonce-{styleNonce}'; ") +
        "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
}
