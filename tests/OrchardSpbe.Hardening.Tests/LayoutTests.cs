using Microsoft.Playwright;
using OrchardSpbe.Hardening.Tests.Harness;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>
/// Issue 15's layout test in Chromium, at 375 and 1280 px, on the public and admin pages found in the
/// application's endpoint list (GET routes without parameters) plus an item page: no horizontal scroll, no
/// text wider than its box, no placeholder cut off, every table row as wide as its header and made of cells.
/// </summary>
public sealed class LayoutTests(SqliteSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteSite>, IClassFixture<ChromiumFixture>
{
    // What a browser does not show as a page (the API reference is a third-party viewer and its script files).
    private static readonly string[] NotPages = ["/api", "/feeds", "/health", "/media", "/culture", "/sitemap.xml", "/robots.txt", "/admin/logout", "/admin/access-denied", "/themes", "/site", "/openapi", "/favicon"];

    [Fact]
    public async Task Public_and_admin_pages_have_no_overflow_no_horizontal_scroll_and_whole_table_rows() =>
        await RunAsync(pages => pages.Concat(ContentPages).ToList());

    // Public pages behind the catch-all content route, as the pd-site recipe and the portal make them.
    private static readonly string[] ContentPages =
        ["/profil", "/kontak", "/berita", "/agenda", "/agenda/lalu", "/perangkat-daerah/dinas", "/search?q=pelayanan", "/halaman-yang-tidak-ada"];

    [Fact]
    public async Task The_pages_of_finding_13_have_no_clipped_badge_no_cut_placeholder_and_whole_table_rows() =>
        await RunAsync(_ => ["/", "/admin/features", "/admin/contents"], includePortal: true);

    private async Task RunAsync(Func<IReadOnlyList<string>, IReadOnlyList<string>> choose, bool includePortal = true)
    {
        var site = fixture.Site;
        if (site.Registry.Find("tata") is null) await site.CreateTenantAsync("tata");
        var paths = choose(EndpointCatalog.Discover(site.Services)
            .Where(e => e.Method == "GET" && e.Pattern.Parameters.Count == 0 && !NotPages.Any(n => e.Template.StartsWith(n, StringComparison.Ordinal)))
            .Select(e => e.Template).Distinct().ToList());
        var problems = new List<string>();
        foreach (var width in new[] { 375, 1280 })
        {
            foreach (var tenant in includePortal ? new[] { "tata", null } : ["tata"])
            {
                var page = await chromium.NewPageAsync();
                await page.SetViewportSizeAsync(width, 900);
                await page.GotoAsync(site.Url(tenant, "/admin/login").ToString());
                await page.FillAsync("#UserName", "admin");
                await page.FillAsync("#Password", TestEnvironment.AdminPassword);
                await page.ClickAsync("button[type=submit]");
                foreach (var path in paths)
                {
                    IResponse? response;
                    try
                    {
                        response = await page.GotoAsync(site.Url(tenant, path).ToString());
                    }
                    catch (PlaywrightException)
                    {
                        continue; // Chromium refuses to show an empty error answer (a 404 of a portal-only page on a PD).
                    }
                    if (response is null || response.Status != 200 || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html")) continue;
                    foreach (var problem in await page.EvaluateAsync<string[]>(Checks))
                        problems.Add($"{tenant ?? "portal"}{path} at {width}px: {problem}");
                }
                await page.Context.CloseAsync();
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} layout problems:\n" + string.Join("\n", problems.Take(80)));
    }

    private const string Checks = """
        () => {
          const problems = [];
          const visible = el => { const s = getComputedStyle(el); return s.display !== 'none' && s.visibility !== 'hidden' && el.getClientRects().length > 0 && !el.closest('.visually-hidden,.sr-only'); };
          const name = el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : '') + ' "' + (el.textContent || el.placeholder || '').trim().slice(0, 40) + '"';
          const doc = document.documentElement;
          if (doc.scrollWidth > doc.clientWidth + 1) {
            // Name the innermost element that reaches past the screen, so the report says what to fix.
            const wide = [...document.body.querySelectorAll('*')].filter(e => visible(e) && e.getBoundingClientRect().right > doc.clientWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > doc.clientWidth + 1));
            problems.push(`horizontal scroll (${doc.scrollWidth} > ${doc.clientWidth}): ${wide.slice(0, 3).map(name).join(', ')}`);
          }
          for (const el of document.querySelectorAll('h1,h2,h3,h4,p,li,td,th,label,button,dt,dd,.agenda-date')) {
            if (!visible(el) || getComputedStyle(el).display.startsWith('inline')) continue;
            if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) problems.push('text overflows ' + name(el));
            if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY === 'hidden') problems.push('text clipped ' + name(el));
          }
          const canvas = document.createElement('canvas').getContext('2d');
          for (const input of document.querySelectorAll('input[placeholder]')) {
            if (!visible(input) || input.value) continue;
            const s = getComputedStyle(input);
            canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
            const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
            if (canvas.measureText(input.placeholder).width > room + 1) problems.push('placeholder cut off ' + name(input));
          }
          for (const table of document.querySelectorAll('table')) {
            const head = table.querySelector('thead tr');
            if (!head || !visible(table)) continue;
            const width = [...head.cells].reduce((n, c) => n + c.colSpan, 0);
            for (const row of table.querySelectorAll('tbody tr')) {
              const cells = [...row.cells];
              if (cells.reduce((n, c) => n + c.colSpan, 0) !== width) problems.push(`table row of ${cells.length} cells under a header of ${width}`);
              for (const cell of cells) if (getComputedStyle(cell).display !== 'table-cell' && visible(cell)) problems.push('a cell outside its table: ' + name(cell));
            }
          }
          return problems;
        }
        """;
}
