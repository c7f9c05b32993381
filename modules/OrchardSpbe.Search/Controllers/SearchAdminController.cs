using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Search.Indexing;
using OrchardSpbe.Search.Querying;
using OrchardSpbe.Search.Stemming;
using OrchardSpbe.Search.ViewModels;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Search.Controllers;

/// <summary>
/// /admin/search: this node's index of the site (on the portal, of every PD: the portal's search reads them
/// all) — documents, last change applied, lag behind the change log, size; rebuild and consistency check; and the
/// analysis screen, which shows what the index makes of a text.
/// </summary>
[Area("Search")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageSearchIndexes")]
public sealed class SearchAdminController(
    SearchIndexHost indexes,
    SearchReader reader,
    TenantContext tenant,
    TenantScopeFactory scopes,
    AuditLog audit,
    IStringLocalizer<Strings> T) : Controller
{
    [HttpGet("admin/search")]
    public async Task<IActionResult> Index()
    {
        var rows = new List<IndexStatusRow>();
        foreach (var shell in (await reader.TenantsAsync()))
        {
            var index = await indexes.ReadyAsync(shell, HttpContext.RequestAborted);
            await using var scope = scopes.CreateScope(shell);
            var head = await scope.ServiceProvider.GetRequiredService<SearchChangeLog>().HeadAsync();
            rows.Add(new IndexStatusRow(shell.Name, shell.Record.DisplayName, index.Writer.NumDocs, index.Cursor, Math.Max(0, head - index.Cursor),
                index.SizeOnDisk(), index.LastAppliedUtc));
        }
        if (tenant.IsDefault)
        {
            var portal = indexes.Portal;
            ViewBag.PortalDocuments = portal.Writer.NumDocs;
            ViewBag.PortalSize = new DirectoryInfo(portal.Folder).EnumerateFiles().Sum(f => f.Length);
            ViewBag.CityRoots = string.Join("\n", await HttpContext.RequestServices.GetRequiredService<CityRootsStore>().ReadAsync());
        }
        return View(rows);
    }

    /// <summary>The analysis screen: a text, and each of its tokens through every step.</summary>
    [HttpGet("admin/search/analysis")]
    public IActionResult Analysis(string? text)
    {
        ViewBag.Text = text ?? "";
        ViewBag.AnalysisVersion = SearchAnalyzers.AnalysisVersion;
        ViewBag.DictionarySize = RootDictionary.Current.Count;
        return View(AnalysisTrace.Explain(text));
    }

    /// <summary>
    /// The same as JSON: <c>{ "tokens": [ { "raw", "lower", "stemmed", "rule" } ] }</c>. Read by scripts, so it answers
    /// 401 or 403 itself instead of the redirect to the sign-in or access-denied page the rest of the admin makes.
    /// </summary>
    [HttpGet("admin/search/analyze"), AllowAnonymous]
    public async Task<IActionResult> Analyze(string? text, [FromServices] IAuthorizationService authorization)
    {
        if (User.Identity?.IsAuthenticated != true) return Unauthorized();
        if (!(await authorization.AuthorizeAsync(User, RequirePermissionAttribute.PolicyPrefix + Permissions.ManageSearchIndexes.Name)).Succeeded)
            return StatusCode(StatusCodes.Status403Forbidden);
        return Json(new { analysis = SearchAnalyzers.AnalysisVersion, tokens = AnalysisTrace.Explain(text) });
    }

    [HttpPost("admin/search/rebuild"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Rebuild(string name)
    {
        if ((await reader.TenantsAsync()).FirstOrDefault(s => s.Name == name) is not { } shell) return NotFound();
        await using (var scope = scopes.CreateScope(shell))
            await indexes.RebuildAsync(scope.ServiceProvider, HttpContext.RequestAborted);
        var documents = indexes.Open(name).Writer.NumDocs;
        await audit.RecordAsync("search.rebuild", name, $"{documents} dokumen");
        TempData["Message"] = T["Indeks {0} dibangun ulang: {1} dokumen.", name, documents].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// The city's roots (the portal only): words the stemmer may reduce to beyond hunspell-id's. Saving changes the
    /// analysis version, so every index — on every node, from its next portal tick — rebuilds in the background.
    /// </summary>
    [HttpPost("admin/search/roots"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Roots(string? roots, [FromServices] CityRootsStore store, [FromServices] CityRoots cityRoots)
    {
        if (!tenant.IsDefault) return NotFound();
        // One root a line (or several, separated by commas or spaces); a line starting with "#" is a comment.
        var words = RootDictionary.Normalize((roots ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => line.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))).Take(5000).ToList();
        await store.SaveAsync(words);
        await cityRoots.ReloadAsync(HttpContext.RequestServices);
        await audit.RecordAsync("search.roots", null, $"{words.Count} kata dasar kota");
        TempData["Message"] = T["Daftar kata dasar kota disimpan: {0} kata. Indeks dibangun ulang di latar belakang; pencarian tetap berjalan.", words.Count].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("admin/search/check"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Check(string name)
    {
        if ((await reader.TenantsAsync()).FirstOrDefault(s => s.Name == name) is not { } shell) return NotFound();
        ConsistencyReport report;
        await using (var scope = scopes.CreateScope(shell))
            report = await scope.ServiceProvider.GetRequiredService<IndexConsistency>().CheckAsync(repair: true, HttpContext.RequestAborted);
        if (report.Consistent)
        {
            TempData["Message"] = T["Indeks {0} cocok dengan basis data: {1} dokumen.", name, report.DatabaseDocuments].Value;
        }
        else
        {
            await audit.RecordAsync("search.repair", name,
                $"basis data {report.DatabaseDocuments}, indeks {report.IndexDocuments}, kurang {report.Missing}, lebih {report.Extra}");
            TempData["Message"] = T["Indeks {0} diperbaiki: {1} item kurang dan {2} item lebih di indeks, kini {3} dokumen seperti di basis data.",
                name, report.Missing, report.Extra, report.DatabaseDocuments].Value;
        }
        return RedirectToAction(nameof(Index));
    }
}
