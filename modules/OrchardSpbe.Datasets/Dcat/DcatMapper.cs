using System.Globalization;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Reference;

namespace OrchardSpbe.Datasets.Dcat;

/// <summary>
/// Datasets as DCAT-AP 2.1.1, mapped as ckanext-dcat's euro_dcat_ap profile maps CKAN's fields: title, notes →
/// dct:description, tags → dcat:keyword, the kelompok data → dcat:theme, the walidata → dct:publisher, the contact →
/// dcat:contactPoint, dct:issued/modified, the frequency → dct:accrualPeriodicity (EU frequency vocabulary), the
/// temporal coverage → dct:temporal; each resource a dcat:Distribution with dcat:accessURL, dcat:downloadURL,
/// dct:format (EU file types), dcat:mediaType (IANA), dct:license and dcat:byteSize. (The SHA-256 stays in the CKAN API's "hash": DCAT-AP 2.1.1's spdx:checksum admits SHA-1 only.)
/// </summary>
public sealed class DcatMapper(Func<DatasetRecord, string, string> absoluteUrl)
{
    public RdfTerm DatasetIri(DatasetRecord dataset) => RdfTerm.Iri(absoluteUrl(dataset, "dataset/" + dataset.Id));

    public void AddDataset(RdfGraph graph, DatasetRecord dataset)
    {
        var part = dataset.Part;
        var d = DatasetIri(dataset);
        graph.Add(d, Rdf.Type, RdfTerm.Iri(Rdf.Dcat + "Dataset"))
            .Add(d, Rdf.Dct + "title", dataset.Title)
            .Add(d, Rdf.Dct + "description", part.Description)
            .Add(d, Rdf.Dct + "identifier", dataset.Id)
            .Add(d, Rdf.Dcat + "landingPage", RdfTerm.Iri(absoluteUrl(dataset, "data/" + dataset.Name)))
            .Add(d, Rdf.Dct + "issued", DateTime(dataset.PublishedUtc ?? dataset.CreatedUtc))
            .Add(d, Rdf.Dct + "modified", DateTime(dataset.ModifiedUtc))
            .Add(d, Rdf.Dct + "accrualPeriodicity", RdfTerm.Iri(UpdateFrequencies.EuUri(part.UpdateFrequency)))
            .Add(d, Rdf.Owl + "versionInfo", part.Version);
        foreach (var tag in part.Tags) graph.Add(d, Rdf.Dcat + "keyword", tag);

        if (DataGroups.Find(part.DataGroup) is { } group)
        {
            var theme = RdfTerm.Iri(absoluteUrl(dataset, "data?kelompok=" + group.Code));
            graph.Add(d, Rdf.Dcat + "theme", theme).Add(theme, Rdf.Type, RdfTerm.Iri(Rdf.Skos + "Concept")).Add(theme, Rdf.Skos + "prefLabel", RdfTerm.Text(group.Name, "id"));
        }

        var publisher = graph.NewBlank();
        graph.Add(d, Rdf.Dct + "publisher", publisher).Add(publisher, Rdf.Type, RdfTerm.Iri(Rdf.Foaf + "Agent")).Add(publisher, Rdf.Foaf + "name", dataset.OrganizationTitle);

        if (part.ContactName is not null || part.ContactEmail is not null)
        {
            var contact = graph.NewBlank();
            graph.Add(d, Rdf.Dcat + "contactPoint", contact).Add(contact, Rdf.Type, RdfTerm.Iri(Rdf.Vcard + "Organization"))
                .Add(contact, Rdf.Vcard + "fn", part.ContactName ?? dataset.OrganizationTitle);
            if (part.ContactEmail is not null) graph.Add(contact, Rdf.Vcard + "hasEmail", RdfTerm.Iri("mailto:" + part.ContactEmail));
        }

        if (part.TemporalStart is not null || part.TemporalEnd is not null)
        {
            var period = graph.NewBlank();
            graph.Add(d, Rdf.Dct + "temporal", period).Add(period, Rdf.Type, RdfTerm.Iri(Rdf.Dct + "PeriodOfTime"))
                .Add(period, Rdf.Dcat + "startDate", Date(part.TemporalStart, "-01-01"))
                .Add(period, Rdf.Dcat + "endDate", Date(part.TemporalEnd, "-12-31"));
        }

        if (AreaCodes.Find(part.SpatialCoverage) is { } area)
        {
            var place = graph.NewBlank();
            graph.Add(d, Rdf.Dct + "spatial", place).Add(place, Rdf.Type, RdfTerm.Iri(Rdf.Dct + "Location"))
                .Add(place, Rdf.Skos + "prefLabel", RdfTerm.Text(area.Name, "id")).Add(place, Rdf.Dct + "identifier", area.Code);
        }

        foreach (var resource in dataset.Resources)
        {
            var r = RdfTerm.Iri(absoluteUrl(dataset, $"dataset/{dataset.Id}/resource/{resource.Id}"));
            var page = absoluteUrl(dataset, $"data/{dataset.Name}/sumber/{resource.Id}");
            graph.Add(d, Rdf.Dcat + "distribution", r)
                .Add(r, Rdf.Type, RdfTerm.Iri(Rdf.Dcat + "Distribution"))
                .Add(r, Rdf.Dct + "title", resource.Name)
                .Add(r, Rdf.Dct + "description", resource.Description)
                .Add(r, Rdf.Dcat + "accessURL", RdfTerm.Iri(resource.IsUpload ? page : resource.Url!))
                .Add(r, Rdf.Dcat + "downloadURL", resource.IsUpload ? RdfTerm.Iri(page + "/unduh") : null)
                .Add(r, Rdf.Dct + "format", RdfTerm.Iri("http://publications.europa.eu/resource/authority/file-type/" + resource.Format))
                .Add(r, Rdf.Dcat + "mediaType", RdfTerm.Iri("https://www.iana.org/assignments/media-types/" + resource.MediaType))
                .Add(r, Rdf.Dct + "modified", DateTime(resource.LastModifiedUtc))
                .Add(r, Rdf.Dcat + "byteSize", resource.Size is { } size ? RdfTerm.Typed(size.ToString(CultureInfo.InvariantCulture), Rdf.Xsd + "decimal") : null);
            if (Licenses.Find(part.LicenseId) is { } license)
            {
                var licence = RdfTerm.Iri(license.Url);
                graph.Add(r, Rdf.Dct + "license", licence).Add(licence, Rdf.Type, RdfTerm.Iri(Rdf.Dct + "LicenseDocument"));
            }
        }
    }

    private static RdfTerm DateTime(DateTimeOffset value) =>
        RdfTerm.Typed(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Rdf.Xsd + "dateTime");

    /// <summary>A year is written as the date it starts or ends on (validators check xsd:date, not all check xsd:gYear).</summary>
    private static RdfTerm? Date(string? value, string yearSuffix) => value switch
    {
        null => null,
        { Length: 4 } => RdfTerm.Typed(value + yearSuffix, Rdf.Xsd + "date"),
        _ => RdfTerm.Typed(value, Rdf.Xsd + "date"),
    };
}
