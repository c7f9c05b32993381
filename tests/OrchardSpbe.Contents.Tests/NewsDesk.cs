namespace OrchardSpbe.Contents.Tests;

/// <summary>A PD's website team at work in the admin, through the same forms a person fills in.</summary>
public sealed class NewsDesk(TestSite site, string pd, SiteClient client)
{
    /// <summary>A 1×1 PNG: real image bytes the media library decodes.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public string Pd => pd;
    public SiteClient Client => client;

    public static async Task<NewsDesk> OpenAsync(TestSite site, string prefix = "pd")
    {
        var pd = prefix + Guid.NewGuid().ToString("N")[..8];
        await site.CreateTenantAsync(pd, "Dinas Uji " + pd);
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        return new NewsDesk(site, pd, client);
    }

    public Uri Url(string path) => site.Url(pd, path);

    public const string AuthorPassword = "Penulis-Kuat-2026";

    /// <summary>Adds "penulis" with the Author role (through a recipe, as an administrator would) and signs her in.</summary>
    public async Task<SiteClient> AddAuthorAsync()
    {
        const string recipe = """
            { "name": "penulis", "steps": [ { "name": "users", "users": [
              { "userName": "penulis", "email": "penulis@dinas.go.id", "password": "Penulis-Kuat-2026", "roles": ["Author"] } ] } ] }
            """;
        await client.SubmitAsync(Url("/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = recipe });
        var author = site.NewVisitor();
        await author.SignInAsync(Url("/"), "penulis", AuthorPassword);
        return author;
    }

    /// <summary>Writes a news item in the editor and saves it as a draft or publishes it.</summary>
    public Task<Page> WriteNewsAsync(string title, string body, bool publish, string? path = null,
        IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null, string? altText = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title,
            ["BodyPart.Html"] = body,
            ["submit"] = publish ? "publish" : "draft",
        };
        if (path is not null) fields["AutoroutePart.Path"] = path;
        if (altText is not null) fields["MediaPart.AltText"] = altText;
        return client.SubmitAsync(Url("/admin/contents/create/Article"), "form.content-editor", fields, files);
    }

    /// <summary>The id of the item whose editor <paramref name="editor"/> shows (from its address).</summary>
    public static string IdOf(Page editor) => editor.Url.AbsolutePath.Split('/')[3];

    public Task<Page> EditAsync(string id, IDictionary<string, string> fields) =>
        client.SubmitAsync(Url($"/admin/contents/{id}/edit"), "form.content-editor", fields);

    public async Task<Page> PostAsync(string path, IDictionary<string, string>? fields = null)
    {
        var form = await client.OpenAsync(Url($"/admin/contents"));
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        var response = await client.Http.PostAsync(Url(path), new FormUrlEncodedContent(values));
        return await SiteClient.ReadAsync(await client.FollowAsync(response));
    }
}
