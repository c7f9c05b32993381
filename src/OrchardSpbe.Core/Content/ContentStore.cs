using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using OrchardSpbe.Data;

namespace OrchardSpbe.Content;

/// <summary>The SQL of the content store: version rows in, flags flipped, queries answered from index columns.</summary>
public sealed class ContentStore(TenantSession session)
{
    private const string Columns = """
        c.id AS Id, c.content_item_id AS ContentItemId, c.content_item_version_id AS ContentItemVersionId,
        c.content_type AS ContentType, c.display_text AS DisplayText, c.number AS Number, c.latest AS Latest,
        c.published AS Published, c.owner AS Owner, c.author AS Author, c.created_utc AS CreatedUtc,
        c.modified_utc AS ModifiedUtc, c.published_utc AS PublishedUtc, c.container_id AS ContainerId
        """;

    public async Task<ContentItem?> GetAsync(string contentItemId, bool published)
    {
        var flag = published ? "c.published" : "c.latest";
        var row = await session.QuerySingleOrDefaultAsync<ContentRow>(
            $"SELECT {Columns}, c.data AS Data FROM content_items c WHERE c.content_item_id = @contentItemId AND {flag} = TRUE",
            new { contentItemId });
        return row?.ToItem();
    }

    public async Task<ContentItem?> GetVersionAsync(string versionId)
    {
        var row = await session.QuerySingleOrDefaultAsync<ContentRow>(
            $"SELECT {Columns}, c.data AS Data FROM content_items c WHERE c.content_item_version_id = @versionId", new { versionId });
        return row?.ToItem();
    }

    /// <summary>Every version of an item, newest first, without their content.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListVersionsAsync(string contentItemId)
    {
        var rows = await session.QueryAsync<ContentRow>(
            $"SELECT {Columns} FROM content_items c WHERE c.content_item_id = @contentItemId ORDER BY c.number DESC", new { contentItemId });
        return rows.Select(r => r.ToItem()).ToList();
    }

    public async Task<int> NextNumberAsync(string contentItemId) =>
        (int)(await session.ExecuteScalarAsync<long?>("SELECT MAX(number) FROM content_items WHERE content_item_id = @contentItemId",
            new { contentItemId }) ?? 0) + 1;

    public async Task InsertAsync(ContentItem item)
    {
        item.Id = await session.ExecuteScalarAsync<long>($"""
            INSERT INTO content_items (content_item_id, content_item_version_id, content_type, display_text, number, latest,
                published, owner, author, created_utc, modified_utc, published_utc, container_id, data)
            VALUES (@ContentItemId, @ContentItemVersionId, @ContentType, @DisplayText, @Number, @Latest, @Published, @Owner,
                @Author, @CreatedUtc, @ModifiedUtc, @PublishedUtc, @ContainerId, @Data)
            RETURNING id
            """, new
        {
            item.ContentItemId, item.ContentItemVersionId, item.ContentType, item.DisplayText, item.Number, item.Latest,
            item.Published, item.Owner, item.Author,
            CreatedUtc = UnixTime.Ms(item.CreatedUtc), ModifiedUtc = UnixTime.Ms(item.ModifiedUtc),
            PublishedUtc = item.PublishedUtc is { } p ? UnixTime.Ms(p) : (long?)null,
            item.ContainerId, Data = item.Content.ToJsonString(ContentItem.Json),
        });
    }

    /// <summary>Takes the latest flag off <paramref name="expectedVersionId"/>; false when it is no longer the latest (a stale edit).</summary>
    public async Task<bool> ReleaseLatestAsync(string contentItemId, string expectedVersionId) =>
        await session.ExecuteAsync(
            "UPDATE content_items SET latest = FALSE WHERE content_item_id = @contentItemId AND content_item_version_id = @expectedVersionId AND latest = TRUE",
            new { contentItemId, expectedVersionId }) == 1;

