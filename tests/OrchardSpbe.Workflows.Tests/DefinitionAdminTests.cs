using System.Net;
using System.Text.Json.Nodes;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// An administrator writes workflow definitions in the admin: a definition that could not run is refused with a
/// message naming the activity, in the admin and on recipe import alike, and nothing is stored.
/// </summary>
public sealed class DefinitionAdminTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    private TestSite Site => fixture.Site;

    /// <summary>Each broken definition, with the words its refusal must contain (the activity it names, what is wrong).</summary>
    public static TheoryData<string, string[]> Broken => new()
    {
        { "dangling", ["'tinjau'", "arsip"] },
        { "cycle", ["cek-a", "cek-b"] },
        { "unknown-type", ["'kirim'", "KirimFaks"] },
        { "unknown-role", ["'tinjau'", "KepalaDinasFiktif"] },
    };

    private static JsonObject BrokenDefinition(string kind)
    {
        var json = WorkflowDesk.OneTask("uji-tinjau", "Uji tinjau");
        var activities = json["activities"]!.AsArray();
        var transitions = json["transitions"]!.AsArray();
        switch (kind)
        {
            case "dangling":
                transitions.Add(new JsonObject { ["from"] = "tinjau", ["outcome"] = "selesai", ["to"] = "arsip" });
                break;
            case "cycle":
                activities.Add(new JsonObject { ["id"] = "cek-a", ["type"] = "IfElse", ["condition"] = "true" });
                activities.Add(new JsonObject { ["id"] = "cek-b", ["type"] = "IfElse", ["condition"] = "true" });
                transitions.Add(new JsonObject { ["from"] = "tinjau", ["outcome"] = "selesai", ["to"] = "cek-a" });
                transitions.Add(new JsonObject { ["from"] = "cek-a", ["outcome"] = "True", ["to"] = "cek-b" });
                transitions.Add(new JsonObject { ["from"] = "cek-b", ["outcome"] = "True", ["to"] = "cek-a" });
                break;
            case "unknown-type":
                activities.Add(new JsonObject { ["id"] = "kirim", ["type"] = "KirimFaks" });
                transitions.Add(new JsonObject { ["from"] = "tinjau", ["outcome"] = "selesai", ["to"] = "kirim" });
                break;
            case "unknown-role":
                activities[1]!["actions"]![0]!["roles"] = new JsonArray("KepalaDinasFiktif");
                break;
        }
        return json;
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_definition_is_refused_in_the_admin_and_on_import_naming_the_activity(string kind, string[] named)
    {
        var desk = await WorkflowDesk.OpenAsync(Site);
        var created = await desk.CreateDefinitionAsync(WorkflowDesk.OneTask("uji-tinjau", "Uji tinjau").ToJsonString());
        Assert.Equal("/admin/workflows/uji-tinjau", created.Url.AbsolutePath);
        Assert.Contains("versi 1", created.SuccessMessage);

        // Saved over the good version from its page: refused above the form, the typed JSON kept, no new version.
        var typed = BrokenDefinition(kind).ToJsonString();
        var refused = await desk.SaveDefinitionAsync("uji-tinjau", typed);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var errors = string.Join(" ", refused.Errors);
        foreach (var word in named) Assert.Contains(word, errors);
        Assert.Equal(typed, refused.Document.QuerySelector("textarea#Json")!.TextContent.Trim());
        Assert.Equal(new[] { 1 }, await desk.VersionsAsync("uji-tinjau"));

        // As a new definition: refused too, nothing created.
        var broken = BrokenDefinition(kind);
        broken["id"] = "uji-rusak";
        var refusedNew = await desk.CreateDefinitionAsync(broken.ToJsonString());
        foreach (var word in named) Assert.Contains(word, string.Join(" ", refusedNew.Errors));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Client.GetAsync(desk.Url("/admin/workflows/uji-rusak"))).StatusCode);

        // The same definition in a recipe: the recipe fails naming the step, the field and the activity; nothing applies.
        var recipe = new JsonObject
        {
            ["name"] = "alur-rusak",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "workflows", ["workflows"] = new JsonArray(BrokenDefinition(kind)) }),
        };
        var import = await desk.ImportRecipeAsync(recipe.ToJsonString());
        var importError = string.Join(" ", import.Errors);
        Assert.Contains("Langkah 1 (workflows)", importError);
        Assert.Contains("workflows[0]", importError);
        foreach (var word in named) Assert.Contains(word, importError);
        Assert.Equal(new[] { 1 }, await desk.VersionsAsync("uji-tinjau"));
    }

    [Fact]
    public async Task Broken_json_and_values_of_the_wrong_kind_get_a_clear_message_never_an_error_page()
    {
        var desk = await WorkflowDesk.OpenAsync(Site);
        var missingBrace = await desk.CreateDefinitionAsync("""{ "id": "uji-json", "name": "Uji", "activities": [ """);
        Assert.Equal(HttpStatusCode.OK, missingBrace.Status);
        Assert.Contains("JSON tidak sah di baris", string.Join(" ", missingBrace.Errors));
        Assert.Contains("\"uji-json\"", missingBrace.Document.QuerySelector("textarea#Json")!.TextContent);

        var array = await desk.CreateDefinitionAsync("[1, 2]");
        Assert.Contains("objek JSON", string.Join(" ", array.Errors));

        var numberAsRole = WorkflowDesk.OneTask("uji-jenis", "Uji jenis");
        numberAsRole["activities"]![1]!["actions"]![0]!["roles"] = new JsonArray(42);
        var wrongKind = await desk.CreateDefinitionAsync(numberAsRole.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, wrongKind.Status);
        Assert.NotEmpty(wrongKind.Errors);

        var empty = await desk.CreateDefinitionAsync("   ");
        Assert.Contains("Tuliskan definisi alur kerja dalam JSON.", empty.Errors);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Client.GetAsync(desk.Url("/admin/workflows/uji-json"))).StatusCode);
    }

    [Fact]
    public async Task A_save_over_a_newer_version_is_refused_as_stale_keeping_what_was_typed()
    {
        var desk = await WorkflowDesk.OpenAsync(Site);
        await desk.CreateDefinitionAsync(WorkflowDesk.OneTask("uji-basi", "Uji basi").ToJsonString());
        var first = await desk.Client.OpenAsync(desk.Url("/admin/workflows/uji-basi"));
        var second = await desk.Client.OpenAsync(desk.Url("/admin/workflows/uji-basi"));

        var saved = await first.SubmitAsync(desk.Client, "form.definition-form",
            new Dictionary<string, string> { ["Json"] = WorkflowDesk.OneTask("uji-basi", "Uji basi (diubah)").ToJsonString() });
        Assert.Contains("versi 2", saved.SuccessMessage);
        Assert.Equal("Uji basi (diubah)", saved.Heading);

        var typed = WorkflowDesk.OneTask("uji-basi", "Uji basi (versi lain)").ToJsonString();
        var stale = await second.SubmitAsync(desk.Client, "form.definition-form", new Dictionary<string, string> { ["Json"] = typed });
        Assert.Contains(OrchardSpbe.Localization.CommonText.StaleEdit, stale.Errors);
        Assert.Equal(typed, stale.Document.QuerySelector("textarea#Json")!.TextContent.Trim());
        Assert.Equal(new[] { 2, 1 }, await desk.VersionsAsync("uji-basi"));

        // The version page shows each version's graph and JSON; the export downloads it.
        var v1 = await desk.Client.OpenAsync(desk.Url("/admin/workflows/uji-basi/versions/1"));
        Assert.Contains("Uji basi", v1.Document.QuerySelector("pre.json")!.TextContent);
        Assert.DoesNotContain("diubah", v1.Document.QuerySelector("pre.json")!.TextContent);
        Assert.NotNull(v1.Document.QuerySelector("svg[role=img] > title"));
        var export = await desk.Client.GetAsync(desk.Url("/admin/workflows/uji-basi/export"));
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Uji basi (diubah)", (string?)JsonNode.Parse(await export.Content.ReadAsStringAsync())!["name"]);

        // Saving the same JSON again adds no version.
        var unchanged = await desk.SaveDefinitionAsync("uji-basi", WorkflowDesk.OneTask("uji-basi", "Uji basi (diubah)").ToJsonString());
        Assert.Contains("Tidak ada perubahan", unchanged.SuccessMessage);
        Assert.Equal(new[] { 2, 1 }, await desk.VersionsAsync("uji-basi"));
    }
}
