using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Hosting;
using OrchardSpbe.Localization;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.PublicSite.Services;

/// <summary>
/// Tells browsers and feed readers where the site's feeds are: as &lt;link rel="alternate"&gt; in the page's
/// head (through <see cref="PageHead"/>) and as an HTTP Link header (RFC 8288), which readers that only
/// fetch headers understand too.
/// </summary>
public sealed class FeedLinks(TenantContext tenant, TenantUrls urls, PageHead head, IStringLocalizer<Strings> T)
{
    public IReadOnlyList<(string Path, string Type, string Title)> Feeds() =>
    [
        ("feeds/berita.rss", "application/rss+xml", T["Berita (RSS)"]),
        ("feeds/berita.atom", "application/atom+xml", T["Berita (Atom)"]),
        ("feeds/agenda.rss", "application/rss+xml", T["Agenda (RSS)"]),
        ("feeds/agenda.atom", "application/atom+xml", T["Agenda (Atom)"]),
    ];

    public void Announce(HttpContext context)
    {
        var header = new List<string>();
        foreach (var (path, type, title) in Feeds())
        {
            var href = urls.Of(tenant.Shell.Record, path);
            head.AddLink("alternate", href, type, title);
            // The title is ASCII-safe only in English; the header carries the address and type, which is what readers use.
            header.Add($"<{href}>; rel=\"alternate\"; type=\"{type}\"");
        }
        context.Response.Headers.Append("Link", string.Join(", ", header));
    }
}