    /// <summary>
    /// Locks the version's row for this transaction and says whether it is still the latest. An approval calls it
    /// first, so that an edit saved at the same moment (which releases that row) is ordered before or after the
    /// decision, on every node: never in between (an approval publishes the version the head was shown).
    /// </summary>
    public async Task<bool> ClaimLatestAsync(string contentItemId, string versionId) =>
        await session.ExecuteAsync(
            "UPDATE content_items SET latest = latest WHERE content_item_id = @contentItemId AND content_item_version_id = @versionId AND latest = TRUE",
            new { contentItemId, versionId }) == 1;

    public Task<int> ClearPublishedAsync(string contentItemId) =>
        session.ExecuteAsync("UPDATE content_items SET published = FALSE WHERE content_item_id = @contentItemId AND published = TRUE", new { contentItemId });

    public Task<int> MarkPublishedAsync(long id, DateTimeOffset publishedUtc) =>
        session.ExecuteAsync("UPDATE content_items SET published = TRUE, published_utc = @at WHERE id = @id", new { id, at = UnixTime.Ms(publishedUtc) });

    public Task<int> RemoveAllAsync(string contentItemId) =>
        session.ExecuteAsync("UPDATE content_items SET latest = FALSE, published = FALSE WHERE content_item_id = @contentItemId AND (latest = TRUE OR published = TRUE)",
            new { contentItemId });

    /// <summary>When the item was first published (kept across later versions: the date a news item shows).</summary>
    public Task<long?> FirstPublishedAsync(string contentItemId) =>
        session.ExecuteScalarAsync<long?>("SELECT MIN(published_utc) FROM content_items WHERE content_item_id = @contentItemId", new { contentItemId });

