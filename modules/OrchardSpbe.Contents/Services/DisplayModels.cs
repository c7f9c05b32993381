using OrchardSpbe.Content;
using OrchardSpbe.Contents.ViewModels;

namespace OrchardSpbe.Contents.Services;

/// <summary>
/// What a published item shows: an item with its list and tags, or a list with a page of its items (news newest
/// first, or an agenda's coming and past events). The public pages and the editors' preview share it.
/// </summary>
public sealed class DisplayModels(ContentManager contents, ContentDefinitionStore definitions, TimeProvider clock)
{
    private const int PageSize = 12;

    public async Task<DisplayViewModel> BuildAsync(ContentItem item, int page = 1, string? term = null)
    {
        var type = await definitions.FindAsync(item.ContentType) ?? new ContentTypeDefinition { Name = item.ContentType, DisplayName = item.ContentType };
        page = Math.Clamp(page, 1, 10_000);
        return type.Part(ContentParts.List) is { } list
            ? await ListModelAsync(item, type, list, page, term)
            : new DisplayViewModel
            {
                Item = item, Type = type,
                Container = item.ContainerId is { } containerId ? await contents.GetAsync(containerId, published: true) : null,
                Terms = await TermsAsync(item, type),
            };
    }

    private async Task<DisplayViewModel> ListModelAsync(ContentItem item, ContentTypeDefinition type, PartDefinition list, int page, string? term)
    {
        var containedTypes = list.List("ContainedContentTypes");
        var allTypes = (await definitions.GetAsync()).Types;
        var isAgenda = containedTypes.Any(name => allTypes.FirstOrDefault(t => t.Name == name)?.HasPart(ContentParts.Event) == true);
        var pageSize = list.Number("PageSize", PageSize);
        if (!isAgenda)
        {
            return new DisplayViewModel
            {
                Item = item, Type = type, TermId = string.IsNullOrWhiteSpace(term) ? null : term,
                Children = await contents.Store.QueryAsync(new ContentQuery
                {
                    Status = ContentStatus.Published, ContainerId = item.ContentItemId, Order = ContentOrder.PublishedDesc,
                    TermId = string.IsNullOrWhiteSpace(term) ? null : term, Page = page, PageSize = pageSize, WithContent = true,
                }),
            };
        }
        var now = clock.GetUtcNow();
        return new DisplayViewModel
        {
            Item = item, Type = type, IsAgenda = true,
            // Coming until it starts, as on the portal and in the feeds: one rule everywhere.
            Children = await contents.Store.QueryAsync(new ContentQuery
            {
                Status = ContentStatus.Published, ContainerId = item.ContentItemId, EventStartsFrom = now,
                Order = ContentOrder.EventStartAsc, Page = page, PageSize = pageSize, WithContent = true,
            }),
            Past = await contents.Store.QueryAsync(new ContentQuery
            {
                Status = ContentStatus.Published, ContainerId = item.ContentItemId, EventStartsBefore = now,
                Order = ContentOrder.EventStartDesc, Page = 1, PageSize = pageSize, WithContent = true,
            }),
        };
    }

    private async Task<IReadOnlyList<TaxonomyTerm>> TermsAsync(ContentItem item, ContentTypeDefinition type)
    {
        var terms = new List<TaxonomyTerm>();
        foreach (var field in type.Fields.Where(f => f.Type == ContentFieldTypes.Taxonomy))
        {
            var taxonomyId = field.Settings["TaxonomyContentItemId"]?.GetValue<string>();
            if (taxonomyId is null || await contents.GetAsync(taxonomyId, published: true) is not { } taxonomy) continue;
            var picked = (item.Fields[field.Name]?["TermIds"] as System.Text.Json.Nodes.JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
            terms.AddRange(taxonomy.As<TaxonomyPart>(ContentParts.Taxonomy).Terms.Where(t => picked.Contains(t.Id)));
        }
        return terms;
    }
}
