using System.Security.Claims;
using System.Text.Json.Nodes;
using OrchardSpbe.Datasets.Catalogue;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.DataStore;
using OrchardSpbe.Reference;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Api;

/// <summary>
/// CKAN's read actions over this site's datasets (a PD: its own; the portal: every PD's public ones, from the portal
/// catalog), with CKAN's parameters, defaults, clamps and result shapes (ckan/logic/action/get.py, ckanext/datastore).
/// The DataStore actions answer on the PD that holds the resource.
/// </summary>
public sealed class CkanActions(
    CatalogueQuery catalogue, DatasetCatalog catalog, DatasetDirectory directory, DatasetAccess access, DataStoreQuery store,
    DataStoreTables tables, DataStoreSql sql, TenantContext tenant, TenantRegistry registry)
{
    public const int RowsMax = 1000;

    /// <summary>Read actions: answered to GET (query string) and POST (JSON body). The write actions refuse GET.</summary>
    public static readonly IReadOnlySet<string> ReadActions = new HashSet<string>
    {
        "package_search", "package_show", "package_list", "organization_list", "organization_show", "group_list", "tag_list",
        "resource_show", "license_list", "status_show", "datastore_search", "datastore_search_sql", "help_show",
    };

    public static readonly IReadOnlySet<string> WriteActions = new HashSet<string>
    {
        "package_create", "package_update", "package_patch", "package_delete", "resource_create", "resource_update", "resource_patch",
        "resource_delete", "datastore_create", "datastore_upsert", "datastore_delete", "organization_create", "group_create",
    };

    public async Task<JsonNode?> RunAsync(string action, CkanArgs args, ClaimsPrincipal user, CkanDicts dicts, string actionUrl, CancellationToken cancellationToken) => action switch
    {
        "package_search" => await PackageSearchAsync(args, user, dicts, cancellationToken),
        "package_show" => dicts.Package(await PackageAsync(args.Required("id"), user)),
        "package_list" => new JsonArray((await catalog.PublicAsync()).Select(d => d.ApiName).Order(StringComparer.Ordinal)
            .Skip(args.Natural("offset", 0)).Take(args.Has("limit") ? args.Natural("limit", 0) : int.MaxValue).Select(n => (JsonNode?)n).ToArray()),
        "organization_list" => await OrganizationListAsync(args),
        "organization_show" => await OrganizationShowAsync(args, user, dicts, cancellationToken),
        "group_list" => await GroupListAsync(args),
        "tag_list" => new JsonArray((await catalog.PublicAsync()).SelectMany(d => d.Part.Tags).Distinct()
            .Where(t => args.String("query") is not { Length: > 0 } q || t.Contains(q, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).Select(t => (JsonNode?)t).ToArray()),
        "resource_show" => await ResourceShowAsync(args.Required("id"), user, dicts),
        "license_list" => new JsonArray(Licenses.All.Select(l => (JsonNode?)CkanDicts.License(l)).ToArray()),
        "status_show" => new JsonObject
        {
            ["site_title"] = tenant.Shell.Record.DisplayName, ["site_description"] = "", ["site_url"] = actionUrl.Split("/api/")[0],
            ["ckan_version"] = "2.10.0", ["error_emails_to"] = null, ["locale_default"] = "id", ["extensions"] = new JsonArray("datastore", "dcat"),
        },
        "datastore_search" => await DataStoreSearchAsync(args, user, actionUrl),
        "datastore_search_sql" => await DataStoreSqlAsync(args, user),
        "help_show" => JsonValue.Create($"CKAN action {args.String("name")}: see https://docs.ckan.org/en/latest/api/"),
        _ => throw new CkanNotAuthorized($"Action {action} requires an API token"),
    };

    private async Task<JsonObject> PackageSearchAsync(CkanArgs args, ClaimsPrincipal user, CkanDicts dicts, CancellationToken cancellationToken)
    {
        var rows = args.Natural("rows", 10, RowsMax);
        var start = args.Natural("start", 0);
        var facetFields = args.StringList("facet.field") ?? [];
        var facetLimit = args.Integer("facet.limit", 50);
        var facetMinCount = args.Natural("facet.mincount", 1);
        var includePrivate = args.Boolean("include_private", false);
        var (text, qFilter) = PackageSearchParser.Query(args.String("q"));
        var condition = new AllOf([PackageSearchParser.Filters(args.String("fq")), qFilter]);
        var sortText = args.String("sort");
        var sort = PackageSearchParser.Sort(sortText);
        var result = await catalogue.SearchAsync(new PackageQuery
        {
            Q = text, Condition = condition, Rows = rows, Start = start, Sort = sort, FacetFields = facetFields, FacetLimit = facetLimit, FacetMinCount = facetMinCount,
        }, user, cancellationToken);
        var results = result.Results.ToList();
        var count = result.Count;
        if (includePrivate && !tenant.IsDefault && await access.CanManageAsync(user))
        {
            // The walidata's own restricted and excluded datasets, after the public ones (each access audited).
            var hidden = (await directory.PublishedAsync()).Where(d => !d.IsPublic && condition.Matches(d)).ToList();
            count += hidden.Count;
            foreach (var dataset in hidden.Skip(Math.Max(0, start - (int)result.Count)).Take(rows - results.Count))
                if (await access.CanReadAsync(dataset, user, "package_search")) results.Add(dataset);
        }
        var facets = result.Facets.Select(f => new FacetItems(f.Key, f.Value.Select(v => (v.Value, DisplayName(f.Key, v.Value), v.Count)).ToList())).ToList();
        return new JsonObject
        {
            ["count"] = count,
            ["facets"] = JsonValue.Create(new FacetCounts(facets)),
            ["results"] = new JsonArray(results.Select(d => (JsonNode?)dicts.PackageInList(d)).ToArray()),
            ["sort"] = string.IsNullOrWhiteSpace(sortText) ? "score desc, metadata_modified desc" : sortText,
            ["search_facets"] = JsonValue.Create(new SearchFacets(facets)),
        };
    }

    private string DisplayName(string field, string value) => field switch
    {
        "organization" => registry.Find(value)?.DisplayName ?? value,
        "groups" => DataGroups.Find(value)?.Name ?? value,
        "license_id" => Licenses.Find(value)?.Title ?? value,
        _ => value,
    };

    /// <summary>A dataset by name or id that the caller may see: public anywhere; restricted ones on their own PD.</summary>
    private async Task<DatasetRecord> PackageAsync(string nameOrId, ClaimsPrincipal user)
    {
        if (!tenant.IsDefault && await directory.FindAsync(nameOrId) is { Published: true } found)
        {
            if (await access.CanReadAsync(found.Dataset, user, "package_show")) return found.Dataset;
            throw new CkanNotAuthorized($"User {user.Identity?.Name ?? ""} not authorized to read package {found.Dataset.Name}");
        }
        return (await catalog.PublicAsync()).FirstOrDefault(d => d.ApiName == nameOrId || d.Id == nameOrId) ?? throw new CkanNotFound("Dataset not found");
    }

    private async Task<JsonObject> ResourceShowAsync(string id, ClaimsPrincipal user, CkanDicts dicts)
    {
        var (dataset, resource) = await ResourceAsync(id, user, "resource_show");
        return dicts.Resource(dataset, resource);
    }

    private async Task<(DatasetRecord, ResourceRecord)> ResourceAsync(string id, ClaimsPrincipal user, string what)
    {
        if (!tenant.IsDefault && await directory.FindResourceAsync(id) is { } resource
            && await directory.FindAsync(resource.DatasetId) is { Published: true } found)
        {
            if (!await access.CanReadAsync(found.Dataset, user, what + " " + id))
                throw new CkanNotAuthorized($"User {user.Identity?.Name ?? ""} not authorized to read resource {id}");
            return (found.Dataset, found.Dataset.Resources.First(r => r.Id == id));
        }
        foreach (var dataset in await catalog.PublicAsync())
            if (dataset.Resources.FirstOrDefault(r => r.Id == id) is { } hit) return (dataset, hit);
        throw new CkanNotFound("Resource was not found.");
    }

    private async Task<JsonArray> OrganizationListAsync(CkanArgs args)
    {
        var allFields = args.Boolean("all_fields", false);
        var counts = (await catalog.PublicAsync()).GroupBy(d => d.Organization).ToDictionary(g => g.Key, g => g.Count());
        var pds = registry.All.Where(t => !t.IsDefault && t.State == TenantState.Running && (tenant.IsDefault || t.Name == tenant.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new JsonArray(pds.Select(t => allFields ? CkanDicts.Organization(t.Name, t.DisplayName, counts.GetValueOrDefault(t.Name)) : (JsonNode?)t.Name).ToArray());
    }

    private async Task<JsonObject> OrganizationShowAsync(CkanArgs args, ClaimsPrincipal user, CkanDicts dicts, CancellationToken cancellationToken)
    {
        var id = args.Required("id");
        if (registry.Find(id) is not { IsDefault: false, State: TenantState.Running } pd || (!tenant.IsDefault && pd.Name != tenant.Name))
            throw new CkanNotFound("Organization was not found.");
        var datasets = await catalogue.SearchAsync(new PackageQuery { Filters = [("organization", pd.Name)], Rows = RowsMax }, user, cancellationToken);
        var org = CkanDicts.Organization(pd.Name, pd.DisplayName, (int)datasets.Count);
        if (args.Boolean("include_datasets", false)) org["packages"] = new JsonArray(datasets.Results.Select(d => (JsonNode?)dicts.PackageInList(d)).ToArray());
        return org;
    }

    private async Task<JsonArray> GroupListAsync(CkanArgs args)
    {
        var allFields = args.Boolean("all_fields", false);
        var counts = (await catalog.PublicAsync()).GroupBy(d => d.Part.DataGroup).ToDictionary(g => g.Key, g => g.Count());
        return new JsonArray(DataGroups.All.OrderBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => allFields ? CkanDicts.Group(g, counts.GetValueOrDefault(g.Code)) : (JsonNode?)g.Code).ToArray());
    }

    private async Task<JsonObject> DataStoreSearchAsync(CkanArgs args, ClaimsPrincipal user, string actionUrl)
    {
        var id = args.String("resource_id") ?? args.String("id") ?? throw new CkanValidation("resource_id", "Missing value");
        var limit = args.Natural("limit", DataStoreSearch.DefaultLimit, DataStoreSearch.MaxLimit);
        var offset = args.Integer("offset", 0);
        if (offset < 0) throw new CkanValidation("offset", "Must be a natural number");
        var includeTotal = args.Boolean("include_total", true);
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (args.Object("filters") is { } filterObject)
            foreach (var (key, value) in filterObject)
                filters[key] = value switch
                {
                    JsonArray list => list.Select(v => v is JsonValue jv ? jv.ToString() : throw new CkanValidation("filters", $"invalid value for field \"{key}\"")).ToList(),
                    JsonValue single => [single.ToString()],
                    null => [""],
                    _ => throw new CkanValidation("filters", $"invalid value for field \"{key}\""),
                };
        var sort = (args.StringList("sort") ?? []).Select(s =>
        {
            var parts = s.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 1 or > 2 || (parts.Length == 2 && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase) && !parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)))
                throw new CkanValidation("sort", $"invalid value \"{s}\"");
            return (parts[0].Trim('"'), parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
        }).ToList();
        if (tenant.IsDefault) throw new CkanNotFound($"Resource \"{id}\" was not found.");
        var (_, resource) = await ResourceAsync(id, user, "datastore_search");
        DataStoreResult? result;
        try
        {
            result = await store.SearchAsync(resource.Id, new DataStoreSearch
            {
                Filters = filters, Q = args.String("q"), Fields = args.StringList("fields"), Sort = sort, Limit = limit, Offset = offset, IncludeTotal = includeTotal,
            });
        }
        catch (DataStoreQueryException exception) { throw new CkanValidation(exception.Key, exception.Message); }
        if (result is null) throw new CkanNotFound($"Resource \"{id}\" was not found.");
        var start = "/api/3/action/datastore_search?resource_id=" + Uri.EscapeDataString(resource.Id);
        var answer = new JsonObject
        {
            ["include_total"] = includeTotal,
            ["resource_id"] = resource.Id,
            ["fields"] = new JsonArray(result.Fields.Select(f => (JsonNode?)new JsonObject { ["id"] = f.Id, ["type"] = f.Type }).ToArray()),
            ["records_format"] = "objects",
            ["records"] = new JsonArray(result.Records.Select(r => (JsonNode?)new JsonObject(r.Select(c => KeyValuePair.Create(c.Key, CkanDicts.Value(c.Value))))).ToArray()),
            ["limit"] = limit,
            ["_links"] = new JsonObject { ["start"] = start, ["next"] = $"{start}&offset={offset + limit}" },
        };
        if (offset > 0) answer["offset"] = offset;
        if (args.String("q") is { } q) answer["q"] = q;
        if (filters.Count > 0) answer["filters"] = args.Object("filters")!.DeepClone();
        if (result.Total is { } total) { answer["total"] = total; answer["total_was_estimated"] = false; }
        return answer;
    }

    private async Task<JsonObject> DataStoreSqlAsync(CkanArgs args, ClaimsPrincipal user)
    {
        var text = args.Required("sql");
        var resources = DataStoreSql.ResourcesOf(text);
        if (resources.Count == 0 || tenant.IsDefault) throw new CkanNotAuthorized("Not authorized to read resource.");
        if (resources.Count > 1) throw new CkanValidation("query", "Only one resource may be queried.");
        var (_, resource) = await ResourceAsync(resources[0], user, "datastore_search_sql");
        if (await tables.FindAsync(resource.Id) is not { } table) throw new CkanNotFound($"Resource \"{resource.Id}\" was not found.");
        return await sql.RunAsync(text, resource.Id, table.Table, table.Fields);
    }
}
