using System.Net;

namespace OrchardSpbe.Applications.Tests;

/// <summary>
/// Issue 14, "programmers assigned", through Core's IProgrammerDirectory: the PD picks from the Tim Programmer members
/// placed at it (the placement reaches it by the hand-over); the registrar's review and the public catalogue show each
/// one's name and role, linking to /tim-programmer; a member not placed here is refused; where the Programmers feature
/// is off the field is absent. A site of its own: the sample members are placed at a PD named "dinkes".
/// </summary>
public sealed class ProgrammersAssignedTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task An_application_lists_the_programmers_placed_at_its_pd_in_the_review_and_the_catalogue()
    {
        var site = fixture.Site;
        var desk = await ApplicationsDesk.OpenAsync(site, "dinkes", "Dinas Kesehatan", exact: true);
        using (var portalAdmin = site.NewVisitor())
        {
            await portalAdmin.SignInAsync(site.Url(null), "admin", TestEnvironment.AdminPassword);
            var placed = await portalAdmin.SubmitAsync(site.Url(null, "/admin/recipes"), "form.card", new Dictionary<string, string>
            {
                ["json"] = """{ "name": "tim-contoh", "steps": [ { "name": "programmer-samples" } ] }""",
            });
            Assert.Empty(placed.Errors);
        }
        using var officer = await desk.OfficerAsync();
        // Siti Rahmawati (data contoh), placed at dinkes, reaches the PD by the hand-over; she is the only one placed here.
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await officer.OpenAsync(desk.Url("/admin/aplikasi/baru"))).Document.QuerySelector(".programmers-field input[name='Programmers']") is not null,
            "The placed member never reached the PD's application form.");
        var form = await officer.OpenAsync(desk.Url("/admin/aplikasi/baru"));
        var box = Assert.Single(form.Document.QuerySelectorAll(".programmers-field input[name='Programmers']"));
        var member = box.GetAttribute("value")!;
        var label = box.ParentElement!.TextContent.Trim();
        Assert.Contains("Siti Rahmawati", label);
        // Only the members placed here: any other id is refused.
        var url = $"https://gizi-{desk.Pd}.bekasikota.go.id";
        var fields = ApplicationsDesk.Application("Sistem Gizi Balita", url);
        var refused = await desk.CreateAsync(officer, new Dictionary<string, string>(fields) { ["Programmers"] = "contoh-9" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Tim Programmer yang ditempatkan", refused.FieldError("Programmers"));

        var created = await desk.CreateAsync(officer, new Dictionary<string, string>(fields) { ["Programmers"] = member });
        Assert.Empty(created.Errors);
        var id = ApplicationsDesk.IdOf(created);
        Assert.NotNull((await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}/ubah"))).Document.QuerySelector($".programmers-field input[value='{member}'][checked]"));
        await desk.UploadAllAsync(officer, id);
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>())).Errors);

        // The registrar sees name and role; registered, the catalogue shows them, linking to the team page.
        using var registrar = await desk.RegistrarAsync();
        var review = await registrar.OpenAsync(await desk.WaitForRegisterAsync(registrar, id));
        var reviewed = review.Document.QuerySelector($".programmers li[data-id='{member}']")!;
        Assert.Contains("Siti Rahmawati", reviewed.TextContent);
        var role = reviewed.TextContent.Split(',', 2)[1].Trim();
        Assert.NotEmpty(role);
        Assert.Contains(role, label);
        var registered = await review.SubmitAsync(registrar, "form.register-form", new Dictionary<string, string> { ["securityLevel"] = "rendah" });
        var number = registered.Document.QuerySelector(".registration-number")!.TextContent.Trim();
        using var visitor = site.NewVisitor();
        var page = await visitor.OpenAsync(desk.PortalUrl("/aplikasi/" + number));
        var listed = page.Document.QuerySelector($".programmers li[data-id='{member}']")!;
        Assert.Contains("Siti Rahmawati", listed.TextContent);
        Assert.Contains(role, listed.TextContent);
        Assert.Equal("/tim-programmer", listed.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("800/Kep.", page.Document.QuerySelector("main")!.TextContent); // the decree stays private

        // Where the Programmers feature is off, the field is absent and saving keeps what was assigned.
        var features = await desk.PdAdmin.OpenAsync(desk.Url("/admin/features"));
        var off = await features.SubmitAsync(desk.PdAdmin, "form[action='/admin/features/OrchardSpbe.Programmers/disable']", new Dictionary<string, string>());
        Assert.Empty(off.Errors);
        var without = await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}/ubah"));
        Assert.Equal(HttpStatusCode.OK, without.Status);
        Assert.Null(without.Document.QuerySelector(".programmers-field"));
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}/ubah"), "form.application-editor",
            new Dictionary<string, string>(fields) { ["Lifecycle"] = "produksi" })).Errors);
        var on = await (await desk.PdAdmin.OpenAsync(desk.Url("/admin/features"))).SubmitAsync(desk.PdAdmin, "form[action='/admin/features/OrchardSpbe.Programmers/enable']", new Dictionary<string, string>());
        Assert.Empty(on.Errors);
        Assert.NotNull((await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}/ubah"))).Document.QuerySelector($".programmers-field input[value='{member}'][checked]"));
    }
}
