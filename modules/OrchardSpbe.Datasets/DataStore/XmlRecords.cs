using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Datasets.DataStore;

/// <summary>
/// An XML resource as a table (001 Pasal 16): the root's child elements are the records, streamed one at a time;
/// each record's attributes and child elements are its fields (a child with children of its own is kept as its XML).
/// The first record sets the header. DTDs and external entities are refused outright (no XXE).
/// </summary>
public static class XmlRecords
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static IEnumerable<string?[]> Read(string path, IStringLocalizer<Strings> T)
    {
        using var reader = XmlReader.Create(path, Settings);
        string[]? header = null;
        long index = 0;
        while (true)
        {
            XElement? record;
            try { record = NextRecord(reader); }
            catch (XmlException exception) { throw new TabularFileException(exception.LineNumber, T["Berkas XML tidak sah (baris {0}): {1}", exception.LineNumber, exception.Message]); }
            if (record is null)
            {
                if (header is null) throw NotRecords(T);
                yield break;
            }
            index++;
            var fields = Fields(record).ToList();
            if (header is null)
            {
                if (fields.Count == 0) throw NotRecords(T);
                header = fields.Select(f => f.Name).ToArray();
                yield return header;
            }
            var cells = new string?[header.Length];
            foreach (var (name, value) in fields)
            {
                var column = Array.IndexOf(header, name);
                if (column < 0)
                    throw new TabularFileException(index + 1, T["Rekaman ke-{0} memiliki kolom \"{1}\" yang tidak ada pada rekaman pertama.", index, name]);
                cells[column] = value;
            }
            yield return cells;
        }
    }

    /// <summary>The next child of the root element, read whole; null at the root's end.</summary>
    private static XElement? NextRecord(XmlReader reader)
    {
        if (reader.ReadState == ReadState.Initial)
        {
            reader.MoveToContent();
            if (reader.IsEmptyElement) return null;
            reader.Read(); // into the root
        }
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element) return (XElement)XNode.ReadFrom(reader);
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0) return null;
            reader.Read();
        }
        return null;
    }

    private static IEnumerable<(string Name, string? Value)> Fields(XElement record)
    {
        foreach (var attribute in record.Attributes().Where(a => !a.IsNamespaceDeclaration)) yield return (attribute.Name.LocalName, attribute.Value);
        foreach (var child in record.Elements())
            yield return (child.Name.LocalName, child.HasElements ? string.Concat(child.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))) : child.IsEmpty ? null : child.Value);
    }

    private static TabularFileException NotRecords(IStringLocalizer<Strings> T) =>
        new(0, T["Berkas XML ini bukan daftar rekaman (elemen berulang di bawah elemen akar), jadi tidak dimuat ke DataStore."]);
}
