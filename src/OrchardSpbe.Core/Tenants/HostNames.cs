using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OrchardSpbe.Tenants;

/// <summary>
/// Maps between the host a browser sends and the canonical host tenants are stored under. With
/// LocalDomain "localhost", dinkes.localhost:5000 stands for dinkes.bekasikota.go.id.
/// </summary>
public sealed partial class HostNames(IOptions<SpbeOptions> options)
{
    private readonly string _baseDomain = options.Value.Hosting.BaseDomain.ToLowerInvariant();
    private readonly string? _localDomain = options.Value.Hosting.LocalDomain?.ToLowerInvariant();

    public string BaseDomain => _baseDomain;

    /// <summary>The request host (without port) in canonical form.</summary>
    public string ToCanonical(string requestHost)
    {
        var host = requestHost.ToLowerInvariant().TrimEnd('.');
        if (_localDomain is null) return host;
        if (host == _localDomain) return _baseDomain;
        if (host.EndsWith("." + _localDomain, StringComparison.Ordinal))
            return host[..^_localDomain.Length] + _baseDomain;
        return host;
    }

    /// <summary>A canonical host in the form the current request used, so links stay on the developer's domain.</summary>
    public string ToRequestForm(string canonicalHost, string requestHost)
    {
        var request = requestHost.ToLowerInvariant();
        if (_localDomain is null || !(request == _localDomain || request.EndsWith("." + _localDomain, StringComparison.Ordinal)))
            return canonicalHost;
        if (canonicalHost == _baseDomain) return _localDomain;
        return canonicalHost.EndsWith("." + _baseDomain, StringComparison.Ordinal)
            ? canonicalHost[..^_baseDomain.Length] + _localDomain
            : canonicalHost;
    }

    /// <summary>Normalises a host name typed by an administrator; null when it is not a valid host name.</summary>
    public string? Normalize(string input)
    {
        var host = input.Trim().ToLowerInvariant().TrimEnd('.');
        if (host.StartsWith("http://") || host.StartsWith("https://")) return null;
        host = ToCanonical(host);
        return HostPattern().IsMatch(host) && host.Length <= 253 ? host : null;
    }

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostPattern();
}
