using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Tenants;

/// <summary>
/// A tenant's absolute public address, in the form of the current request: links from the portal to
/// a PD (and from feeds and sitemaps) stay on https://dinkes.bekasikota.go.id/ in production and on
/// http://dinkes.localhost:5000/ on a developer's machine. Without a request (background work) the
/// canonical https address is used.
/// </summary>
public sealed class TenantUrls(HostNames hostNames, TenantRegistry registry, IHttpContextAccessor http)
{
    /// <summary>The tenant's root, ending in "/": "https://dinkes.bekasikota.go.id/".</summary>
    public string RootOf(TenantRecord tenant) => Build(PublicHostOf(tenant), tenant.UrlPrefix, CurrentForm());

    /// <summary>The tenant's root in the form of a given address (e.g. the address the server listens on).</summary>
    public string RootOf(TenantRecord tenant, Uri seenAs) =>
        Build(PublicHostOf(tenant), tenant.UrlPrefix, new RequestForm(seenAs.Scheme, seenAs.Host, seenAs.IsDefaultPort ? null : seenAs.Port));


    /// <summary>The tenant's root at one of its host names (the admin lists every host a tenant answers on).</summary>
    public string RootAtHost(TenantRecord tenant, string canonicalHost) => Build(canonicalHost, tenant.UrlPrefix, CurrentForm());

    /// <summary>The absolute URL of a path on a tenant ("berita/posyandu" or "/berita/posyandu").</summary>
    public string Of(TenantRecord tenant, string path) => RootOf(tenant) + path.TrimStart('/');


    private sealed record RequestForm(string Scheme, string Host, int? Port);

    private RequestForm? CurrentForm() =>
        http.HttpContext?.Request is { } request ? new RequestForm(request.Scheme, request.Host.Host, request.Host.Port) : null;

    private string Build(string? canonicalHost, string? prefix, RequestForm? form)
    {
        string scheme, host, port = "";
        if (form is null)
        {
            scheme = "https";
            host = canonicalHost ?? hostNames.BaseDomain;
        }
        else
        {
            scheme = form.Scheme;
            host = canonicalHost is null ? form.Host : hostNames.ToRequestForm(canonicalHost, form.Host);
            if (form.Port is int p) port = ":" + p;
        }
        return $"{scheme}://{host}{port}/{(prefix is null ? "" : prefix + "/")}";
    }

    // The first host a browser can type (not a wildcard); a tenant with only a URL prefix lives on the portal's host.
    private string? PublicHostOf(TenantRecord tenant)
    {
        var own = tenant.Hosts.FirstOrDefault(h => !h.StartsWith("*.", StringComparison.Ordinal));
        if (own is not null || tenant.IsDefault) return own;
        return registry.Find(TenantRecord.DefaultName)?.Hosts.FirstOrDefault(h => !h.StartsWith("*.", StringComparison.Ordinal));
    }
}
