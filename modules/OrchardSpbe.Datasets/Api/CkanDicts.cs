using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Reference;

namespace OrchardSpbe.Datasets.Api;

/// <summary>
/// Datasets, resources, organisations (the PDs), groups (the 20 kelompok data) and licences in the shapes CKAN's
/// dictization gives them, so ckanapi, CKAN's harvesters and Satu Data clients read them unchanged.
/// </summary>
public sealed class CkanDicts(Func<DatasetRecord, string, string> absoluteUrl, bool keepWritten = false)
{
    // A dataset's dict as written JSON, per record: the portal's city list keeps its records until the catalog changes,
    // so package_search writes each of its results once, not on every request. Keyed by the addresses it holds.
    private static readonly ConditionalWeakTable<DatasetRecord, Tuple<string, byte[]>> Written = new();

    /// <summary>
    /// <see cref="Package"/> for a list (package_search, organization_show): written once per record and site where
    /// the records are kept (<paramref name="keepWritten"/>: the portal's city list), else built as it is.
    /// </summary>
    public JsonNode PackageInList(DatasetRecord dataset)
    {
        if (!keepWritten) return Package(dataset);
        var addresses = absoluteUrl(dataset, "");
        if (!Written.TryGetValue(dataset, out var kept) || kept.Item1 != addresses)
        {
            kept = Tuple.Create(addresses, JsonSerializer.SerializeToUtf8Bytes(Package(dataset)));
            Written.AddOrUpdate(dataset, kept);
        }
        return JsonValue.Create(new WrittenJson(kept.Item2))!;
    }

    /// <summary>A DataStore cell as JSON: numbers as numbers, the rest as strings.</summary>
    public static JsonNode? Value(object? value) => value switch
    {
        null => null,
        long l => JsonValue.Create(l),
        int i => JsonValue.Create((long)i),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create((double)f),
        decimal m => JsonValue.Create((double)m),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public JsonObject Package(DatasetRecord dataset)
    {
        var part = dataset.Part;
        var license = Licenses.Find(part.LicenseId);
        var group = DataGroups.Find(part.DataGroup);
        return new JsonObject
        {
            ["id"] = dataset.Id,
            ["name"] = dataset.ApiName,
            ["title"] = dataset.Title,
            ["type"] = "dataset",
            ["state"] = "active",
            ["private"] = !dataset.IsPublic,
            ["notes"] = part.Description,
            ["url"] = absoluteUrl(dataset, "data/" + dataset.Name),
            ["version"] = part.Version,
            ["author"] = dataset.OrganizationTitle,
            ["author_email"] = null,
            ["maintainer"] = part.ContactName,
            ["maintainer_email"] = part.ContactEmail,
            ["license_id"] = part.LicenseId,
            ["license_title"] = license?.Title,
            ["license_url"] = license?.Url,
            ["isopen"] = license?.OpenData ?? false,
            ["metadata_created"] = Time(dataset.CreatedUtc),
            ["metadata_modified"] = Time(dataset.ModifiedUtc),
            ["owner_org"] = dataset.Organization,
            ["organization"] = Organization(dataset.Organization, dataset.OrganizationTitle, null),
            ["groups"] = new JsonArray(group is null ? [] : [Group(group, null)]),
            ["tags"] = new JsonArray(part.Tags.Select(t => (JsonNode?)new JsonObject
            {
                ["name"] = t, ["display_name"] = t, ["state"] = "active", ["vocabulary_id"] = null,
            }).ToArray()),
            ["num_tags"] = part.Tags.Count,
            ["resources"] = new JsonArray(dataset.Resources.Select(r => (JsonNode?)Resource(dataset, r)).ToArray()),
            ["num_resources"] = dataset.Resources.Count,
            ["extras"] = new JsonArray(Extras(part).Select(e => (JsonNode?)new JsonObject { ["key"] = e.Key, ["value"] = e.Value }).ToArray()),
            ["relationships_as_object"] = new JsonArray(),
            ["relationships_as_subject"] = new JsonArray(),
        };
    }

    private static IEnumerable<(string Key, string Value)> Extras(DatasetPart part)
    {
        yield return ("klasifikasi", part.Classification);
        yield return ("frekuensi", part.UpdateFrequency);
        yield return ("cakupan_wilayah", part.SpatialCoverage);
        if (part.TemporalStart is not null) yield return ("temporal_start", part.TemporalStart);
        if (part.TemporalEnd is not null) yield return ("temporal_end", part.TemporalEnd);
        if (part.RelatedIndicators.Count > 0) yield return ("indikator_terkait", string.Join(",", part.RelatedIndicators));
    }

    public JsonObject Resource(DatasetRecord dataset, ResourceRecord resource) => new()
    {
        ["id"] = resource.Id,
        ["package_id"] = dataset.Id,
        ["name"] = resource.Name,
        ["description"] = resource.Description ?? "",
        ["format"] = resource.Format,
        ["mimetype"] = resource.MediaType,
        ["size"] = resource.Size,
        ["hash"] = resource.Sha256 is null ? "" : "sha256:" + resource.Sha256,
        ["url"] = resource.IsUpload ? absoluteUrl(dataset, $"data/{dataset.Name}/sumber/{resource.Id}/unduh") : resource.Url,
        ["url_type"] = resource.IsUpload ? "upload" : null,
        ["position"] = resource.Position,
        ["created"] = Time(resource.CreatedUtc),
        ["last_modified"] = Time(resource.LastModifiedUtc),
        ["metadata_modified"] = Time(resource.LastModifiedUtc),
        ["state"] = "active",
        ["resource_type"] = null,
        ["datastore_active"] = resource.DataStoreActive,
    };

    public static JsonObject Organization(string name, string title, int? packageCount)
    {
        var org = new JsonObject
        {
            ["id"] = name, ["name"] = name, ["title"] = title, ["display_name"] = title, ["type"] = "organization", ["description"] = "",
            ["image_url"] = "", ["image_display_url"] = "", ["is_organization"] = true, ["approval_status"] = "approved", ["state"] = "active",
        };
        if (packageCount is not null) org["package_count"] = packageCount;
        return org;
    }

    public static JsonObject Group(DataGroup group, int? packageCount)
    {
        var dict = new JsonObject
        {
            ["id"] = group.Code, ["name"] = group.Code, ["title"] = group.Name, ["display_name"] = group.Name, ["description"] = "",
            ["image_display_url"] = "", ["type"] = "group", ["is_organization"] = false, ["approval_status"] = "approved", ["state"] = "active",
        };
        if (packageCount is not null) dict["package_count"] = packageCount;
        return dict;
    }

    public static JsonObject License(License license) => new()
    {
        ["id"] = license.Id, ["title"] = license.Title, ["url"] = license.Url, ["status"] = "active", ["maintainer"] = "", ["family"] = "",
        ["domain_content"] = false, ["domain_data"] = true, ["domain_software"] = false, ["is_generic"] = false,
        ["od_conformance"] = license.OpenData ? "approved" : "not reviewed", ["osd_conformance"] = "not reviewed",
        ["is_okd_compliant"] = license.OpenData, ["is_osi_compliant"] = false,
    };
}

/// <summary>JSON already written, put into a <see cref="JsonNode"/> tree as it is.</summary>
[JsonConverter(typeof(WrittenJsonConverter))]
public sealed record WrittenJson(byte[] Utf8);

public sealed class WrittenJsonConverter : WriteOnlyConverter<WrittenJson>
{
    public override void Write(Utf8JsonWriter writer, WrittenJson value, JsonSerializerOptions options) => writer.WriteRawValue(value.Utf8, skipInputValidation: true);
}
