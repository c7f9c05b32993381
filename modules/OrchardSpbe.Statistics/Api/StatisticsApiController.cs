using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Search;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Reference;
using OrchardSpbe.Statistics.Periods;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Api;

/// <summary>
/// The statistics data API (BPS WebAPI and SDMX REST as references): indicators, and observations filtered by area,
/// disaggregation, period range, last N observations per series and update time, as JSON, CSV or an SDMX-JSON data
/// message by content negotiation; keyset paging with a next link; ETags. On the portal every PD's, on a PD site its own.
/// </summary>
[ApiController]
[Area("Statistics")]
[RequireFeature(Manifest.FeatureId)]
[AllowAnonymous]
[Route("api/statistik")]
[Produces("application/json")]
public sealed class StatisticsApiController(PublicStatistics statistics, TenantContext tenant, TenantRegistry registry, IStringLocalizer<Strings> T) : ControllerBase
{
    public const int DefaultPageSize = 1000;

    /// <summary>Indicators that are public, with their latest period and value; with <c>q</c>, found by the site's search (Indonesian stemming), best first.</summary>
    [HttpGet("indikator")]
    [ProducesResponseType<IndicatorListResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Indicators(string? q = null, string? pd = null, string? kelompok = null, int page = 1, int pageSize = 100)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        page = Math.Max(1, page);
        if (!string.IsNullOrWhiteSpace(q))
        {
            if (HttpContext.RequestServices.GetService<ISiteSearch>() is not { } search || !tenant.Shell.IsFeatureEnabled("OrchardSpbe.Search"))
                return Problem(statusCode: StatusCodes.Status501NotImplemented, title: T["Pencarian tidak aktif di situs ini."]);
            var fields = string.IsNullOrEmpty(kelompok) ? new Dictionary<string, string>() : new Dictionary<string, string> { ["kelompok"] = kelompok };
            var found = await search.SearchAsync(User, new SiteSearchQuery
            {
                Text = q, Type = Search.IndicatorSearchSource.Type, Tenant = tenant.IsDefault ? pd : null, Fields = fields, Page = page, PageSize = Math.Min(pageSize, 50),
            }, HttpContext.RequestAborted);
            var hits = new List<IndicatorSummary>();
            foreach (var hit in found.Hits)
                if (hit.Fields.TryGetValue("kode", out var code) && await statistics.IndicatorAsync(hit.Tenant, code) is { } indicator) hits.Add(Summary(indicator));
            return Ok(new IndicatorListResponse(page, Math.Min(pageSize, 50), found.Page < found.PageCount, hits));
        }
        var list = await statistics.IndicatorsAsync(new IndicatorListQuery { Tenant = pd, DataGroup = kelompok, Take = pageSize + 1, Skip = (page - 1) * pageSize });
        return Ok(new IndicatorListResponse(page, pageSize, list.Count > pageSize, list.Take(pageSize).Select(Summary).ToList()));
    }

    /// <summary>One indicator with its full MS-Ind metadata.</summary>
    [HttpGet("indikator/{pd}/{code}")]
    public async Task<IActionResult> Indicator(string pd, string code) =>
        await statistics.IndicatorAsync(pd, code) is { } indicator
            ? Ok(new { indicator = Summary(indicator), metadata = indicator.Metadata })
            : Problem(statusCode: 404, title: T["Indikator tidak ditemukan."]);

    /// <summary>Observations of one indicator (SDMX: the data of one dataflow), filtered and paged.</summary>
    [HttpGet("data/{pd}/{code}")]
    [Produces("application/json", "text/csv", SdmxJsonMessage.MediaType)]
    public async Task<IActionResult> Data(string pd, string code, [FromQuery] DataQuery query)
    {
        if (await statistics.IndicatorAsync(pd, code) is null) return Problem(statusCode: 404, title: T["Indikator tidak ditemukan."]);
        return await DataAsync(pd, code, query);
    }

    /// <summary>Every observation of the city (or of one PD), paged: follow <c>next</c> to read each exactly once.</summary>
    [HttpGet("data")]
    [Produces("application/json", "text/csv", SdmxJsonMessage.MediaType)]
    public Task<IActionResult> AllData(string? pd, [FromQuery] DataQuery query) => DataAsync(pd, null, query);

