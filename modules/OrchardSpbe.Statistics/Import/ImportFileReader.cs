using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Statistics.Import;

/// <summary>
/// Streams the rows of an uploaded CSV (CsvHelper; delimiter detected, UTF-8 with or without BOM, UTF-16 by its BOM)
/// or XLSX (MiniExcel, first sheet) — never the whole file in memory. What cannot be read at all (empty, not UTF-8,
/// too many columns, formulas, merged cells, hidden sheets) becomes an <see cref="ImportFileException"/> that says
/// where and why.
/// </summary>
public sealed class ImportFileReader(IStringLocalizer<Strings> T)
{
    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsSupported(string fileName) => IsXlsx(fileName) || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's rows; <paramref name="progress"/> gets the share read so far (0–1).</summary>
    public IEnumerable<ImportRow> Read(string path, string fileName, Action<double>? progress = null)
    {
        if (new FileInfo(path).Length == 0) throw new ImportFileException(new ImportError(0, null, T["Berkas kosong."]));
        return IsXlsx(fileName) ? ReadXlsx(path, progress) : ReadCsv(path, progress);
    }

    private IEnumerable<ImportRow> ReadCsv(string path, Action<double>? progress)
    {
        using var stream = File.OpenRead(path);
        var length = (double)stream.Length;
        // Strict UTF-8: a Windows-1252 file (é as one byte) is refused with its row, not read as garbage.
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            MaxFieldSize = 10_000,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(text, config);
        string[] columns;
        try
        {
            if (!csv.Read()) throw new ImportFileException(new ImportError(0, null, T["Berkas kosong."]));
            if (csv.Parser.Count > ImportColumns.MaxColumns)
                throw new ImportFileException(new ImportError(1, null, T["Baris judul memiliki {0} kolom; paling banyak {1}.", csv.Parser.Count, ImportColumns.MaxColumns]));
            csv.ReadHeader();
            columns = Header(csv.HeaderRecord ?? []);
        }
        catch (DecoderFallbackException) { throw NotUtf8(1); }
        catch (CsvHelperException exception) { throw Unreadable(1, exception); }

        long row = 1;
        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
                if (more && csv.Parser.Count > ImportColumns.MaxColumns)
                    throw new ImportFileException(new ImportError(row + 1, null, T["Baris memiliki {0} kolom; paling banyak {1}.", csv.Parser.Count, ImportColumns.MaxColumns]));
            }
            catch (DecoderFallbackException) { throw NotUtf8(row + 1); }
            catch (CsvHelperException exception) { throw Unreadable(row + 1, exception); }
            if (!more) break;
            row++;
            var cells = new Dictionary<string, string?>(columns.Length);
            for (var i = 0; i < columns.Length; i++) cells[columns[i]] = i < csv.Parser.Count ? csv.Parser[i] : null;
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue; // a blank line
            if (row % 4096 == 0) progress?.Invoke(stream.Position / length);
            yield return new ImportRow(row, cells);
        }
        progress?.Invoke(1);
    }

    private IEnumerable<ImportRow> ReadXlsx(string path, Action<double>? progress)
    {
        var dimension = CheckWorkbook(path);
        IEnumerable<IDictionary<string, object?>> sheet;
        try
        {
            sheet = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>();
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or IOException)
        {
            throw new ImportFileException(new ImportError(0, null, T["Berkas bukan XLSX yang sah: {0}", exception.Message]));
        }
        string[]? columns = null;
        string[]? letters = null;
        long row = 0;
        using var rows = sheet.GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext()) break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // MiniExcel reports a damaged package in many ways; to the officer each is an unreadable row.
                throw new ImportFileException(new ImportError(row + 1, null, T["Baris tidak dapat dibaca: {0}", exception.Message]));
            }
            row++;
            var record = rows.Current;
            if (columns is null)
            {
                if (record.Count > ImportColumns.MaxColumns)
                    throw new ImportFileException(new ImportError(1, null, T["Baris judul memiliki {0} kolom; paling banyak {1}.", record.Count, ImportColumns.MaxColumns]));
                letters = record.Where(c => !string.IsNullOrWhiteSpace(Convert.ToString(c.Value, CultureInfo.InvariantCulture))).Select(c => c.Key).ToArray();
                columns = Header(letters.Select(l => Convert.ToString(record[l], CultureInfo.InvariantCulture) ?? "").ToArray());
                continue;
            }
            var cells = new Dictionary<string, string?>(columns.Length);
            for (var i = 0; i < columns.Length; i++) cells[columns[i]] = CellText(record.TryGetValue(letters![i], out var value) ? value : null);
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            if (row % 4096 == 0 && dimension > 0) progress?.Invoke(Math.Min(1, row / (double)dimension));
            yield return new ImportRow(row, cells);
        }
        if (columns is null) throw new ImportFileException(new ImportError(0, null, T["Berkas kosong."]));
        progress?.Invoke(1);
    }

    /// <summary>Refuses what MiniExcel would read silently but the officer would not expect; returns the sheet's row count.</summary>
    private long CheckWorkbook(string path)
    {
        try
        {
            return ScanWorkbook(path);
        }
        catch (Exception exception) when (exception is XmlException or InvalidDataException)
        {
            throw new ImportFileException(new ImportError(0, null, T["Berkas bukan XLSX yang sah: {0}", exception.Message]));
        }
    }

    private long ScanWorkbook(string path)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException) { throw new ImportFileException(new ImportError(0, null, T["Berkas bukan XLSX yang sah."])); }
        using (zip)
        {
            var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new ImportFileException(new ImportError(0, null, T["Berkas bukan XLSX yang sah."]));
            using (var reader = XmlReader.Create(workbook.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
                while (reader.Read())
                    if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" } && reader.GetAttribute("state") is "hidden" or "veryHidden")
                        throw new ImportFileException(new ImportError(0, null, T["Lembar \"{0}\" tersembunyi: tampilkan atau hapus lembar tersembunyi, lalu unggah lagi.", reader.GetAttribute("name") ?? ""]));
            var sheet = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                            .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault()
                        ?? throw new ImportFileException(new ImportError(0, null, T["Berkas XLSX tidak memiliki lembar."]));
            long rows = 0;
            string? cell = null;
            using var xml = XmlReader.Create(sheet.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                switch (xml.LocalName)
                {
                    case "dimension" when xml.GetAttribute("ref") is { } reference:
                        rows = RowOf(reference.Split(':')[^1]);
                        break;
                    case "c":
                        cell = xml.GetAttribute("r");
                        break;
                    case "f":
                        throw new ImportFileException(new ImportError(cell is null ? 0 : RowOf(cell), cell,
                            T["Sel {0} berisi rumus: salin lalu tempel sebagai nilai sebelum mengunggah.", cell ?? "?"]));
                    case "mergeCell":
                        var merged = xml.GetAttribute("ref") ?? "?";
                        throw new ImportFileException(new ImportError(RowOf(merged.Split(':')[0]), merged,
                            T["Sel {0} digabung: pisahkan sel gabungan sebelum mengunggah.", merged]));
                }
            }
            return rows;
        }
    }

    private static long RowOf(string cell) => long.TryParse(new string(cell.SkipWhile(char.IsLetter).ToArray()), out var row) ? row : 0;

    private static string? CellText(object? value) => value switch
    {
        null => null,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim(),
    };

    private string[] Header(IReadOnlyList<string> headers)
    {
        var columns = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
            columns[i] = ImportColumns.Canonical(headers[i])
                         ?? throw new ImportFileException(new ImportError(1, headers[i], T["Kolom \"{0}\" tidak dikenal. Kolom yang dipakai: {1}.", headers[i], string.Join(", ", ImportColumns.All)]));
        foreach (var duplicate in columns.GroupBy(c => c).Where(g => g.Count() > 1))
            throw new ImportFileException(new ImportError(1, duplicate.Key, T["Kolom \"{0}\" muncul lebih dari sekali.", duplicate.Key]));
        foreach (var required in ImportColumns.Required.Where(r => !columns.Contains(r)))
            throw new ImportFileException(new ImportError(1, required, T["Kolom \"{0}\" wajib ada.", required]));
        return columns;
    }

    private ImportFileException NotUtf8(long row) =>
        new(new ImportError(row, null, T["Berkas bukan UTF-8 (mungkin Windows-1252 atau ANSI). Simpan ulang sebagai \"CSV UTF-8\", lalu unggah lagi."]));

    private ImportFileException Unreadable(long row, Exception exception) =>
        new(new ImportError(row, null, T["Baris tidak dapat dibaca sebagai CSV: {0}", exception.Message.Split('\n')[0]]));
}

/// <summary>The file as a whole cannot be read; nothing was written.</summary>
public sealed class ImportFileException(ImportError error) : Exception(error.Message)
{
    public ImportError Error { get; } = error;
}
