using System.Text.Json;
using System.Text.Json.Nodes;
using OrchardSpbe.Reference;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>schema.org Dataset JSON-LD for a dataset's page (what Google Dataset Search reads).</summary>
public static class SchemaOrg
{
    public static string DatasetJsonLd(DatasetRecord dataset, string url, Func<ResourceRecord, string> downloadUrl)
    {
        var part = dataset.Part;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = dataset.Title,
            ["description"] = part.Description,
            ["identifier"] = dataset.Id,
            ["keywords"] = new JsonArray(part.Tags.Select(t => (JsonNode?)t).ToArray()),
            ["license"] = Licenses.Find(part.LicenseId)?.Url,
            ["isAccessibleForFree"] = true,
            ["dateCreated"] = dataset.CreatedUtc.ToString("yyyy-MM-dd"),
            ["dateModified"] = dataset.ModifiedUtc.ToString("yyyy-MM-dd"),
            ["creator"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = dataset.OrganizationTitle },
            ["spatialCoverage"] = new JsonObject { ["@type"] = "Place", ["name"] = AreaCodes.Find(part.SpatialCoverage)?.Name ?? part.SpatialCoverage },
            ["distribution"] = new JsonArray(dataset.Resources.Select(r => (JsonNode?)new JsonObject
            {
                ["@type"] = "DataDownload", ["name"] = r.Name, ["encodingFormat"] = r.MediaType, ["contentUrl"] = r.IsUpload ? downloadUrl(r) : r.Url,
            }).ToArray()),
        };
        if (part.Version is not null) json["version"] = part.Version;
        if (part.TemporalStart is not null || part.TemporalEnd is not null) json["temporalCoverage"] = $"{part.TemporalStart ?? ".."}/{part.TemporalEnd ?? ".."}";
        // The default encoder escapes <, > and &: the JSON cannot close the script element it is written in.
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