    public async Task<ContentPage> QueryAsync(ContentQuery query)
    {
        var where = new StringBuilder("WHERE ");
        var joins = new StringBuilder();
        var parameters = new DynamicParameters();
        where.Append(query.Status switch
        {
            ContentStatus.Published => "c.published = TRUE",
            ContentStatus.Draft => "c.latest = TRUE AND c.published = FALSE",
            ContentStatus.PublishedWithDraft => "c.latest = TRUE AND c.published = FALSE AND EXISTS (SELECT 1 FROM content_items p WHERE p.content_item_id = c.content_item_id AND p.published = TRUE)",
            _ => "c.latest = TRUE",
        });
        if (query.ContentTypes is { Count: > 0 } types)
        {
            where.Append(" AND " + session.Dialect.InList("c.content_type", "types"));
            parameters.Add("types", types.ToArray());
        }
        if (query.Owner is not null)
        {
            where.Append(" AND c.owner = @owner");
            parameters.Add("owner", query.Owner);
        }
        if (query.DraftsOnlyOf is not null)
        {
            where.Append(" AND (c.published = TRUE OR c.owner = @draftsOf)");
            parameters.Add("draftsOf", query.DraftsOnlyOf);
        }
        if (!string.IsNullOrWhiteSpace(query.TitleContains))
        {
            where.Append(" AND LOWER(c.display_text) LIKE @title ESCAPE '\\'");
            parameters.Add("title", "%" + EscapeLike(query.TitleContains.Trim().ToLowerInvariant()) + "%");
        }
        if (query.ContainerId is not null)
        {
            where.Append(" AND c.container_id = @container");
            parameters.Add("container", query.ContainerId);
        }
        var needsEvents = query.EventStartsFrom is not null || query.EventStartsBefore is not null
                          || query.Order is ContentOrder.EventStartAsc or ContentOrder.EventStartDesc;
        if (needsEvents) joins.Append(" JOIN event_index e ON e.document_id = c.id");
        if (query.EventStartsFrom is { } from)
        {
            where.Append(" AND e.start_utc >= @from");
            parameters.Add("from", UnixTime.Ms(from));
        }
        if (query.EventStartsBefore is { } before)
        {
            where.Append(" AND e.start_utc < @before");
            parameters.Add("before", UnixTime.Ms(before));
        }
        if (query.TermId is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM term_index t WHERE t.document_id = c.id AND t.term_id = @term)");
            parameters.Add("term", query.TermId);
        }
        if (query.ReviewState is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM content_review_state r WHERE r.content_item_id = c.content_item_id AND r.state = @reviewState)");
            parameters.Add("reviewState", query.ReviewState);
        }
        var order = query.Order switch
        {
            ContentOrder.PublishedDesc => "c.published_utc DESC, c.id DESC",
            ContentOrder.CreatedDesc => "c.created_utc DESC, c.id DESC",
            ContentOrder.TitleAsc => "c.display_text, c.id",
            ContentOrder.EventStartAsc => "e.start_utc, c.id",
            ContentOrder.EventStartDesc => "e.start_utc DESC, c.id DESC",
            _ => "c.modified_utc DESC, c.id DESC",
        };
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        parameters.Add("take", pageSize);
        parameters.Add("skip", (page - 1) * pageSize);
        var data = query.WithContent ? ", c.data AS Data" : "";
        var rows = await session.QueryAsync<ContentRow>(
            $"SELECT {Columns}{data} FROM content_items c{joins} {where} ORDER BY {order} LIMIT @take OFFSET @skip", parameters);
        var total = await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM content_items c{joins} {where}", parameters);
        return new ContentPage(rows.Select(r => r.ToItem()).ToList(), total, page, pageSize);
    }

    /// <summary>The items with the given ids (latest or published versions), in no particular order.</summary>
    public async Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, bool published)
    {
        if (contentItemIds.Count == 0) return [];
        var flag = published ? "c.published" : "c.latest";
        var rows = await session.QueryAsync<ContentRow>(
            $"SELECT {Columns}, c.data AS Data FROM content_items c WHERE {session.Dialect.InList("c.content_item_id", "ids")} AND {flag} = TRUE",
            new { ids = contentItemIds.ToArray() });
        return rows.Select(r => r.ToItem()).ToList();
    }

    /// <summary>The id of the published item at a public address (the route index, joined with the published version).</summary>
    public Task<string?> FindPublishedIdByPathAsync(string path) =>
        session.ExecuteScalarAsync<string?>("""
            SELECT c.content_item_id FROM autoroute_index a JOIN content_items c ON c.id = a.document_id
            WHERE a.path = @path AND c.published = TRUE
            """, new { path });

    /// <summary>Every published item's address and last change, by address (for sitemaps).</summary>
    public async Task<IReadOnlyList<PublishedRoute>> ListPublishedRoutesAsync(int limit) =>
        (await session.QueryAsync<PublishedRoute>("""
            SELECT a.path AS Path, c.modified_utc AS ModifiedUtc
            FROM autoroute_index a JOIN content_items c ON c.id = a.document_id
            WHERE c.published = TRUE AND a.path <> ''
            ORDER BY a.path LIMIT @limit
            """, new { limit })).ToList();

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private sealed class ContentRow
    {
        public long Id { get; set; }
        public string ContentItemId { get; set; } = "";
        public string ContentItemVersionId { get; set; } = "";
        public string ContentType { get; set; } = "";
        public string DisplayText { get; set; } = "";
        public long Number { get; set; }
        public bool Latest { get; set; }
        public bool Published { get; set; }
        public string? Owner { get; set; }
        public string? Author { get; set; }
        public DateTimeOffset CreatedUtc { get; set; }
        public DateTimeOffset ModifiedUtc { get; set; }
        public DateTimeOffset? PublishedUtc { get; set; }
        public string? ContainerId { get; set; }
        public string? Data { get; set; }

        public ContentItem ToItem() => new()
        {
            Id = Id, ContentItemId = ContentItemId, ContentItemVersionId = ContentItemVersionId, ContentType = ContentType,
            DisplayText = DisplayText, Number = (int)Number, Latest = Latest, Published = Published, Owner = Owner, Author = Author,
            CreatedUtc = CreatedUtc, ModifiedUtc = ModifiedUtc, PublishedUtc = PublishedUtc, ContainerId = ContainerId,
            Content = Data is null ? new JsonObject() : JsonNode.Parse(Data) as JsonObject ?? new JsonObject(),
        };
    }
}

/// <summary>A published item's public address and when its published version last changed.</summary>
public sealed class PublishedRoute
{
    public string Path { get; set; } = "";
    public DateTimeOffset ModifiedUtc { get; set; }
}
