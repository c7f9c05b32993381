using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace OrchardSpbe.Statistics.Public;

/// <summary>A table as a CSV (CsvHelper, UTF-8 with BOM so spreadsheet programs read it right) or an XLSX (MiniExcel).</summary>
public static class TableFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in columns) csv.WriteField(column);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell is double d ? d.ToString("R", CultureInfo.InvariantCulture) : cell);
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Xlsx(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++) record[columns[i]] = row[i];
            return record;
        });
        buffer.SaveAs(records, sheetName: "data");
        return buffer.ToArray();
    }
}
