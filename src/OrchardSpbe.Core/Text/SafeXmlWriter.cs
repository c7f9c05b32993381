using System.Text;
using System.Xml;

namespace OrchardSpbe.Text;

/// <summary>
/// An XmlWriter that drops the characters XML cannot carry from every text, attribute value, CDATA and
/// comment it is given, so a stored title with U+000B still yields a valid feed instead of an exception
/// (XmlWriter refuses such characters, and with CheckCharacters off it would write a document no reader
/// accepts). Feeds, the sitemap and every XML output to come (DCAT, SDMX) write through <see cref="Create"/>.
/// </summary>
public sealed class SafeXmlWriter(XmlWriter inner) : XmlWriter
{
    /// <summary>UTF-8 without a byte-order mark, indented: the house form of an XML response.</summary>
    public static XmlWriter Create(Stream output, XmlWriterSettings? settings = null) =>
        new SafeXmlWriter(XmlWriter.Create(output, settings ?? new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }));

    public override WriteState WriteState => inner.WriteState;
    public override XmlWriterSettings? Settings => inner.Settings;
    public override string? XmlLang => inner.XmlLang;
    public override XmlSpace XmlSpace => inner.XmlSpace;

    public override void WriteString(string? text) => inner.WriteString(XmlText.CleanOrNull(text));
    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));
    public override void WriteCData(string? text) => inner.WriteCData(XmlText.CleanOrNull(text));
    public override void WriteComment(string? text) => inner.WriteComment(XmlText.CleanOrNull(text));
    public override void WriteRaw(string data) => inner.WriteRaw(XmlText.Clean(data));
    public override void WriteRaw(char[] buffer, int index, int count) => WriteRaw(new string(buffer, index, count));
    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);
    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, XmlText.CleanOrNull(text));

    public override void WriteCharEntity(char ch)
    {
        if (XmlText.IsValid([ch])) inner.WriteCharEntity(ch);
    }

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);
    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);
    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);
    public override void WriteStartDocument() => inner.WriteStartDocument();
    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);
    public override void WriteEndDocument() => inner.WriteEndDocument();
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);
    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);
    public override void WriteEndElement() => inner.WriteEndElement();
    public override void WriteFullEndElement() => inner.WriteFullEndElement();
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);
    public override void WriteEndAttribute() => inner.WriteEndAttribute();
    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);
    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
