using System.Globalization;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Reference;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Observations;
using OrchardSpbe.Statistics.Periods;

namespace OrchardSpbe.Statistics.Import;

/// <summary>
/// Checks each row of a file against its indicator: period in the indicator's periodicity and not in the future,
/// an official area code, an offered disaggregation, a number written with the chosen decimal separator, a known
/// status, no row twice. Each problem names its row and column; nothing is written from a file with any.
/// </summary>
public sealed class ImportValidator
{
    private readonly IndicatorRow _indicator;
    private readonly ImportOptions _options;
    private readonly IStringLocalizer<Strings> T;
    private readonly StatPeriod _current;
    private readonly HashSet<string> _disaggregations;
    // Rows seen, as one number each (period, area and disaggregation numbered): a million rows cost megabytes, not hundreds.
    private readonly HashSet<long> _seen = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public ImportValidator(IndicatorRow indicator, ImportOptions options, DateTimeOffset now, IStringLocalizer<Strings> localizer)
    {
        _indicator = indicator;
        _options = options;
        T = localizer;
        _current = StatPeriod.Containing(now, indicator.Periodicity);
        _disaggregations = new HashSet<string>(indicator.Disaggregations, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The row as a value to write, or null with its errors added.</summary>
    public ObservationInput? Check(ImportRow row, ICollection<ImportError> errors)
    {
        var before = errors.Count;
        var periodText = Cell(row, ImportColumns.Period);
        var area = Cell(row, ImportColumns.Area);
        var disaggregation = Cell(row, ImportColumns.Disaggregation);
        var valueText = Cell(row, ImportColumns.Value);
        var status = Cell(row, ImportColumns.Status).ToLowerInvariant();
        var note = Cell(row, ImportColumns.Note);

        string period = "";
        if (periodText.Length == 0) errors.Add(new(row.Row, ImportColumns.Period, T["Periode kosong."]));
        else if (!StatPeriod.TryParse(periodText, out var parsed))
            errors.Add(new(row.Row, ImportColumns.Period, T["Periode \"{0}\" tidak dikenali; tulis seperti 2025, 2025-S1, 2025-Q3 atau 2025-M07.", periodText]));
        else if (parsed.Periodicity != _indicator.Periodicity)
            errors.Add(new(row.Row, ImportColumns.Period, T["Periode \"{0}\" tidak sesuai periodisitas indikator ({1}).", periodText, _indicator.Periodicity.Label()]));
        else if (parsed.CompareTo(_current) > 0)
            errors.Add(new(row.Row, ImportColumns.Period, T["Periode {0} belum tiba.", parsed.Label]));
        else period = parsed.ToString();

        if (area.Length == 0) errors.Add(new(row.Row, ImportColumns.Area, T["Kode wilayah kosong."]));
        else if (!AreaCodes.IsKnown(area)) errors.Add(new(row.Row, ImportColumns.Area, T["Kode wilayah \"{0}\" tidak dikenal (Kepmendagri 300.2.2-2430/2025, mis. 32.75 atau 32.75.01).", area]));

        if (disaggregation.Length > 0 && !_disaggregations.Contains(disaggregation))
            errors.Add(new(row.Row, ImportColumns.Disaggregation, _disaggregations.Count == 0
                ? T["Indikator ini tidak memiliki disagregasi; kosongkan kolom ini."]
                : T["Disagregasi \"{0}\" tidak ada pada indikator ({1}).", disaggregation, string.Join(", ", _indicator.Disaggregations)]));
        else if (disaggregation.Length > 0) disaggregation = _indicator.Disaggregations.First(d => string.Equals(d, disaggregation, StringComparison.OrdinalIgnoreCase));

        double value = 0;
        if (valueText.Length == 0) errors.Add(new(row.Row, ImportColumns.Value, T["Nilai kosong."]));
        else if (!TryNumber(valueText, out value, out var wrongSeparator))
            errors.Add(new(row.Row, ImportColumns.Value, wrongSeparator
                ? T["Nilai \"{0}\" memakai pemisah desimal yang lain dari pilihan unggahan ({1}).", valueText, _options.DecimalSeparator == ',' ? T["koma"] : T["titik"]]
                : T["Nilai \"{0}\" bukan angka.", valueText]));

        if (status.Length == 0) status = ObservationStatus.Tetap;
        else if (!ObservationStatus.All.Contains(status))
            errors.Add(new(row.Row, ImportColumns.Status, T["Status \"{0}\" tidak dikenal; pilih sementara, tetap atau revisi.", status]));
        if (note.Length > 500) errors.Add(new(row.Row, ImportColumns.Note, T["Catatan paling banyak 500 karakter."]));

        if (errors.Count > before) return null;
        if (!_seen.Add(((long)IdOf(period) << 40) | ((long)IdOf(area) << 20) | (uint)IdOf(disaggregation)))
        {
            errors.Add(new(row.Row, null, T["Baris ganda: periode {0}, wilayah {1}{2} sudah ada di baris sebelumnya.", period, area, disaggregation.Length > 0 ? ", " + disaggregation : ""]));
            return null;
        }
        return new ObservationInput(period, area, disaggregation, Math.Round(value, _indicator.Decimals, MidpointRounding.AwayFromZero), status, note.Length == 0 ? null : note);
    }

    /// <summary>
    /// A plain number with the chosen decimal separator: "1234.5" (titik) or "1234,5" (koma); no grouping marks, no
    /// exponent. A comma where a point was chosen (or the reverse) is reported as such, not read as thousands.
    /// </summary>
    private bool TryNumber(string text, out double value, out bool wrongSeparator)
    {
        var other = _options.DecimalSeparator == '.' ? ',' : '.';
        wrongSeparator = text.Contains(other);
        value = 0;
        if (wrongSeparator) return false;
        var normal = _options.DecimalSeparator == ',' ? text.Replace(',', '.') : text;
        return double.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value) && Math.Abs(value) < 1e15;
    }

    private int IdOf(string text)
    {
        if (!_ids.TryGetValue(text, out var id)) _ids[text] = id = _ids.Count;
        return id;
    }

    private static string Cell(ImportRow row, string column) => row.Cells.TryGetValue(column, out var value) ? value?.Trim() ?? "" : "";
}
