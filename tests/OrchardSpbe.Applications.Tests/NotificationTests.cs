using MimeKit;

namespace OrchardSpbe.Applications.Tests;

/// <summary>A site whose background sweep ticks every second, sending its e-mails to a real SMTP sink.</summary>
public sealed class MailingSite : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;
    public SmtpSink Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sink = await SmtpSink.StartNewAsync();
        var settings = new Dictionary<string, string?>(Sink.Settings) { ["Spbe:Background:Tick"] = "00:00:01", ["Spbe:Smtp:RetryDelay"] = "00:00:01" };
        Site = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Sqlite, Settings = settings });
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>
/// Who hears of what travels the hand-over: Diskominfostandi's registrars, in the portal's notification list and by
/// e-mail, when a PD's application (and its re-review), device, semester report or PD Mandiri TIK proposal arrives; the
/// PD's submitter and its head, on the PD site and by e-mail, when it is returned with notes or registered with its number.
/// </summary>
public sealed class NotificationTests(MailingSite fixture) : IClassFixture<MailingSite>
{
    [Fact]
    public async Task Registrars_hear_of_each_arrival_and_the_submitter_and_pd_head_of_each_decision()
    {
        var desk = await ApplicationsDesk.OpenAsync(fixture.Site, "dishub");
        var sink = fixture.Sink;
        using var officer = await desk.OfficerAsync();
        using var head = await desk.HeadAsync();
        using var registrar = await desk.RegistrarAsync();
        var name = "Parkir Elektronik " + desk.Pd;
        var fields = ApplicationsDesk.Application(name, $"https://parkir-{desk.Pd}.bekasikota.go.id");
        var id = ApplicationsDesk.IdOf(await desk.CreateAsync(officer, fields));
        await desk.UploadAllAsync(officer, id, except: "backup-restore");
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>())).Errors);

        // Arrival: the registrar's list and inbox.
        await NotifiedAsync(registrar, desk.PortalUrl("/admin/notifications"), $"Pengajuan aplikasi {name}");
        var arrival = await sink.WaitForAsync(m => To(m, desk.EmailOf(desk.RegistrarName)) && m.Subject.Contains($"Pengajuan aplikasi {name}"), TimeSpan.FromSeconds(60));
        Assert.Contains($"/admin/aplikasi/register/{desk.Pd}/aplikasi/{id}", arrival.TextBody);

        // Returned with notes: the submitter and the PD head hear it, with the notes.
        var review = await registrar.OpenAsync(await desk.WaitForRegisterAsync(registrar, id));
        Assert.Empty((await review.SubmitAsync(registrar, "form.return-form", new Dictionary<string, string> { ["note"] = "Lampirkan prosedur backup dan restore." })).Errors);
        foreach (var (client, user) in new[] { (officer, "pengelola"), (head, "kepala") })
        {
            var text = await NotifiedAsync(client, desk.Url("/admin/notifications"), $"Aplikasi {name} dikembalikan");
            Assert.Contains("Lampirkan prosedur backup dan restore.", text);
            var mail = await sink.WaitForAsync(m => To(m, desk.EmailOf(user)) && m.Subject.Contains($"Aplikasi {name} dikembalikan"), TimeSpan.FromSeconds(60));
            Assert.Contains("Lampirkan prosedur backup dan restore.", mail.TextBody);
        }

        // Resubmitted and registered: both hear the registration number.
        Assert.Empty((await desk.UploadAsync(officer, id, "backup-restore", "backup.pdf", ApplicationsDesk.Pdf("backup"))).Errors);
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>())).Errors);
        var second = await registrar.OpenAsync(await desk.WaitForRegisterAsync(registrar, id));
        var registered = await second.SubmitAsync(registrar, "form.register-form", new Dictionary<string, string> { ["securityLevel"] = "sedang" });
        var number = registered.Document.QuerySelector(".registration-number")!.TextContent.Trim();
        foreach (var (client, user) in new[] { (officer, "pengelola"), (head, "kepala") })
        {
            Assert.Contains(number, await NotifiedAsync(client, desk.Url("/admin/notifications"), $"Aplikasi {name} terdaftar"));
            var mail = await sink.WaitForAsync(m => To(m, desk.EmailOf(user)) && m.Subject.Contains($"Aplikasi {name} terdaftar: {number}"), TimeSpan.FromSeconds(60));
            Assert.Contains($"/admin/aplikasi/{id}", mail.TextBody);
        }

        // A change of lifecycle is a re-review: the registrar is told it is a change, with the number.
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}/ubah"), "form.application-editor", new Dictionary<string, string>(fields) { ["Lifecycle"] = "produksi" })).Errors);
        Assert.Empty((await officer.SubmitAsync(desk.Url($"/admin/aplikasi/{id}"), "form.submit-form", new Dictionary<string, string>())).Errors);
        await NotifiedAsync(registrar, desk.PortalUrl("/admin/notifications"), $"Perubahan aplikasi {name} ({number})");
        await sink.WaitForAsync(m => To(m, desk.EmailOf(desk.RegistrarName)) && m.Subject.Contains($"Perubahan aplikasi {name} ({number})"), TimeSpan.FromSeconds(60));

        // A device, the semester report and a PD Mandiri TIK proposal: each reaches the registrar.
        var device = await officer.SubmitAsync(desk.Url("/admin/aplikasi/perangkat/baru"), "form.device-editor", new Dictionary<string, string>
        {
            ["DeviceType"] = "router", ["Vendor"] = "MikroTik", ["Model"] = "RB5009", ["Location"] = "Terminal", ["IpRanges"] = $"10.{Random.Shared.Next(100, 200)}.{Random.Shared.Next(0, 255)}.0/29", ["Status"] = "aktif",
        });
        Assert.Empty(device.Errors);
        Assert.Empty((await officer.SubmitAsync(desk.Url("/admin/aplikasi"), "form.device-submit", new Dictionary<string, string>())).Errors);
        await NotifiedAsync(registrar, desk.PortalUrl("/admin/notifications"), "Pengajuan perangkat MikroTik RB5009");

        var report = await officer.OpenAsync(desk.Url("/admin/aplikasi/laporan"));
        Assert.Empty((await report.SubmitAsync(officer, "form.report-form", new Dictionary<string, string> { ["incidents"] = "Tidak ada.", ["changes"] = "Aplikasi parkir." })).Errors);
        await NotifiedAsync(registrar, desk.PortalUrl("/admin/notifications"), "Laporan TIK");

        Assert.Empty((await officer.SubmitAsync(desk.Url("/admin/aplikasi/mandiri-tik"), "form.mandiri-form", new Dictionary<string, string>
        {
            ["met:sdm-tik"] = "true", ["evidence:sdm-tik"] = "Dua programmer.", ["met:pengalaman"] = "true", ["evidence:pengalaman"] = "SIPARKIR sejak 2021.",
            ["proposal"] = "Mohon ditetapkan.",
        })).Errors);
        await NotifiedAsync(registrar, desk.PortalUrl("/admin/notifications"), "Usulan PD Mandiri TIK");
        var evaluation = await registrar.OpenAsync(desk.PortalUrl($"/admin/aplikasi/mandiri-tik/{desk.Pd}"));
        Assert.Empty((await evaluation.SubmitAsync(registrar, "form.mandiri-decision", new Dictionary<string, string>
        {
            ["decision"] = "tetapkan", ["designatedOn"] = "2026-11-20", ["decree"] = "188.45/Kep.101-Diskominfostandi/2026",
        })).Errors);
        Assert.Contains("2026-11-20", await NotifiedAsync(head, desk.Url("/admin/notifications"), "Ditetapkan sebagai PD Mandiri TIK"));
        await sink.WaitForAsync(m => To(m, desk.EmailOf("pengelola")) && m.Subject.Contains("Ditetapkan sebagai PD Mandiri TIK"), TimeSpan.FromSeconds(60));
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>Waits until the user's notification list shows the subject; returns the list's text.</summary>
    private static async Task<string> NotifiedAsync(SiteClient user, Uri list, string subject)
    {
        var text = "";
        await ApplicationsDesk.WaitUntilAsync(async () =>
            (text = (await user.OpenAsync(list)).Document.QuerySelector(".notifications")?.TextContent ?? "").Contains(subject), $"'{subject}' never reached {list}: {text}");
        return text;
    }
}
