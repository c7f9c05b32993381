using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>A link: a site address ("/layanan") or an http(s) URL, with its text. No javascript: or data: links.</summary>
public sealed class LinkFieldEditor : IContentEditor
{
    public string Name => ContentFieldTypes.Link;

    public Task UpdateAsync(EditorContext context)
    {
        var url = context.Value("Url") ?? "";
        var text = context.Value("Text") ?? "";
        context.FieldData["Url"] = url;
        context.FieldData["Text"] = text;
        if (url.Length == 0)
        {
            if (context.Field!.Required) context.Error("Url", context.T["{0} wajib diisi.", context.Label]);
            return Task.CompletedTask;
        }
        if (!IsSafe(url)) context.Error("Url", context.T["Tautan harus diawali / atau berupa alamat http(s)."]);
        if (text.Length > 200) context.Error("Text", context.T["Teks tautan paling banyak 200 karakter."]);
        return Task.CompletedTask;
    }

    public static bool IsSafe(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//"))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
