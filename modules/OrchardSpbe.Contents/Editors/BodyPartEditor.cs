using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;

namespace OrchardSpbe.Contents.Editors;

/// <summary>The body, as HTML (sanitised on save) or as Markdown (setting "Editor": "markdown").</summary>
public sealed class BodyPartEditor(BodySanitizer sanitizer) : IContentEditor
{
    public string Name => ContentParts.Body;

    public Task UpdateAsync(EditorContext context)
    {
        var markdown = context.Part?.Setting("Editor") == "markdown";
        var text = context.Value(markdown ? "Markdown" : "Html") ?? "";
        if (text.Length > 200_000)
        {
            context.Error(markdown ? "Markdown" : "Html", context.T["Isi terlalu panjang (paling banyak 200.000 karakter)."]);
            return Task.CompletedTask;
        }
        context.Item.Apply(ContentParts.Body, markdown
            ? new BodyPart { Markdown = text, Html = sanitizer.RenderMarkdown(text) }
            : new BodyPart { Html = sanitizer.Sanitize(text) });
        if (context.Part?.Flag("Required") == true && string.IsNullOrWhiteSpace(HtmlText.ToText(context.Item.As<BodyPart>(ContentParts.Body).Html)))
            context.Error(markdown ? "Markdown" : "Html", context.T["Isi wajib diisi."]);
        return Task.CompletedTask;
    }
}
