using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Navigation;
using OrchardSpbe.Reference;
using OrchardSpbe.Search;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Statistics.Search;
using OrchardSpbe.Statistics.ViewModels;
using OrchardSpbe.Tenants;
using OrchardSpbe.Hosting.PageCache;

namespace OrchardSpbe.Statistics.Controllers;

/// <summary>
/// The public statistics pages: /statistik on the city portal (every PD's accepted indicators: browse by data group,
/// PD and latest update, or one search over all of them) and on each PD site (its own); the indicator page with a
/// chart, the data table (the accessible, no-script view), the filters, the full MS-Ind metadata and the downloads.
/// </summary>
[Area("Statistics")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
[PublicPage]
public sealed class StatisticsController(PublicStatistics statistics, TenantContext tenant, TenantRegistry registry) : Controller
{
    public static readonly string[] SearchFacets = ["kelompok", "periodisitas", "level"];

    [HttpGet("statistik")]
    public async Task<IActionResult> Home(string? q, string? pd, string? kelompok, string? periodisitas, string? level, string? urut, int page = 1)
    {
        var portal = tenant.IsDefault;
        var current = new Dictionary<string, string?> { ["q"] = q, ["pd"] = pd, ["kelompok"] = kelompok, ["periodisitas"] = periodisitas, ["level"] = level, ["urut"] = urut };
        var link = QueryLinks.For(Url.Content("~/statistik"), current);
        SiteSearchResult? search = null;
        if (!string.IsNullOrWhiteSpace(q) && tenant.Shell.IsFeatureEnabled("OrchardSpbe.Search") && HttpContext.RequestServices.GetService<ISiteSearch>() is { } siteSearch)
        {
            var fields = new Dictionary<string, string>();
            if (!string.IsNullOrEmpty(kelompok)) fields["kelompok"] = kelompok;
            if (!string.IsNullOrEmpty(periodisitas)) fields["periodisitas"] = periodisitas;
            if (!string.IsNullOrEmpty(level)) fields["level"] = level;
            search = await siteSearch.SearchAsync(User, new SiteSearchQuery
            {
                Text = q, Type = IndicatorSearchSource.Type, Tenant = portal ? pd : null, Fields = fields, Facets = SearchFacets, Page = page, PageSize = 20,
            }, HttpContext.RequestAborted);
        }
        var model = new StatisticsHomeViewModel
        {
            Portal = portal, Query = q, Pd = pd, Group = kelompok, Periodicity = periodisitas, Level = level, LatestFirst = urut == "terbaru",
            Search = search,
            Indicators = search is not null ? [] : await statistics.IndicatorsAsync(new IndicatorListQuery
            {
                Tenant = portal ? NullIfEmpty(pd) : null, DataGroup = NullIfEmpty(kelompok), LatestFirst = urut == "terbaru", Take = 500,
            }),
            Groups = await statistics.CountByAsync("data_group"),
            Pds = portal ? await statistics.CountByAsync("tenant") : [],
            PdName = PdName,
            IndicatorUrl = IndicatorUrl,
            Link = link,
        };
        return View(model);
    }

    [HttpGet("statistik/{pd}/{code}")]
    [PortalOnly]
    public Task<IActionResult> PortalIndicator(string pd, string code, string[]? wilayah, string? dari, string? sampai, string? disagregasi) =>
        IndicatorAsync(pd, code, wilayah, dari, sampai, disagregasi);

    [HttpGet("statistik/{code}")]
    public Task<IActionResult> Indicator(string code, string[]? wilayah, string? dari, string? sampai, string? disagregasi) =>
        tenant.IsDefault ? Task.FromResult<IActionResult>(NotFound()) : IndicatorAsync(tenant.Name, code, wilayah, dari, sampai, disagregasi);

    [HttpGet("statistik/{pd}/{code}/unduh.{format}")]
    [PortalOnly]
    public Task<IActionResult> PortalDownload(string pd, string code, string format, string[]? wilayah, string? dari, string? sampai, string? disagregasi) =>
        DownloadAsync(pd, code, format, wilayah, dari, sampai, disagregasi);

    [HttpGet("statistik/{code}/unduh.{format}")]
    public Task<IActionResult> Download(string code, string format, string[]? wilayah, string? dari, string? sampai, string? disagregasi) =>
        tenant.IsDefault ? Task.FromResult<IActionResult>(NotFound()) : DownloadAsync(tenant.Name, code, format, wilayah, dari, sampai, disagregasi);

    private async Task<IActionResult> IndicatorAsync(string pd, string code, string[]? areas, string? from, string? to, string? disaggregation)
    {
        if (await statistics.IndicatorAsync(pd, code) is not { } indicator) return NotFound();
        var all = await statistics.ObservationsAsync(new ObservationQuery { Tenant = pd, Code = code, Take = PublicStatistics.MaxPageSize });
        var allPeriods = all.Select(o => o.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        var allAreas = AreaCodes.All.Where(a => all.Any(o => o.Area == a.Code)).ToList();
        var selected = (areas ?? []).Where(a => allAreas.Any(x => x.Code == a)).ToList();
        var metadata = indicator.Metadata;
        var chosen = metadata.Disaggregations.FirstOrDefault(d => string.Equals(d, disaggregation, StringComparison.OrdinalIgnoreCase)) ?? "";
        var shown = all.Where(o => o.Disaggregation == chosen
                                   && (selected.Count == 0 || selected.Contains(o.Area))
                                   && (string.IsNullOrEmpty(from) || string.CompareOrdinal(o.Period, from) >= 0)
                                   && (string.IsNullOrEmpty(to) || string.CompareOrdinal(o.Period, to) <= 0)).ToList();
        var query = Request.QueryString.Value ?? "";
        return View("Indicator", new IndicatorPageViewModel
        {
            Indicator = indicator, Metadata = metadata, PdName = PdName(pd),
            Periods = shown.Select(o => o.Period).Distinct().Order(StringComparer.Ordinal).ToList(),
            Areas = allAreas.Where(a => shown.Any(o => o.Area == a.Code)).ToList(),
            Values = shown.ToDictionary(o => (o.Period, o.Area)),
            AllAreas = allAreas, AllPeriods = allPeriods, SelectedAreas = selected, From = from, To = to, Disaggregation = chosen,
            DownloadUrl = format => Url.Content(tenant.IsDefault ? $"~/statistik/{pd}/{Uri.EscapeDataString(code)}/unduh.{format}" : $"~/statistik/{Uri.EscapeDataString(code)}/unduh.{format}") + query,
        });
    }

    private async Task<IActionResult> DownloadAsync(string pd, string code, string format, string[]? areas, string? from, string? to, string? disaggregation)
    {
        if (!StatisticsFiles.Formats.ContainsKey(format)) return NotFound();
        if (await statistics.IndicatorAsync(pd, code) is not { } indicator) return NotFound();
        var rows = await statistics.ObservationsAsync(new ObservationQuery
        {
            Tenant = pd, Code = code, Areas = areas is { Length: > 0 } ? areas : null, StartPeriod = NullIfEmpty(from), EndPeriod = NullIfEmpty(to),
            Disaggregation = disaggregation is null ? null : indicator.Metadata.Disaggregations.FirstOrDefault(d => string.Equals(d, disaggregation, StringComparison.OrdinalIgnoreCase)) ?? disaggregation,
            Take = PublicStatistics.MaxPageSize,
        });
        var (content, type) = StatisticsFiles.Write(format, indicator, rows, PdName(pd));
        return File(content, type, $"{code}-{pd}.{format}");
    }

    private string PdName(string name) => registry.Find(name)?.DisplayName ?? name;

    // On the portal an indicator has its page at /statistik/{pd}/{code}; a PD site's own at /statistik/{code}.
    private string IndicatorUrl(string pd, string code) =>
        Url.Content(tenant.IsDefault ? $"~/statistik/{pd}/{Uri.EscapeDataString(code)}" : $"~/statistik/{Uri.EscapeDataString(code)}");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
