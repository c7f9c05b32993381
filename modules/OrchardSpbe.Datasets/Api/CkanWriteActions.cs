using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using OrchardSpbe.Content;
using OrchardSpbe.Content.Editing;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.DataStore;
using OrchardSpbe.Datasets.Resources;
using OrchardSpbe.Localization;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Api;

/// <summary>
/// CKAN's package_create, package_update and package_patch for a token's user with ManageDatasets on this PD. The
/// package is checked by the same editor as the admin form (<see cref="DatasetPartEditor"/>), and saved as content:
/// published when the user may publish, otherwise saved and submitted to the approval workflow.
/// </summary>
public sealed class CkanWriteActions(
    ContentManager contents, ContentDefinitionStore definitions, DatasetDirectory directory, DatasetPartEditor editor, PermissionHandler permissions,
    ResourceService resources, DataStoreTables tables, TenantContext tenant, IServiceProvider services, IStringLocalizer<Strings> T)
{
    // Editor keys → CKAN's field names, for the Validation Error's keys.
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Slug"] = "name", ["Description"] = "notes", ["DataGroup"] = "groups", ["Tags"] = "tags", ["LicenseId"] = "license_id",
        ["Classification"] = "private", ["UpdateFrequency"] = "extras", ["SpatialCoverage"] = "extras", ["TemporalStart"] = "extras",
        ["TemporalEnd"] = "extras", ["ContactName"] = "maintainer", ["ContactEmail"] = "maintainer_email", ["Version"] = "version",
        ["RelatedIndicators"] = "extras", ["SharedWith"] = "extras",
    };

    public async Task<JsonNode?> RunAsync(string action, CkanArgs args, ClaimsPrincipal user, CkanDicts dicts, IFormFile? upload = null)
    {
        if (tenant.IsDefault || !await permissions.HasPermissionAsync(user, Permissions.ManageDatasets.Name))
            throw new CkanNotAuthorized($"User {user.Identity?.Name ?? ""} not authorized to {action.Replace('_', ' ')}");
        return action switch
        {
            "resource_create" => await ResourceCreateAsync(args, upload, user.Identity!.Name!, dicts),
            "datastore_upsert" => await UpsertAsync(args),
            _ => await PackageAsync(action, args, user, dicts),
        };
    }

    /// <summary>resource_create: a file (multipart "upload") or a link ("url" with "format"), checked as the admin form checks it.</summary>
    private async Task<JsonNode> ResourceCreateAsync(CkanArgs args, IFormFile? upload, string userName, CkanDicts dicts)
    {
        if (await directory.FindAsync(args.Required("package_id")) is not { } found) throw new CkanNotFound("Dataset not found");
        var name = args.String("name") ?? upload?.FileName ?? args.String("url") ?? "";
        var (id, error) = await resources.AddAsync(found.Dataset.Id, new ResourceInput(name, args.String("description"), upload, args.String("url"), args.String("format") ?? upload?.FileName.Split('.').Last()), userName);
        if (error is not null) throw new CkanValidation(error.Field == "file" ? "upload" : error.Field, error.Message);
        var dataset = (await directory.FindAsync(found.Dataset.Id))!.Value.Dataset;
        return dicts.Resource(dataset, dataset.Resources.First(r => r.Id == id));
    }

    /// <summary>datastore_upsert: records (a list of objects) with method insert, upsert (by _id, the default) or update.</summary>
    private async Task<JsonNode> UpsertAsync(CkanArgs args)
    {
        var resourceId = args.Required("resource_id");
        if (await directory.FindResourceAsync(resourceId) is null) throw new CkanNotFound($"Resource \"{resourceId}\" was not found.");
        if (args.Data["records"] is not JsonArray list || list.Any(r => r is not JsonObject)) throw new CkanValidation("records", "Not a list of dicts");
        if (list.Count > DataStoreSearch.MaxLimit) throw new CkanValidation("records", $"At most {DataStoreSearch.MaxLimit} records at a time");
        var records = list.Cast<JsonObject>().Select(r => (IReadOnlyDictionary<string, string?>)r.ToDictionary(c => c.Key,
            c => c.Value switch { null => null, JsonValue v when v.TryGetValue<string>(out var text) => text, var v => v.ToJsonString() })).ToList();
        var method = args.String("method") ?? "upsert";
        try { await tables.UpsertAsync(resourceId, method, records); }
        catch (DataStoreQueryException exception) { throw new CkanValidation(exception.Key, exception.Message); }
        return new JsonObject { ["resource_id"] = resourceId, ["method"] = method, ["records"] = list.DeepClone() };
    }

    private async Task<JsonNode?> PackageAsync(string action, CkanArgs args, ClaimsPrincipal user, CkanDicts dicts)
    {
        var userName = user.Identity!.Name!;
        ContentItem item;
        DatasetPart part;
        string? versionId = null;
        if (action == "package_create")
        {
            item = (await contents.NewAsync(DatasetPart.ContentType))!;
            part = new DatasetPart { Classification = Classifications.Terbuka };
        }
        else if (action is "package_update" or "package_patch")
        {
            var id = args.Required("id");
            if (await directory.FindAsync(id) is not { } found || await contents.GetAsync(found.Dataset.Id) is not { } latest) throw new CkanNotFound("Dataset not found");
            item = latest;
            versionId = latest.ContentItemVersionId;
            part = action == "package_patch" ? latest.As<DatasetPart>(DatasetPart.Name) : new DatasetPart { Slug = latest.As<DatasetPart>(DatasetPart.Name).Slug };
            if (action == "package_update" && !args.Has("title")) args.Data["title"] = latest.DisplayText;
        }
        else throw new CkanNotAuthorized($"Action {action} is not offered here");

        if (args.String("owner_org") is { } org && org != tenant.Name) throw new CkanValidation("owner_org", "Organization does not exist");
        var title = args.String("title") ?? item.DisplayText;
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200) throw new CkanValidation("title", "Missing value");
        var form = Form(args, part);
        var errors = new Dictionary<string, string>();
        var type = (await definitions.FindAsync(DatasetPart.ContentType))!;
        await editor.UpdateAsync(new EditorContext
        {
            Item = item, Type = type, Part = type.Parts.FirstOrDefault(p => p.Name == DatasetPart.Name), Prefix = DatasetPart.Name,
            Form = new FormCollection(form.ToDictionary(f => DatasetPart.Name + "." + f.Key, f => f.Value)), Errors = errors, T = T, Services = services, UserName = userName,
        });
        if (errors.Count > 0)
        {
            var (key, message) = errors.First();
            throw new CkanValidation(Fields.GetValueOrDefault(key[(DatasetPart.Name.Length + 1)..], "extras"), message);
        }
        item.Apply("TitlePart", new TitlePart { Title = title.Trim() });
        item.DisplayText = title.Trim();
        var publish = await permissions.HasPermissionAsync(user, "PublishContent");
        var outcome = versionId is null ? await contents.CreateAsync(item, publish, userName) : await contents.UpdateAsync(item, versionId, publish, userName);
        if (!outcome.Succeeded) throw new CkanValidation("id", "The dataset was changed by someone else; read it again.");
        if (!publish) await contents.SubmitAsync(item.ContentItemId, userName);
        var saved = await directory.FindAsync(item.ContentItemId) ?? throw new CkanNotFound("Dataset not found");
        return dicts.Package(saved.Dataset);
    }

    /// <summary>The CKAN package as the editor's form fields, over the part's current values (package_patch keeps what is not given).</summary>
    private static Dictionary<string, StringValues> Form(CkanArgs args, DatasetPart part)
    {
        string? Extra(string key) => (args.Data["extras"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => (string?)e["key"] == key)?["value"]?.ToString();
        string Names(string key, IEnumerable<string> current) => args.Data[key] is JsonArray list
            ? string.Join(",", list.Select(t => t is JsonObject o ? (string?)o["name"] : t?.ToString()).OfType<string>())
            : string.Join(",", current);
        var classification = args.Has("private") ? (args.Boolean("private", false) ? Classifications.Dikecualikan : Classifications.Terbuka) : part.Classification;
        return new Dictionary<string, StringValues>
        {
            ["Slug"] = args.String("name") ?? part.Slug,
            ["Description"] = args.String("notes") ?? part.Description,
            ["DataGroup"] = args.Data["groups"] is JsonArray groups ? groups.Select(g => g is JsonObject o ? (string?)o["name"] : g?.ToString()).FirstOrDefault() ?? "" : part.DataGroup,
            ["Tags"] = Names("tags", part.Tags),
            ["LicenseId"] = args.String("license_id") ?? part.LicenseId,
            ["Classification"] = Extra("klasifikasi") ?? classification,
            ["UpdateFrequency"] = Extra("frekuensi") ?? part.UpdateFrequency,
            ["SpatialCoverage"] = Extra("cakupan_wilayah") ?? part.SpatialCoverage,
            ["TemporalStart"] = Extra("temporal_start") ?? part.TemporalStart ?? "",
            ["TemporalEnd"] = Extra("temporal_end") ?? part.TemporalEnd ?? "",
            ["ContactName"] = args.String("maintainer") ?? part.ContactName ?? "",
            ["ContactEmail"] = args.String("maintainer_email") ?? part.ContactEmail ?? "",
            ["Version"] = args.String("version") ?? part.Version ?? "",
            ["RelatedIndicators"] = string.Join(",", part.RelatedIndicators),
            ["SharedWith"] = new StringValues(part.SharedWith.ToArray()),
        };
    }
}
