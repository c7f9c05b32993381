using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content.Editing;
using OrchardSpbe.Data;
using OrchardSpbe.Reference;
using OrchardSpbe.Statistics.Periods;

namespace OrchardSpbe.Statistics.Indicators;

/// <summary>The MS-Ind metadata form of an indicator; refuses what BPS's standard or the city's lists do not allow.</summary>
public sealed class IndicatorPartEditor : IContentEditor
{
    public string Name => IndicatorPart.Name;

    public string View => "~/Areas/Statistics/Views/Shared/Editors/IndicatorPart.cshtml";

    public async Task UpdateAsync(EditorContext context)
    {
        var T = context.T;
        var part = new IndicatorPart
        {
            Code = (context.Value("Code") ?? "").ToUpperInvariant(),
            NationalCode = Optional(context.Value("NationalCode")),
            Category = context.Value("Category") ?? "",
            DataGroup = context.Value("DataGroup") ?? "",
            Concept = context.Value("Concept") ?? "",
            Definition = context.Value("Definition") ?? "",
            Interpretation = Optional(context.Value("Interpretation")),
            Method = context.Value("Method") ?? "",
            Measure = Optional(context.Value("Measure")),
            Unit = context.Value("Unit") ?? "",
            PresentationClassification = Optional(context.Value("PresentationClassification")),
            IsComposite = context.Values("IsComposite").Contains("true"),
            EstimationLevel = context.Value("EstimationLevel") ?? "",
            PubliclyAccessible = context.Values("PubliclyAccessible").Contains("true") || context.Form?.ContainsKey(context.NameOf("PubliclyAccessible")) != true,
            DisaggregationName = Optional(context.Value("DisaggregationName")),
            Disaggregations = Lines(context.Value("Disaggregations")).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Tags = (context.Value("Tags") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList(),
        };

        if (part.Code.Length == 0) context.Error("Code", T["Kode indikator wajib diisi."]);
        else if (part.Code.Length > 40 || !part.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            context.Error("Code", T["Kode indikator hanya boleh huruf, angka, titik, tanda hubung dan garis bawah (paling banyak 40)."]);
        else if (await CodeTakenAsync(context, part.Code))
            context.Error("Code", T["Kode {0} sudah dipakai indikator lain di situs ini.", part.Code]);
        if (part.NationalCode is { Length: > 40 }) context.Error("NationalCode", T["Kode standar data paling banyak 40 karakter."]);
        if (!IndicatorCategories.All.Contains(part.Category)) context.Error("Category", T["Pilih kategori statistik."]);
        if (DataGroups.Find(part.DataGroup) is null) context.Error("DataGroup", T["Pilih kelompok data."]);
        if (Periodicities.TryParse(context.Value("Periodicity"), out var periodicity)) part.Periodicity = periodicity;
        else context.Error("Periodicity", T["Pilih periodisitas."]);
        if (EstimationLevels.All.All(l => l.Code != part.EstimationLevel)) context.Error("EstimationLevel", T["Pilih level estimasi."]);
        Require(context, "Concept", part.Concept, T["Konsep wajib diisi."]);
        Require(context, "Definition", part.Definition, T["Definisi wajib diisi."]);
        Require(context, "Method", part.Method, T["Metode atau rumus penghitungan wajib diisi."]);
        Require(context, "Unit", part.Unit, T["Satuan wajib diisi."]);
        foreach (var (key, value) in new[] { ("Concept", part.Concept), ("Definition", part.Definition), ("Interpretation", part.Interpretation), ("Method", part.Method) })
            if (value is { Length: > 4000 }) context.Error(key, T["Paling banyak 4.000 karakter."]);
        foreach (var (key, value) in new[] { ("Unit", part.Unit), ("Measure", part.Measure), ("PresentationClassification", part.PresentationClassification), ("DisaggregationName", part.DisaggregationName) })
            if (value is { Length: > 200 }) context.Error(key, T["Paling banyak 200 karakter."]);
        if (!int.TryParse(context.Value("Decimals") ?? "0", NumberStyles.None, CultureInfo.InvariantCulture, out var decimals) || decimals > 6)
            context.Error("Decimals", T["Jumlah desimal 0 sampai 6."]);
        else part.Decimals = decimals;
        if (part.Disaggregations.Count > 50 || part.Disaggregations.Any(d => d.Length > 100))
            context.Error("Disaggregations", T["Paling banyak 50 nilai disagregasi, masing-masing 100 karakter."]);
        if (part.Tags.Count > 20 || part.Tags.Any(t => t.Length > 50)) context.Error("Tags", T["Paling banyak 20 tag, masing-masing 50 karakter."]);

        // "publikasi | nama" and "kegiatan | kode | nama", one per line (MS-Ind 10–15).
        foreach (var line in Lines(context.Value("BuildingIndicators")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length != 2 || cells.Any(c => c.Length == 0 || c.Length > 200)) { context.Error("BuildingIndicators", T["Tulis satu indikator pembangun per baris: publikasi | nama."]); break; }
            part.BuildingIndicators.Add(new BuildingIndicator(cells[0], cells[1]));
        }
        foreach (var line in Lines(context.Value("BuildingVariables")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length != 3 || cells.Any(c => c.Length == 0 || c.Length > 200)) { context.Error("BuildingVariables", T["Tulis satu variabel pembangun per baris: kegiatan | kode kegiatan | nama."]); break; }
            part.BuildingVariables.Add(new BuildingVariable(cells[0], cells[1], cells[2]));
        }
        if (part.IsComposite && part.BuildingIndicators.Count == 0 && part.BuildingVariables.Count == 0)
            context.Error("BuildingIndicators", T["Indikator komposit memerlukan indikator atau variabel pembangun."]);
        context.Item.Apply(IndicatorPart.Name, part);
    }

    private static async Task<bool> CodeTakenAsync(EditorContext context, string code)
    {
        var session = context.Services.GetRequiredService<TenantSession>();
        return await session.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM stat_indicators WHERE code = @code AND content_item_id <> @id",
            new { code, id = context.Item.ContentItemId }) > 0;
    }

    private static void Require(EditorContext context, string key, string value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) context.Error(key, message);
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
