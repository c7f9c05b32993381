using System.Net;

namespace OrchardSpbe.Applications.Tests;

/// <summary>The bad input: each refused with a clear Indonesian message, nothing written.</summary>
public sealed class BadInputTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task Cloud_without_approval_khusus_without_pd_mandiri_and_a_security_level_from_the_pd_are_refused_and_nothing_is_written()
    {
        var desk = await ApplicationsDesk.OpenAsync(fixture.Site);
        using var officer = await desk.OfficerAsync();
        var url = $"https://awan-{desk.Pd}.bekasikota.go.id";

        var cloud = await desk.CreateAsync(officer, new Dictionary<string, string>(ApplicationsDesk.Application("Aplikasi Awan", url)) { ["Hosting"] = "cloud-indonesia", ["CloudProvider"] = "Penyedia Jakarta" });
        Assert.Equal(HttpStatusCode.BadRequest, cloud.Status);
        Assert.Equal("Hosting cloud memerlukan nomor persetujuan teknis Diskominfostandi (Perwal 001 Pasal 8).", cloud.FieldError("CloudApproval"));

        var khusus = await desk.CreateAsync(officer, ApplicationsDesk.Application("Aplikasi Khusus", url, appClass: "khusus", builder: "dinas"));
        Assert.Contains("Aplikasi khusus hanya dapat dibangun oleh PD Mandiri TIK", khusus.FieldError("Builder"));
        var notDesignated = await desk.CreateAsync(officer, ApplicationsDesk.Application("Aplikasi Khusus", url, appClass: "khusus", builder: "pd-mandiri-tik"));
        Assert.Contains("belum ditetapkan sebagai PD Mandiri TIK", notDesignated.FieldError("Builder"));

        var level = await desk.CreateAsync(officer, new Dictionary<string, string>(ApplicationsDesk.Application("Aplikasi Berlevel", url)) { ["SecurityLevel"] = "rendah" });
        Assert.Contains(level.Errors, e => e.Contains("Tingkat keamanan hanya ditetapkan oleh Diskominfostandi"));

        var thirdParty = await desk.CreateAsync(officer, ApplicationsDesk.Application("Aplikasi Vendor", url, builder: "pihak-ketiga"));
        Assert.Contains("nomor kontrak", thirdParty.FieldError("Contract"));

        var list = await officer.OpenAsync(desk.Url("/admin/aplikasi"));
        Assert.Empty(list.Document.QuerySelectorAll("tr[data-application]"));
    }

    [Fact]
    public async Task A_renamed_executable_and_a_document_of_the_wrong_kind_are_refused_and_nothing_is_kept()
    {
        var desk = await ApplicationsDesk.OpenAsync(fixture.Site);
        using var officer = await desk.OfficerAsync();
        var id = ApplicationsDesk.IdOf(await desk.CreateAsync(officer, ApplicationsDesk.Application("Aplikasi Berkas", $"https://berkas-{desk.Pd}.bekasikota.go.id")));

        var exe = await desk.UploadAsync(officer, id, "manual-pengguna", "manual.pdf", ApplicationsDesk.Executable());
        Assert.Equal(HttpStatusCode.BadRequest, exe.Status);
        Assert.Contains(exe.Errors, e => e.Contains("tidak dikenali sebagai dokumen"));
        var wrongKind = await desk.UploadAsync(officer, id, "manual-pengguna", "kode.zip", ZipOfSource());
        Assert.Contains(wrongKind.Errors, e => e.Contains("Manual pengguna harus berupa PDF, DOCX, ODT"));
        var page = await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}"));
        Assert.Empty(page.Document.QuerySelectorAll("tr[data-document]"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(fixture.Site.AppData, "Sites", desk.Pd, "aplikasi", id)));

        // The right kind goes in, as version 1 then 2, each with its uploader.
        Assert.Empty((await desk.UploadAsync(officer, id, "kode-sumber", "kode.zip", ZipOfSource())).Errors);
        Assert.Empty((await desk.UploadAsync(officer, id, "kode-sumber", "kode-v2.zip", ZipOfSource())).Errors);
        var versions = (await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}"))).Document.QuerySelectorAll("tr[data-kind='kode-sumber'][data-document]");
        Assert.Equal(2, versions.Length);
        Assert.Contains("pengelola", versions[0].TextContent);
    }

    [Fact]
    public async Task A_second_registration_of_a_registered_url_is_refused_by_the_portal_with_the_reason()
    {
        var site = fixture.Site;
        var first = await ApplicationsDesk.OpenAsync(site);
        var second = await ApplicationsDesk.OpenAsync(site, "disdik", "Dinas Pendidikan Uji");
        var url = $"https://bersama-{first.Pd}.bekasikota.go.id";
        var firstId = await RegisteredAsync(first, url);

        using var officer = await second.OfficerAsync();
        var id = ApplicationsDesk.IdOf(await second.CreateAsync(officer, ApplicationsDesk.Application("Salinan", url + "/")));
        await second.UploadAllAsync(officer, id);
        Assert.Empty((await officer.SubmitAsync(second.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>())).Errors);
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await officer.OpenAsync(second.Url($"/admin/aplikasi/{id}"))).Document.QuerySelector(".application-state")?.GetAttribute("data-state") == "ditolak",
            "The duplicate URL was never refused.");
        Assert.Contains("sudah terdaftar untuk aplikasi lain", (await officer.OpenAsync(second.Url($"/admin/aplikasi/{id}"))).Document.QuerySelector(".review-note")!.TextContent);
        // Corrected, it is a draft again and may be submitted.
        var corrected = await officer.SubmitAsync(second.Url($"/admin/aplikasi/{id}/ubah"), "form.application-editor", ApplicationsDesk.Application("Salinan", $"https://salinan-{second.Pd}.bekasikota.go.id"));
        Assert.Equal("draf", corrected.Document.QuerySelector(".application-state")!.GetAttribute("data-state"));
        using var registrar = await second.RegistrarAsync();
        var list = await registrar.OpenAsync(second.PortalUrl("/admin/aplikasi/register?state=semua"));
        Assert.Null(list.Document.QuerySelector($"tr[data-pd='{second.Pd}'][data-id='{id}']"));
        Assert.NotNull(list.Document.QuerySelector($"tr[data-pd='{first.Pd}'][data-id='{firstId}']"));
    }

    [Fact]
    public async Task Overlapping_ip_ranges_are_refused_in_the_pd_and_across_the_city()
    {
        var site = fixture.Site;
        var first = await ApplicationsDesk.OpenAsync(site);
        var second = await ApplicationsDesk.OpenAsync(site, "dishub", "Dinas Perhubungan Uji");
        var octet = Random.Shared.Next(1, 250);
        using var officer = await first.OfficerAsync();
        var created = await officer.SubmitAsync(first.Url("/admin/aplikasi/perangkat/baru"), "form.device-editor", Device($"10.{octet}.0.0/24"));
        Assert.Empty(created.Errors);
        var inPd = await officer.SubmitAsync(first.Url("/admin/aplikasi/perangkat/baru"), "form.device-editor", Device($"10.{octet}.0.128/25"));
        Assert.Equal(HttpStatusCode.BadRequest, inPd.Status);
        Assert.Contains($"Rentang IP 10.{octet}.0.128/25 tumpang tindih dengan rentang 10.{octet}.0.0/24", inPd.FieldError("IpRanges"));
        Assert.Contains("bukan rentang IPv4", (await officer.SubmitAsync(first.Url("/admin/aplikasi/perangkat/baru"), "form.device-editor", Device("10.1.2.3/16"))).FieldError("IpRanges"));
        var list = await officer.OpenAsync(first.Url("/admin/aplikasi"));
        Assert.Single(list.Document.QuerySelectorAll("tr[data-device]"));
        var device = list.Document.QuerySelector("tr[data-device]")!.GetAttribute("data-device")!;
        await list.SubmitAsync(officer, "form.device-submit", new Dictionary<string, string>());
        using var registrar = await first.RegistrarAsync();
        var review = await registrar.OpenAsync(await first.WaitForRegisterAsync(registrar, device));
        Assert.Equal("terdaftar", (await review.SubmitAsync(registrar, "form.register-form", new Dictionary<string, string> { ["securityLevel"] = "sedang" }))
            .Document.QuerySelector(".review-state")!.GetAttribute("data-state"));

        // Another PD's device in the same range is refused by the portal, which holds the city's numbering.
        using var other = await second.OfficerAsync();
        Assert.Empty((await other.SubmitAsync(second.Url("/admin/aplikasi/perangkat/baru"), "form.device-editor", Device($"10.{octet}.0.64/26"))).Errors);
        var otherList = await other.OpenAsync(second.Url("/admin/aplikasi"));
        var otherDevice = otherList.Document.QuerySelector("tr[data-device]")!.GetAttribute("data-device")!;
        await otherList.SubmitAsync(other, "form.device-submit", new Dictionary<string, string>());
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await other.OpenAsync(second.Url("/admin/aplikasi"))).Document.QuerySelector($"tr[data-device='{otherDevice}']")?.GetAttribute("data-state") == "ditolak",
            "The overlapping range was never refused.");
        Assert.Contains("tumpang tindih", (await other.OpenAsync(second.Url("/admin/aplikasi"))).Document.QuerySelector($"tr[data-device='{otherDevice}'] .review-note")!.TextContent);
        var register = await registrar.OpenAsync(second.PortalUrl("/admin/aplikasi/register?state=semua"));
        Assert.Null(register.Document.QuerySelector($"tr[data-pd='{second.Pd}']"));
        var moved = await other.SubmitAsync(second.Url($"/admin/aplikasi/perangkat/{otherDevice}/ubah"), "form.device-editor", Device($"10.{octet}.1.0/24"));
        Assert.Empty(moved.Errors);
        Assert.Equal("draf", moved.Document.QuerySelector($"tr[data-device='{otherDevice}']")!.GetAttribute("data-state"));

        // The first PD sees its device registered with the number and level.
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (await officer.OpenAsync(first.Url("/admin/aplikasi"))).Document.QuerySelector($"tr[data-device='{device}']")?.GetAttribute("data-state") == "terdaftar",
            "The device's registration never reached the PD.");
        Assert.Contains("SPBE-PRT-", (await officer.OpenAsync(first.Url("/admin/aplikasi"))).Document.QuerySelector($"tr[data-device='{device}']")!.TextContent);
    }

    [Fact]
    public async Task A_pd_cannot_read_another_pds_private_fields_or_documents()
    {
        var site = fixture.Site;
        var owner = await ApplicationsDesk.OpenAsync(site);
        var stranger = await ApplicationsDesk.OpenAsync(site, "dinsos", "Dinas Sosial Uji");
        using var officer = await owner.OfficerAsync();
        var id = ApplicationsDesk.IdOf(await owner.CreateAsync(officer, ApplicationsDesk.Application("Aplikasi Rahasia", $"https://rahasia-{owner.Pd}.bekasikota.go.id")));
        Assert.Empty((await owner.UploadAsync(officer, id, "spesifikasi-kebutuhan", "srs.pdf", ApplicationsDesk.Pdf("rahasia"))).Errors);
        var document = (await officer.OpenAsync(owner.Url($"/admin/aplikasi/{id}"))).Document.QuerySelector("tr[data-document] a")!.GetAttribute("href")!;

        using var other = await stranger.OfficerAsync();
        foreach (var path in new[] { $"/admin/aplikasi/{id}", $"/admin/aplikasi/{id}/ubah", document, "/admin/aplikasi" })
        {
            var response = await other.GetAsync(owner.Url(path));
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Aplikasi Rahasia", body);
            Assert.DoesNotContain("%PDF-", body);
        }
        // Nor the portal's register (a PD officer has no account there), nor the catalogue before registration.
        var portal = await other.GetAsync(owner.PortalUrl($"/admin/aplikasi/register/{owner.Pd}/aplikasi/{id}"));
        Assert.DoesNotContain("Aplikasi Rahasia", await portal.Content.ReadAsStringAsync());
        using var visitor = site.NewVisitor();
        Assert.DoesNotContain("Aplikasi Rahasia", (await visitor.OpenAsync(owner.PortalUrl("/aplikasi"))).Html);
    }

    [Fact]
    public async Task An_application_names_only_its_pds_public_datasets_and_the_catalogue_shows_their_titles()
    {
        var desk = await ApplicationsDesk.OpenAsync(fixture.Site);
        foreach (var (title, slug, classification) in new[] { ("Kasus DBD per kecamatan", "kasus-dbd-" + desk.Pd, "terbuka"), ("Rekam medis", "rekam-medis-" + desk.Pd, "dikecualikan") })
        {
            var page = await desk.PdAdmin.SubmitAsync(desk.Url("/admin/contents/create/Dataset"), "form.content-editor", new Dictionary<string, string>
            {
                ["TitlePart.Title"] = title, ["DatasetPart.Slug"] = slug, ["DatasetPart.Description"] = "Data uji " + title + ".", ["DatasetPart.DataGroup"] = "kesehatan",
                ["DatasetPart.LicenseId"] = "cc-by", ["DatasetPart.Classification"] = classification, ["DatasetPart.UpdateFrequency"] = "bulanan",
                ["DatasetPart.SpatialCoverage"] = "32.75", ["DatasetPart.ContactName"] = "Seksi Surveilans", ["DatasetPart.ContactEmail"] = "surveilans@dinkes.bekasikota.go.id",
                ["submit"] = "publish",
            });
            Assert.Empty(page.Errors);
        }
        using var officer = await desk.OfficerAsync();
        var url = $"https://dbd-{desk.Pd}.bekasikota.go.id";
        var secret = await desk.CreateAsync(officer, new Dictionary<string, string>(ApplicationsDesk.Application("Aplikasi DBD", url)) { ["Datasets"] = "rekam-medis-" + desk.Pd });
        Assert.Contains($"Dataset rekam-medis-{desk.Pd} tidak ditemukan", secret.FieldError("Datasets"));

        var id = await RegisteredAsync(desk, url, "Aplikasi DBD", datasets: "kasus-dbd-" + desk.Pd);
        var show = await officer.OpenAsync(desk.Url($"/admin/aplikasi/{id}"));
        Assert.EndsWith("/data/kasus-dbd-" + desk.Pd, show.Document.QuerySelector(".datasets a")!.GetAttribute("href"));
        using var visitor = fixture.Site.NewVisitor();
        var catalogue = await visitor.OpenAsync(desk.PortalUrl("/aplikasi?pd=" + desk.Pd));
        var number = catalogue.Document.QuerySelector(".app-hit")!.GetAttribute("data-number");
        Assert.Equal("Kasus DBD per kecamatan", (await visitor.OpenAsync(desk.PortalUrl("/aplikasi/" + number))).Document.QuerySelector(".datasets")!.TextContent.Trim());
    }

    private static Dictionary<string, string> Device(string ranges) => new()
    {
        ["DeviceType"] = "switch", ["Vendor"] = "Cisco", ["Model"] = "Catalyst 9200", ["Location"] = "Ruang server lantai 2", ["IpRanges"] = ranges, ["Status"] = "aktif",
    };

    private static byte[] ZipOfSource()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("src/Program.cs").Open());
            writer.Write("// prosedur utama");
        }
        return memory.ToArray();
    }

    /// <summary>Creates a complete production application on the PD and has the registrar register it; returns its id.</summary>
    internal static async Task<string> RegisteredAsync(ApplicationsDesk desk, string url, string name = "Aplikasi Terdaftar", string? consumes = null, string? datasets = null)
    {
        using var officer = await desk.OfficerAsync();
        var fields = ApplicationsDesk.Application(name, url);
        if (consumes is not null) fields["ApisConsumed"] = consumes;
        if (datasets is not null) fields["Datasets"] = datasets;
        var id = ApplicationsDesk.IdOf(await desk.CreateAsync(officer, fields));
        await desk.UploadAllAsync(officer, id);
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}/ubah"), "form.application-editor", new Dictionary<string, string>(fields) { ["Lifecycle"] = "produksi" })).Errors);
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>())).Errors);
        using var registrar = await desk.RegistrarAsync();
        var review = await registrar.OpenAsync(await desk.WaitForRegisterAsync(registrar, id));
        Assert.Empty((await review.SubmitAsync(registrar, "form.register-form", new Dictionary<string, string> { ["securityLevel"] = "sedang" })).Errors);
        return id;
    }
}
