using System.Net;

namespace OrchardSpbe.Applications.Tests;

/// <summary>
/// 001 Pasal 9, as the people live it: Dinkes's ICT officer records an application and its documents but not the
/// backup procedure, and submits it; Diskominfostandi's registrar sees the gap in the checklist and returns it with a
/// note; the officer reads the note, uploads the procedure, moves it to production and submits again; the registrar
/// sets its security level and registers it. The public catalogue then lists it without its security level or hosting.
/// </summary>
public abstract class RegistrationStoryTests(SiteFixture fixture)
{
    [Fact]
    public async Task A_returned_application_is_completed_resubmitted_registered_and_listed_without_its_private_fields()
    {
        var site = fixture.Site;
        var desk = await ApplicationsDesk.OpenAsync(site);
        using var officer = await desk.OfficerAsync();
        var url = $"https://sehat-{desk.Pd}.bekasikota.go.id";
        var created = await desk.CreateAsync(officer, ApplicationsDesk.Application("Sistem Jadwal Vaksinasi " + desk.Pd, url));
        Assert.Empty(created.Errors);
        var id = ApplicationsDesk.IdOf(created);
        await desk.UploadAllAsync(officer, id, except: "backup-restore");
        var checklist = (await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}"))).Document;
        Assert.Equal("tidak", checklist.QuerySelector("tr[data-kind='backup-restore']")!.GetAttribute("data-present"));

        // Production without the backup and restore procedure: refused, nothing changes.
        var production = ApplicationsDesk.Application("Sistem Jadwal Vaksinasi " + desk.Pd, url, lifecycle: "produksi");
        var refused = await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}/ubah"), "form.application-editor", production);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("prosedur backup dan restore"));
        Assert.Equal("uji-coba", (await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}/ubah"))).Document.QuerySelector("#Lifecycle option[selected]")!.GetAttribute("value"));

        var sent = await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>());
        Assert.Empty(sent.Errors);
        Assert.Equal("menunggu", sent.Document.QuerySelector(".application-state")!.GetAttribute("data-state"));

        // The registrar reviews: the checklist shows the procedure missing; a return needs a note.
        using var registrar = await desk.RegistrarAsync();
        var review = await registrar.OpenAsync(await desk.WaitForRegisterAsync(registrar, id));
        Assert.Equal("tidak", review.Document.QuerySelector("tr[data-kind='backup-restore']")!.GetAttribute("data-present"));
        Assert.Equal("ya", review.Document.QuerySelector("tr[data-kind='bukti-uji']")!.GetAttribute("data-present"));
        var evidence = review.Document.QuerySelector("tr[data-kind='bukti-uji'] a")!.GetAttribute("href")!;
        Assert.StartsWith("%PDF-", await registrar.Http.GetStringAsync(new Uri(review.Url, evidence)));
        var noNote = await review.SubmitAsync(registrar, "form.return-form", new Dictionary<string, string> { ["note"] = "" });
        Assert.Contains(noNote.Errors, e => e.Contains("Tulis catatan"));
        var returned = await review.SubmitAsync(registrar, "form.return-form", new Dictionary<string, string> { ["note"] = "Lengkapi prosedur backup dan restore sebelum produksi." });
        Assert.Equal("dikembalikan", returned.Document.QuerySelector(".review-state")!.GetAttribute("data-state"));