    private async Task<IActionResult> DataAsync(string? pd, string? code, DataQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.StartPeriod is not null && !StatPeriod.TryParse(query.StartPeriod, out _)) errors["startPeriod"] = [T["Periode tidak dikenali; tulis seperti 2025, 2025-S1, 2025-Q3 atau 2025-M07."]];
        if (query.EndPeriod is not null && !StatPeriod.TryParse(query.EndPeriod, out _)) errors["endPeriod"] = [T["Periode tidak dikenali; tulis seperti 2025, 2025-S1, 2025-Q3 atau 2025-M07."]];
        var areas = (query.Area ?? "").Split(['+', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (areas.FirstOrDefault(a => !AreaCodes.IsKnown(a)) is { } unknown) errors["area"] = [T["Kode wilayah \"{0}\" tidak dikenal.", unknown]];
        if (query.LastNObservations is < 1 or > 1000) errors["lastNObservations"] = [T["lastNObservations antara 1 dan 1000."]];
        if (query.PageSize is < 1 or > PublicStatistics.MaxPageSize) errors["pageSize"] = [T["pageSize antara 1 dan {0}.", PublicStatistics.MaxPageSize]];
        if (!ObservationCursor.TryDecode(query.Cursor, out var after)) errors["cursor"] = [T["Kursor halaman tidak valid; mulai lagi dari halaman pertama."]];
        var format = Negotiate(query.Format);
        if (format is null) errors["format"] = [T["Format yang tersedia: json, csv, sdmx-json."]];
        if (errors.Count > 0) return ValidationProblem(new ValidationProblemDetails(errors));

        // The ETag changes whenever anything in scope is accepted: a client polling with If-None-Match pays nothing.
        var version = await statistics.VersionAsync(pd, code);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{version}|{format}|{Request.Path}{Request.QueryString}")))[..32] + "\"";
        Response.Headers.ETag = etag;
        Response.Headers.CacheControl = "public, max-age=60";
        Response.Headers.Vary = "Accept";
        if (Request.Headers.IfNoneMatch.Any(v => v == etag || v == "*")) return StatusCode(StatusCodes.Status304NotModified);

        var pageSize = query.PageSize ?? DefaultPageSize;
        var rows = await statistics.ObservationsAsync(new ObservationQuery
        {
            Tenant = pd, Code = code, Areas = areas.Length > 0 ? areas : null, Disaggregation = query.Disaggregation,
            StartPeriod = query.StartPeriod is null ? null : Normal(query.StartPeriod), EndPeriod = query.EndPeriod is null ? null : Normal(query.EndPeriod),
            UpdatedAfter = query.UpdatedAfter, LastN = query.LastNObservations, After = after, Take = pageSize + 1,
        });
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? NextLink(ObservationCursor.Encode(page[^1].Key)) : null;
        if (next is not null) Response.Headers.Link = $"<{next}>; rel=\"next\"";

        return format switch
        {
            "csv" => File(TableFiles.Csv(StatisticsFiles.Columns, page.Select(o => new object?[] { o.Tenant, o.Code, o.Period, o.Area, AreaCodes.NameOf(o.Area), o.Disaggregation, o.Value, o.Status, null })),
                "text/csv; charset=utf-8"),
            "sdmx-json" => new JsonResult(SdmxJsonMessage.Build(page, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, next)) { ContentType = SdmxJsonMessage.MediaType },
            _ => Ok(new
            {
                count = page.Count,
                next,
                observations = page.Select(o => new
                {
                    pd = o.Tenant, indicator = o.Code, period = o.Period, area = o.Area, areaName = AreaCodes.NameOf(o.Area),
                    disaggregation = o.Disaggregation, value = o.Value, status = o.Status, updated = o.AcceptedUtc,
                }),
            }),
        };
    }

    /// <summary>format= wins; else the Accept header (SDMX-JSON, CSV, JSON); else JSON.</summary>
    private string? Negotiate(string? format)
    {
        if (!string.IsNullOrEmpty(format)) return format.ToLowerInvariant() is "json" or "csv" or "sdmx-json" ? format.ToLowerInvariant() : null;
        var accept = Request.Headers.Accept.ToString();
        if (accept.Contains(SdmxJsonMessage.MediaType, StringComparison.OrdinalIgnoreCase)) return "sdmx-json";
        if (accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)) return "csv";
        return "json";
    }

    private string NextLink(string cursor)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value).Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString(Request.PathBase + Request.Path, query.Append(new("cursor", cursor)));
    }

    private static string Normal(string period) => StatPeriod.TryParse(period, out var p) ? p.ToString() : period;

    private IndicatorSummary Summary(PublicIndicator i) => new(i.Tenant, registry.Find(i.Tenant)?.DisplayName ?? i.Tenant, i.Code, i.Title, i.PeriodicityCode,
        i.DataGroup, i.Category, i.EstimationLevel, i.Unit, i.LatestPeriod, i.LatestValue, i.AcceptedUtc);
}

/// <summary>SDMX REST's data query parameters, plus paging.</summary>
public sealed record DataQuery
{
    /// <summary>Area codes, "+"-separated (32.75+32.75.01).</summary>
    public string? Area { get; init; }
    public string? Disaggregation { get; init; }
    public string? StartPeriod { get; init; }
    public string? EndPeriod { get; init; }
    public int? LastNObservations { get; init; }
    public DateTimeOffset? UpdatedAfter { get; init; }
    public int? PageSize { get; init; }
    public string? Cursor { get; init; }

    /// <summary>json, csv or sdmx-json; without it the Accept header decides.</summary>
    public string? Format { get; init; }
}

public sealed record IndicatorSummary(string Pd, string PdName, string Code, string Title, string Periodicity, string DataGroup, string Category,
    string EstimationLevel, string Unit, string? LatestPeriod, double? LatestValue, DateTimeOffset Updated);

public sealed record IndicatorListResponse(int Page, int PageSize, bool HasMore, IReadOnlyList<IndicatorSummary> Indicators);
