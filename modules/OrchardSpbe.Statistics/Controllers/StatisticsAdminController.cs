using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Reference;
using OrchardSpbe.Security;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Observations;
using OrchardSpbe.Statistics.Periods;
using OrchardSpbe.Statistics.Submissions;
using OrchardSpbe.Statistics.ViewModels;

namespace OrchardSpbe.Statistics.Controllers;

/// <summary>
/// A PD's statistics in its admin, for the data officer (Petugas Data): the indicators, the grid of values per
/// period and area, each value's revisions. Indicators themselves are edited as content (drafts, versions, approval).
/// </summary>
[Area("Statistics")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageStatistics")]
[Route("admin/statistik")]
public sealed class StatisticsAdminController(
    IndicatorDirectory indicators,
    ObservationStore observations,
    SubmissionService submissions,
    TimeProvider clock,
    IStringLocalizer<Strings> T) : Controller
{
    private const int MaxGridCells = 5000;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var list = await indicators.ListAsync();
        var counts = new Dictionary<string, long>();
        foreach (var indicator in list) counts[indicator.ContentItemId] = await observations.CountAsync(indicator.ContentItemId);
        return View(new IndicatorListViewModel(list, counts, await submissions.PendingCountAsync()));
    }

    [HttpGet("indikator/{id}")]
    public async Task<IActionResult> Grid(string id, int? year = null, string? disaggregation = null, string? kecamatan = null)
    {
        if (await indicators.FindAsync(id) is not { } indicator) return NotFound();
        return View(await GridModelAsync(indicator, year, disaggregation, kecamatan, new Dictionary<string, string>(), null));
    }

    /// <summary>
    /// Saves the grid: each cell "v:{period}|{area}" (empty cells are left alone). Every cell is checked first; with
    /// any error nothing is written and the form comes back with the officer's input and a message per cell.
    /// </summary>
    [HttpPost("indikator/{id}")]
    public async Task<IActionResult> SaveGrid(string id, int? year, string? disaggregation, string? kecamatan, string? status)
    {
        if (await indicators.FindAsync(id) is not { } indicator) return NotFound();
        var model = await GridModelAsync(indicator, year, disaggregation, kecamatan, new Dictionary<string, string>(), null);
        status = string.IsNullOrEmpty(status) ? ObservationStatus.Tetap : status;
        var errors = new Dictionary<string, string>();
        if (!ObservationStatus.All.Contains(status)) errors["status"] = T["Pilih status: sementara, tetap atau revisi."];
        var posted = new Dictionary<string, string>();
        var inputs = new List<ObservationInput>();
        var allowedPeriods = model.Periods.Select(p => p.ToString()).ToHashSet();
        var allowedAreas = model.Areas.Select(a => a.Code).ToHashSet();
        var current = StatPeriod.Containing(clock.GetUtcNow(), indicator.Periodicity);
        foreach (var (key, raw) in Request.Form.Where(f => f.Key.StartsWith("v:", StringComparison.Ordinal)).Take(MaxGridCells + 1))
        {
            var text = raw.ToString().Trim();
            var parts = key[2..].Split('|');
            if (parts.Length != 2 || !allowedPeriods.Contains(parts[0]) || !allowedAreas.Contains(parts[1])) continue;
            posted[key] = text;
            if (text.Length == 0) continue;
            StatPeriod.TryParse(parts[0], out var period);
            if (period.CompareTo(current) > 0) { errors[key] = T["Periode {0} belum tiba.", period.Label]; continue; }
            if (!double.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value) || Math.Abs(value) >= 1e15)
            {
                errors[key] = T["\"{0}\" bukan angka.", text];
                continue;
            }
            value = Math.Round(value, indicator.Decimals, MidpointRounding.AwayFromZero);
            var existing = model.Values.GetValueOrDefault((parts[0], parts[1]));
            // Unchanged cells keep their own status and note.
            if (existing is not null && existing.Value == value) continue;
            inputs.Add(new ObservationInput(parts[0], parts[1], model.Disaggregation, value, status, null));
        }
        if (errors.Count > 0)
            return View("Grid", await GridModelAsync(indicator, year, disaggregation, kecamatan, errors, posted));
        var changed = await observations.WriteAsync(indicator.ContentItemId, inputs, User.Identity!.Name, "isian tabel");
        TempData["Message"] = T["{0} nilai disimpan.", changed].Value;
        return RedirectToAction(nameof(Grid), new
        {
            id, year = model.Year, disaggregation = model.Disaggregation.Length > 0 ? model.Disaggregation : null, kecamatan = model.Kecamatan?.Code,
        });
    }

    [HttpGet("indikator/{id}/riwayat")]
    public async Task<IActionResult> Revisions(string id, string period, string area, string? disaggregation = null)
    {
        if (await indicators.FindAsync(id) is not { } indicator) return NotFound();
        var revisions = await observations.RevisionsAsync(id, period ?? "", area ?? "", disaggregation ?? "");
        return View(new RevisionsViewModel(indicator, period ?? "", area ?? "", disaggregation ?? "", revisions));
    }

    private async Task<GridViewModel> GridModelAsync(IndicatorRow indicator, int? year, string? disaggregation, string? kecamatan,
        IReadOnlyDictionary<string, string> errors, IReadOnlyDictionary<string, string>? posted)
    {
        var now = clock.GetUtcNow();
        var thisYear = StatPeriod.Containing(now, Periodicity.Tahunan).Year;
        // Monthly, quarterly and half-yearly values are entered a year at a time; yearly ones ten years at a time.
        var span = indicator.Periodicity == Periodicity.Tahunan ? 10 : 1;
        var selected = Math.Clamp(year ?? thisYear, 1990, thisYear);
        var periods = new List<StatPeriod>();
        for (var y = selected - span + 1; y <= selected; y++)
            for (var n = 1; n <= indicator.Periodicity.PerYear(); n++) periods.Add(new StatPeriod(y, indicator.Periodicity, n));
        var offered = indicator.Disaggregations;
        var chosen = offered.FirstOrDefault(d => string.Equals(d, disaggregation, StringComparison.OrdinalIgnoreCase)) ?? "";
        var level = await indicators.EstimationLevelAsync(indicator.ContentItemId);
        var (areas, chosenKecamatan) = GridAreas(level, kecamatan);
        var rows = await observations.ListAsync(indicator.ContentItemId, periods[0].ToString(), periods[^1].ToString());
        var values = rows.Where(r => r.Disaggregation == chosen).ToDictionary(r => (r.Period, r.Area));
        var years = Enumerable.Range(0, 12).Select(i => thisYear - i * span).ToList();
        return new GridViewModel(indicator, periods, areas, chosen, values, selected, years, errors, posted, level, chosenKecamatan);
    }

    /// <summary>
    /// The columns for an indicator's level of estimates: the city alone; the city and its 12 kecamatan; or, for a
    /// kelurahan-level indicator, those or one kecamatan with its kelurahan (56 columns at once would not fit a screen).
    /// </summary>
    private static (IReadOnlyList<Area> Areas, Area? Kecamatan) GridAreas(string level, string? kecamatan)
    {
        if (level == "kota") return ([AreaCodes.City], null);
        var chosen = level == "kelurahan" && AreaCodes.Find(kecamatan) is { Level: AreaLevel.Kecamatan } k ? k : null;
        if (chosen is null) return ([AreaCodes.City, .. AreaCodes.Kecamatan], null);
        return ([chosen, .. AreaCodes.All.Where(a => a.KecamatanCode == chosen.Code)], chosen);
    }
}
