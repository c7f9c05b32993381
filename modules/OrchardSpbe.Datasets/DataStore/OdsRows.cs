using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Datasets.DataStore;

/// <summary>
/// The first sheet of an OpenDocument spreadsheet (ODS, the open format of 001 Pasal 16), streamed from the package's
/// content.xml: a cell's typed value (office:value, date-value, boolean-value) or its text, with repeated cells and
/// rows expanded — except the trailing empties LibreOffice writes out to the sheet's edge (16,384 columns, a million rows).
/// </summary>
public static class OdsRows
{
    private const string MimeType = "application/vnd.oasis.opendocument.spreadsheet";
    private static readonly XNamespace Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const int MaxBlankRowsKept = 10_000;

    public static IEnumerable<string?[]> Read(string path, int maxColumns, IStringLocalizer<Strings> T)
    {
        ZipArchive package;
        try { package = ZipFile.OpenRead(path); }
        catch (InvalidDataException exception) { throw NotOds(T, exception.Message); }
        using (package)
        {
            if (package.GetEntry("mimetype") is not { } mime || new StreamReader(mime.Open()).ReadToEnd().Trim() != MimeType)
                throw NotOds(T, "mimetype");
            if (package.GetEntry("content.xml") is not { } content) throw NotOds(T, "content.xml");
            using var reader = XmlReader.Create(content.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false });
            int? width = null;
            long row = 0, blanks = 0;
            while (true)
            {
                XElement? element;
                try { element = NextRow(reader); }
                catch (XmlException exception) { throw NotOds(T, exception.Message); }
                if (element is null) yield break;
                var repeated = Math.Max(1, (long?)element.Attribute(Table + "number-rows-repeated") ?? 1);
                var cells = Cells(element, maxColumns, row + 1, T);
                if (cells.Count == 0)
                {
                    blanks += repeated;
                    row += repeated;
                    continue;
                }
                // Blank rows between data rows are kept (the reader skips them, row numbers stay right).
                for (var i = 0; i < Math.Min(blanks, MaxBlankRowsKept); i++) yield return [];
                blanks = 0;
                width ??= cells.Count;
                for (var r = 0; r < Math.Min(repeated, MaxBlankRowsKept); r++)
                {
                    row++;
                    if (cells.Count > width && cells.Skip(width.Value).Any(c => !string.IsNullOrWhiteSpace(c)))
                        throw new TabularFileException(row, T["Baris {0} memiliki nilai di luar kolom judul.", row]);
                    yield return [.. cells.Take(width.Value), .. Enumerable.Repeat<string?>(null, Math.Max(0, width.Value - cells.Count))];
                }
            }
        }
    }

    /// <summary>The next table:table-row of the first table, read whole; null after that table.</summary>
    private static XElement? NextRow(XmlReader reader)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "table" && reader.NamespaceURI == Table.NamespaceName) return null;
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "table-row" && reader.NamespaceURI == Table.NamespaceName)
                return (XElement)XNode.ReadFrom(reader);
            reader.Read();
        }
        return null;
    }

    /// <summary>The row's cells up to its last non-empty one.</summary>
    private static List<string?> Cells(XElement row, int maxColumns, long rowNumber, IStringLocalizer<Strings> T)
    {
        var cells = new List<string?>();
        var pendingBlanks = 0L;
        foreach (var cell in row.Elements().Where(e => e.Name == Table + "table-cell" || e.Name == Table + "covered-table-cell"))
        {
            var repeated = Math.Max(1, (long?)cell.Attribute(Table + "number-columns-repeated") ?? 1);
            var value = Value(cell);
            if (string.IsNullOrEmpty(value))
            {
                pendingBlanks += repeated;
                continue;
            }
            if (cells.Count + pendingBlanks + repeated > maxColumns)
                throw new TabularFileException(rowNumber, T["Baris {0} memiliki {1} kolom; paling banyak {2}.", rowNumber, cells.Count + pendingBlanks + repeated, maxColumns]);
            cells.AddRange(Enumerable.Repeat<string?>(null, (int)pendingBlanks));
            pendingBlanks = 0;
            cells.AddRange(Enumerable.Repeat<string?>(value, (int)repeated));
        }
        return cells;
    }

    private static string? Value(XElement cell) => (string?)cell.Attribute(Office + "value-type") switch
    {
        "float" or "percentage" or "currency" => (string?)cell.Attribute(Office + "value"),
        "date" => (string?)cell.Attribute(Office + "date-value"),
        "time" => (string?)cell.Attribute(Office + "time-value"),
        "boolean" => (string?)cell.Attribute(Office + "boolean-value"),
        _ => string.Join("\n", cell.Elements(Text + "p").Select(ParagraphText)) is { Length: > 0 } text ? text : null,
    };

    // text:s is a run of spaces, text:tab a tab, text:line-break a new line; spans and links carry their text.
    private static string ParagraphText(XElement paragraph) => string.Concat(paragraph.Nodes().Select(node => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "s" } space => new string(' ', (int?)space.Attribute(Text + "c") ?? 1),
        XElement { Name.LocalName: "tab" } => "\t",
        XElement { Name.LocalName: "line-break" } => "\n",
        XElement element => ParagraphText(element),
        _ => "",
    }));

    private static TabularFileException NotOds(IStringLocalizer<Strings> T, string detail) =>
        new(0, T["Berkas bukan ODS yang sah: {0}", detail]);
}
