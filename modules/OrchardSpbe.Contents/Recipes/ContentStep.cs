using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Localization;
using OrchardSpbe.Recipes;

namespace OrchardSpbe.Contents.Recipes;

/// <summary>
/// { "name": "content", "items": [ { "id": "berita", "type": "NewsList", "title": "Berita", "path": "berita",
///   "body": "&lt;p&gt;…&lt;/p&gt;", "container": "berita", "published": true, "publishedAt": "-2d",
///   "event": { "start": "+7d 09:00", "end": "+7d 12:00", "place": "…" }, "fields": { … } } ] }
/// Items with a fixed id are updated when the recipe runs again; bodies are sanitised like the editor's.
/// </summary>
public sealed class ContentStep(BodySanitizer sanitizer, TimeProvider clock, IStringLocalizer<Strings> T) : IRecipeStep
{
    public string Name => "content";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var contents = context.Services.GetRequiredService<ContentManager>();
        var definitions = context.Services.GetRequiredService<ContentDefinitionStore>();
        var routes = context.Services.GetRequiredService<RouteAvailability>();
        var entries = context.RequiredArray("items", T["Daftar 'items' wajib diisi."]);
        var now = clock.GetUtcNow();
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"items[{i}]";
            if (entries[i] is not JsonObject entry) throw context.Fail(at, T["Setiap konten harus berupa objek."]);
            var typeName = context.RequiredString(entry, "type", T["Tipe konten wajib diisi."], at);
            var type = await definitions.FindAsync(typeName) ?? throw context.Fail(at + ".type", T["Tipe konten '{0}' tidak dikenal.", typeName]);
            var id = (string?)entry["id"];
            var existing = id is null ? null : await contents.GetAsync(id);
            var item = existing ?? (await contents.NewAsync(type.Name))!;
            if (id is not null) item.ContentItemId = id;

            var title = (string?)entry["title"];
            if (type.HasPart(ContentParts.Title))
            {
                if (string.IsNullOrWhiteSpace(title)) throw context.Fail(at + ".title", T["Judul wajib diisi."]);
                item.Apply(ContentParts.Title, new TitlePart { Title = title.Trim() });
            }
            if (entry["container"] is JsonValue container)
            {
                var listId = (string)container!;
                if (await contents.GetAsync(listId) is null) throw context.Fail(at + ".container", T["Daftar '{0}' tidak ada.", listId]);
                item.Apply(ContentParts.Contained, new ContainedPart { ListContentItemId = listId });
            }
            if (entry["body"] is JsonValue html) item.Apply(ContentParts.Body, new BodyPart { Html = sanitizer.Sanitize((string?)html) });
            if (entry["markdown"] is JsonValue markdown) item.Apply(ContentParts.Body, new BodyPart { Markdown = (string?)markdown, Html = sanitizer.RenderMarkdown((string?)markdown) });
            if (entry["event"] is JsonObject when) item.Apply(ContentParts.Event, ReadEvent(context, when, at + ".event", now));
            if (entry["parts"] is JsonObject parts)
                foreach (var (name, value) in parts) item.Content[name] = value?.DeepClone();
            if (entry["fields"] is JsonObject fields)
                foreach (var (name, value) in fields) item.Fields[name] = value?.DeepClone();
            if (type.HasPart(ContentParts.Autoroute))
            {
                var path = await routes.ResolveAsync(item, (string?)entry["path"]);
                if (path.Error is not null) throw context.Fail(at + ".path", path.Error);
                item.Apply(ContentParts.Autoroute, new AutoroutePart { Path = path.Path! });
            }

            var publish = entry["published"] is not JsonValue p || (bool)p!;
            if (entry["publishedAt"] is JsonValue publishedAt)
            {
                if (!RecipeTime.TryParse((string?)publishedAt, now, out var publishedUtc)) throw context.Fail(at + ".publishedAt", T["Waktu terbit tidak valid."]);
                item.PublishedUtc = publishedUtc;
            }
            var result = existing is null
                ? await contents.CreateAsync(item, publish, ContentOwners.Recipe)
                : await contents.UpdateAsync(item, existing.ContentItemVersionId, publish, ContentOwners.Recipe);
            if (!result.Succeeded) throw context.Fail(at, T[CommonText.StaleEdit]);
        }
    }

    private EventPart ReadEvent(RecipeStepContext context, JsonObject when, string at, DateTimeOffset now)
    {
        if (!RecipeTime.TryParse((string?)when["start"], now, out var start)) throw context.Fail(at + ".start", T["Waktu mulai tidak valid."]);
        DateTimeOffset? end = null;
        if (when["end"] is not null)
        {
            if (!RecipeTime.TryParse((string?)when["end"], now, out var parsed) || parsed < start) throw context.Fail(at + ".end", T["Waktu selesai tidak valid."]);
            end = parsed;
        }
        return new EventPart { StartUtc = start, EndUtc = end, Place = (string?)when["place"] };
    }
}

/// <summary>Who owns what a recipe made: the list shows it as "Sistem (resep awal)".</summary>
public static class ContentOwners
{
    public const string Recipe = "resep";
}