        // The note travels back; the officer completes the application and submits again.
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}"))).Document.QuerySelector(".review-note")?.TextContent.Contains("prosedur backup") == true,
            "The registrar's note never reached the PD.");
        Assert.Empty((await desk.UploadAsync(officer, id, "backup-restore", "backup.docx", ApplicationsDesk.Docx())).Errors);
        var completed = await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}/ubah"), "form.application-editor", production);
        Assert.Empty(completed.Errors);
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>())).Errors);

        var second = await registrar.OpenAsync(await desk.WaitForRegisterAsync(registrar, id));
        Assert.Equal("ya", second.Document.QuerySelector("tr[data-kind='backup-restore']")!.GetAttribute("data-present"));
        // Only the backup procedure travelled the second time: the portal held the other nine (by SHA-256) and kept them.
        Assert.Equal([(9, 9), (10, 1)], await desk.HandedOverAsync(id));
        Assert.All(second.Document.QuerySelectorAll("tr[data-kind]"), row => Assert.Equal("ya", row.GetAttribute("data-present")));
        Assert.StartsWith("%PDF-", await registrar.Http.GetStringAsync(new Uri(second.Url, second.Document.QuerySelector("tr[data-kind='bukti-uji'] a")!.GetAttribute("href")!)));
        var noLevel = await second.SubmitAsync(registrar, "form.register-form", new Dictionary<string, string> { ["securityLevel"] = "" });
        Assert.Contains(noLevel.Errors, e => e.Contains("tingkat keamanan"));
        var registered = await second.SubmitAsync(registrar, "form.register-form", new Dictionary<string, string> { ["securityLevel"] = "tinggi" });
        Assert.Equal("terdaftar", registered.Document.QuerySelector(".review-state")!.GetAttribute("data-state"));
        var number = registered.Document.QuerySelector(".registration-number")!.TextContent.Trim();
        Assert.Matches("^SPBE-APL-[0-9]{4}-[0-9]{4}$", number);

        // The PD sees its number and the security level Diskominfostandi set.
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}"))).Document.QuerySelector(".security-level")?.GetAttribute("data-level") == "tinggi",
            "The registration never reached the PD.");
        Assert.Equal(number, (await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}"))).Document.QuerySelector(".registration-number")!.TextContent.Trim());

        // The public catalogue lists it, with none of its private fields.
        using var visitor = site.NewVisitor();
        var catalogue = await visitor.OpenAsync(desk.PortalUrl("/aplikasi?pd=" + desk.Pd));
        Assert.NotNull(catalogue.Document.QuerySelector($".app-hit[data-number='{number}']"));
        var page = await visitor.OpenAsync(desk.PortalUrl("/aplikasi/" + number));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Sistem Jadwal Vaksinasi", page.Html);
        foreach (var secret in new[] { "tinggi", "Tinggi", "Tingkat keamanan", "pusat-data-kota", "Pusat data", "Hosting", "backup", ".pdf" })
            Assert.DoesNotContain(secret, page.Document.QuerySelector("main")!.TextContent);

        // And the portal's search finds it, faceted by PD, class and lifecycle.
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await visitor.OpenAsync(desk.PortalUrl("/aplikasi?q=vaksinasi"))).Document.QuerySelector($".app-hit[data-number='{number}']") is not null,
            "The registered application never appeared in the catalogue search.");
        var found = await visitor.OpenAsync(desk.PortalUrl("/aplikasi?q=vaksinasi&tahap=produksi&kelas=umum-kecil&pd=" + desk.Pd));
        Assert.NotNull(found.Document.QuerySelector($".app-hit[data-number='{number}']"));
        Assert.DoesNotContain("tinggi", found.Document.QuerySelector(".catalogue-results")!.TextContent);
        Assert.Null((await visitor.OpenAsync(desk.PortalUrl("/aplikasi?q=vaksinasi&tahap=perencanaan"))).Document.QuerySelector($".app-hit[data-number='{number}']"));

        // A change of class goes through review again; the number stays.
        var changed = await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}/ubah"), "form.application-editor",
            new Dictionary<string, string>(production) { ["AppClass"] = "umum-besar" });
        Assert.Equal("perubahan", changed.Document.QuerySelector(".application-state")!.GetAttribute("data-state"));
        Assert.Equal(number, changed.Document.QuerySelector(".registration-number")!.TextContent.Trim());
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>())).Errors);
        var again = await registrar.OpenAsync(await desk.WaitForRegisterAsync(registrar, id));
        Assert.Equal(number, again.Document.QuerySelector(".registration-number")!.TextContent.Trim());
        // Nothing changed among the documents: the re-review carries none of their bytes, and the record still shows them all.
        Assert.Equal((10, 0), (await desk.HandedOverAsync(id))[^1]);
        Assert.All(again.Document.QuerySelectorAll("tr[data-kind]"), row => Assert.Equal("ya", row.GetAttribute("data-present")));

        // The audit log kept the story.
        var audit = await desk.PdAdmin.OpenAsync(desk.Url("/admin/audit"));
        var actions = audit.Document.QuerySelectorAll("tr[data-action]").Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Contains("application.submitted", actions);
        Assert.Contains("application.document.uploaded", actions);
    }
}

public sealed class SqliteRegistrationStoryTests(SqliteSite fixture) : RegistrationStoryTests(fixture), IClassFixture<SqliteSite>;

public sealed class PostgresRegistrationStoryTests(PostgresSite fixture) : RegistrationStoryTests(fixture), IClassFixture<PostgresSite>;
