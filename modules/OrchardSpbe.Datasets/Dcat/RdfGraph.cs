namespace OrchardSpbe.Datasets.Dcat;

/// <summary>An RDF term: an IRI, a blank node (its label) or a literal (with a datatype IRI or a language).</summary>
public sealed record RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);
    public static RdfTerm Blank(string label) => new(RdfTermKind.Blank, label);
    public static RdfTerm Text(string text, string? language = null) => new(RdfTermKind.Literal, text, null, language);
    public static RdfTerm Typed(string text, string datatype) => new(RdfTermKind.Literal, text, datatype);
}

public enum RdfTermKind { Iri, Blank, Literal }

public sealed record RdfTriple(RdfTerm Subject, string Predicate, RdfTerm Object);

/// <summary>The vocabularies DCAT-AP uses, with the prefixes the Turtle and RDF/XML writers declare.</summary>
public static class Rdf
{
    public const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Foaf = "http://xmlns.com/foaf/0.1/";
    public const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Hydra = "http://www.w3.org/ns/hydra/core#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Spdx = "http://spdx.org/rdf/terms#";
    public const string Adms = "http://www.w3.org/ns/adms#";
    public const string Owl = "http://www.w3.org/2002/07/owl#";
    public const string Type = RdfNs + "type";

    public static readonly IReadOnlyList<(string Prefix, string Namespace)> Prefixes =
    [
        ("rdf", RdfNs), ("dcat", Dcat), ("dct", Dct), ("foaf", Foaf), ("vcard", Vcard), ("xsd", Xsd), ("hydra", Hydra), ("skos", Skos),
        ("spdx", Spdx), ("adms", Adms), ("owl", Owl),
    ];
}

/// <summary>Triples in the order they were added (a serialiser groups them by subject).</summary>
public sealed class RdfGraph
{
    private int _blank;
    public List<RdfTriple> Triples { get; } = [];

    public RdfTerm NewBlank() => RdfTerm.Blank("b" + ++_blank);

    public RdfGraph Add(RdfTerm subject, string predicate, RdfTerm? value)
    {
        if (value is not null && !(value.Kind == RdfTermKind.Literal && value.Value.Length == 0)) Triples.Add(new RdfTriple(subject, predicate, value));
        return this;
    }

    public RdfGraph Add(RdfTerm subject, string predicate, string? text) => text is null ? this : Add(subject, predicate, RdfTerm.Text(text));
}
