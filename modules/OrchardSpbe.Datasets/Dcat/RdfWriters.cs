using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OrchardSpbe.Text;

namespace OrchardSpbe.Datasets.Dcat;

/// <summary>
/// Writes a graph as Turtle, RDF/XML (through Core's <see cref="SafeXmlWriter"/>, so a stored U+000B never breaks the
/// document) or expanded JSON-LD; every literal loses the characters XML cannot carry, in all three.
/// </summary>
public static class RdfWriters
{
    public static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>
    {
        ["ttl"] = "text/turtle; charset=utf-8", ["rdf"] = "application/rdf+xml; charset=utf-8", ["jsonld"] = "application/ld+json; charset=utf-8",
    };

    public static byte[] Write(RdfGraph graph, string format) => format switch
    {
        "ttl" => Encoding.UTF8.GetBytes(Turtle(graph)),
        "rdf" => RdfXml(graph),
        _ => Encoding.UTF8.GetBytes(JsonLd(graph)),
    };

    public static string Turtle(RdfGraph graph)
    {
        var text = new StringBuilder();
        foreach (var (prefix, ns) in Rdf.Prefixes) text.Append(CultureInfo.InvariantCulture, $"@prefix {prefix}: <{ns}> .\n");
        foreach (var subject in graph.Triples.GroupBy(t => t.Subject))
        {
            text.Append('\n').Append(TurtleTerm(subject.Key));
            var first = true;
            foreach (var triple in subject)
            {
                text.Append(first ? "\n    " : " ;\n    ").Append(triple.Predicate == Rdf.Type ? "a" : Name(triple.Predicate)).Append(' ').Append(TurtleTerm(triple.Object));
                first = false;
            }
            text.Append(" .\n");
        }
        return text.ToString();
    }

    private static string TurtleTerm(RdfTerm term) => term.Kind switch
    {
        RdfTermKind.Iri => Name(term.Value),
        RdfTermKind.Blank => "_:" + term.Value,
        _ => "\"" + Escape(XmlText.Clean(term.Value)) + "\"" + (term.Language is { } language ? "@" + language : term.Datatype is { } datatype ? "^^" + Name(datatype) : ""),
    };

    /// <summary>A prefixed name where the local part is plain, else the full IRI in angle brackets.</summary>
    private static string Name(string iri)
    {
        foreach (var (prefix, ns) in Rdf.Prefixes)
            if (iri.StartsWith(ns, StringComparison.Ordinal) && iri.Length > ns.Length && iri[ns.Length..].All(char.IsAsciiLetterOrDigit))
                return prefix + ":" + iri[ns.Length..];
        return "<" + IriEscape(iri) + ">";
    }

    private static string IriEscape(string iri)
    {
        var text = new StringBuilder();
        foreach (var c in XmlText.Clean(iri))
            text.Append(c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\' || c <= ' ' ? $"\\u{(int)c:X4}" : c.ToString());
        return text.ToString();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
            escaped.Append(c switch
            {
                '\\' => "\\\\", '"' => "\\\"", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
                _ when c < ' ' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }

    public static byte[] RdfXml(RdfGraph graph)
    {
        using var buffer = new MemoryStream();
        using (var xml = SafeXmlWriter.Create(buffer))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rdf", "RDF", Rdf.RdfNs);
            foreach (var (prefix, ns) in Rdf.Prefixes.Where(p => p.Prefix != "rdf")) xml.WriteAttributeString("xmlns", prefix, null, ns);
            foreach (var subject in graph.Triples.GroupBy(t => t.Subject))
            {
                xml.WriteStartElement("rdf", "Description", Rdf.RdfNs);
                if (subject.Key.Kind == RdfTermKind.Blank) xml.WriteAttributeString("rdf", "nodeID", Rdf.RdfNs, subject.Key.Value);
                else xml.WriteAttributeString("rdf", "about", Rdf.RdfNs, subject.Key.Value);
                foreach (var triple in subject)
                {
                    var (ns, local) = Split(triple.Predicate);
                    xml.WriteStartElement(local, ns);
                    switch (triple.Object.Kind)
                    {
                        case RdfTermKind.Iri: xml.WriteAttributeString("rdf", "resource", Rdf.RdfNs, triple.Object.Value); break;
                        case RdfTermKind.Blank: xml.WriteAttributeString("rdf", "nodeID", Rdf.RdfNs, triple.Object.Value); break;
                        default:
                            if (triple.Object.Language is { } language) xml.WriteAttributeString("xml", "lang", null, language);
                            else if (triple.Object.Datatype is { } datatype) xml.WriteAttributeString("rdf", "datatype", Rdf.RdfNs, datatype);
                            xml.WriteString(triple.Object.Value);
                            break;
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static (string Namespace, string Local) Split(string iri)
    {
        var cut = Math.Max(iri.LastIndexOf('#'), iri.LastIndexOf('/')) + 1;
        return (iri[..cut], iri[cut..]);
    }

    /// <summary>Expanded JSON-LD: one node object per subject, needing no context to read.</summary>
    public static string JsonLd(RdfGraph graph)
    {
        var nodes = new JsonArray();
        foreach (var subject in graph.Triples.GroupBy(t => t.Subject))
        {
            var node = new JsonObject { ["@id"] = Id(subject.Key) };
            var types = subject.Where(t => t.Predicate == Rdf.Type).Select(t => (JsonNode?)t.Object.Value).ToArray();
            if (types.Length > 0) node["@type"] = new JsonArray(types);
            foreach (var property in subject.Where(t => t.Predicate != Rdf.Type).GroupBy(t => t.Predicate))
                node[property.Key] = new JsonArray(property.Select(t => (JsonNode?)(t.Object.Kind switch
                {
                    RdfTermKind.Literal => t.Object.Language is { } language
                        ? new JsonObject { ["@value"] = XmlText.Clean(t.Object.Value), ["@language"] = language }
                        : t.Object.Datatype is { } datatype
                            ? new JsonObject { ["@value"] = XmlText.Clean(t.Object.Value), ["@type"] = datatype }
                            : new JsonObject { ["@value"] = XmlText.Clean(t.Object.Value) },
                    _ => new JsonObject { ["@id"] = Id(t.Object) },
                })).ToArray());
            nodes.Add(node);
        }
        return nodes.ToJsonString();
    }

    private static string Id(RdfTerm term) => term.Kind == RdfTermKind.Blank ? "_:" + term.Value : XmlText.Clean(term.Value);
}
