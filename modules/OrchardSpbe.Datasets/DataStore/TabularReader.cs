using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Datasets.DataStore;

/// <summary>A file the DataStore cannot take, with the row (1: the header) and the reason in the UI language.</summary>
public sealed class TabularFileException(long row, string message) : Exception(message)
{
    public long Row { get; } = row;
}

/// <summary>
/// Streams a CSV (CsvHelper; delimiter detected; strict UTF-8, so a file of mixed encodings is refused at the first
/// foreign row), the first sheet of an XLSX (MiniExcel) or an ODS (<see cref="OdsRows"/>), or the records of a JSON
/// or XML file (<see cref="JsonRecords"/>, <see cref="XmlRecords"/>): the header, then each row as strings. A ragged row, an
/// empty or repeated column name, or more than <see cref="MaxColumns"/> columns is refused with its row number.
/// </summary>
public sealed class TabularReader(IStringLocalizer<Strings> T)
{
    public const int MaxColumns = 1000;

    public static bool IsTabular(string format) => format is "CSV" or "XLSX" or "ODS" or "JSON" or "XML";

    /// <summary>
    /// A spreadsheet is a table by definition, so a bad one is refused. A JSON or XML file may be something else
    /// (a schema, a map): it is kept as a file, and the reason it has no DataStore table is shown instead.
    /// </summary>
    public static bool MayHoldOtherThanTable(string format) => format is "JSON" or "XML";

    public (string[] Header, IEnumerable<string?[]> Rows) Open(string path, string format)
    {
        if (new FileInfo(path).Length == 0) throw new TabularFileException(0, T["Berkas kosong."]);
        var rows = format switch
        {
            "XLSX" => ReadXlsx(path),
            "ODS" => OdsRows.Read(path, MaxColumns, T),
            "JSON" => JsonRecords.Read(path, T),
            "XML" => XmlRecords.Read(path, T),
            _ => ReadCsv(path),
        };
        var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext()) throw new TabularFileException(0, T["Berkas kosong."]);
        var header = CheckHeader(enumerator.Current);
        return (header, Remaining(enumerator, header.Length));
    }

    private string[] CheckHeader(string?[] cells)
    {
        if (cells.Length > MaxColumns) throw new TabularFileException(1, T["Baris judul memiliki {0} kolom; paling banyak {1}.", cells.Length, MaxColumns]);
        var header = cells.Select(c => (c ?? "").Trim()).ToArray();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0) throw new TabularFileException(1, T["Kolom ke-{0} tidak bernama.", i + 1]);
            if (header[i].Length > 100) throw new TabularFileException(1, T["Nama kolom ke-{0} lebih dari 100 karakter.", i + 1]);
            if (header[i].StartsWith('_')) throw new TabularFileException(1, T["Nama kolom \"{0}\" tidak boleh diawali garis bawah.", header[i]]);
            var first = Array.FindIndex(header, h => string.Equals(h, header[i], StringComparison.OrdinalIgnoreCase));
            if (first < i) throw new TabularFileException(1, T["Nama kolom \"{0}\" dipakai dua kali (kolom {1} dan {2}).", header[i], first + 1, i + 1]);
        }
        return header;
    }

    private IEnumerable<string?[]> Remaining(IEnumerator<string?[]> rows, int width)
    {
        using (rows)
        {
            long row = 1;
            while (rows.MoveNext())
            {
                row++;
                var cells = rows.Current;
                if (cells.All(string.IsNullOrWhiteSpace)) continue; // a blank line
                if (cells.Length != width)
                    throw new TabularFileException(row, T["Baris {0} memiliki {1} kolom, sedangkan judul memiliki {2}.", row, cells.Length, width]);
                yield return cells;
            }
        }
    }

    private IEnumerable<string?[]> ReadCsv(string path)
    {
        using var stream = File.OpenRead(path);
        // Invalid bytes become U+FFFD, found in their row below: a file of mixed encodings is refused at the first foreign row.
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            MaxFieldSize = 100_000,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvParser(text, config);
        long row = 0;
        while (true)
        {
            bool more;
            try { more = csv.Read(); }
            catch (CsvHelperException exception) { throw new TabularFileException(row + 1, T["Baris {0} tidak dapat dibaca: {1}", row + 1, exception.Message]); }
            if (!more) yield break;
            row++;
            if (csv.Count > MaxColumns) throw new TabularFileException(row, T["Baris {0} memiliki {1} kolom; paling banyak {2}.", row, csv.Count, MaxColumns]);
            var record = csv.Record ?? [];
            if (record.Any(cell => cell.Contains('\uFFFD'))) throw new TabularFileException(row, T["Baris {0} bukan teks UTF-8 yang sah; simpan berkas sebagai CSV UTF-8.", row]);
            yield return record;
        }
    }

    private IEnumerable<string?[]> ReadXlsx(string path)
    {
        IEnumerator<IDictionary<string, object?>> rows;
        try { rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator(); }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or IOException)
        {
            throw new TabularFileException(0, T["Berkas bukan XLSX yang sah: {0}", exception.Message]);
        }
        using (rows)
        {
            string[]? letters = null;
            long row = 0;
            while (true)
            {
                try { if (!rows.MoveNext()) yield break; }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    throw new TabularFileException(row + 1, T["Baris {0} tidak dapat dibaca: {1}", row + 1, exception.Message]);
                }
                row++;
                var record = rows.Current;
                if (letters is null)
                {
                    if (record.Count > MaxColumns) throw new TabularFileException(1, T["Baris judul memiliki {0} kolom; paling banyak {1}.", record.Count, MaxColumns]);
                    letters = record.Where(c => !string.IsNullOrWhiteSpace(Text(c.Value))).Select(c => c.Key).ToArray();
                }
                else if (record.Where(c => !letters.Contains(c.Key)).Any(c => !string.IsNullOrWhiteSpace(Text(c.Value))))
                    throw new TabularFileException(row, T["Baris {0} memiliki nilai di luar kolom judul.", row]);
                yield return letters.Select(l => Text(record.TryGetValue(l, out var value) ? value : null)).ToArray();
            }
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("s", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
