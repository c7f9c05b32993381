using System.Net;

namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// The selection of 000 Pasal 16 as its people live it: an applicant applies on the portal; bad input is refused with
/// a clear message and nothing written; the team returns an incomplete file with its reasons; a complete file passes the
/// interview and the practical test, each scored with who and when; the Ketua's result letter names the five carbon
/// copies (page and PDF); the applicant sees their own status; the Ketua appoints the member, who then shows on the
/// public team page with name, role and placement only.
/// </summary>
public sealed class SelectionStoryTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task Bad_applications_are_refused_with_a_message_and_nothing_is_written()
    {
        var desk = await ProgrammerDesk.OpenAsync(fixture.Site);
        using var applicant = fixture.Site.NewVisitor();
        var nik = ProgrammerDesk.NewNik();

        // Too little experience: a senior role needs 4 years (Pasal 18 huruf b).
        var young = await desk.ApplyAsync(applicant, "Pelamar Muda " + desk.Suffix, nik, "senior-system-administrator", 3);
        Assert.Equal(HttpStatusCode.BadRequest, young.Status);
        Assert.Contains(young.Errors, e => e.Contains("sekurang-kurangnya 4 tahun"));

        // Missing documents: no capability statement, and a senior role without its certificate.
        var missing = await desk.ApplyAsync(applicant, "Pelamar Kurang " + desk.Suffix, nik, "senior-system-administrator", 5,
            [("cv", "cv.pdf", ProgrammerDesk.Pdf), ("pengalaman", "p.pdf", ProgrammerDesk.Pdf)]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains(missing.Errors, e => e.Contains("Surat pernyataan mampu menjalankan tugas"));
        Assert.Contains(missing.Errors, e => e.Contains("CompTIA Linux+"));

        // A renamed executable is not a PDF: its bytes are read, not its name.
        var renamed = await desk.ApplyAsync(applicant, "Pelamar Exe " + desk.Suffix, nik, "junior-programmer", 2,
            [("cv", "cv.pdf", ProgrammerDesk.Executable), ("pengalaman", "p.pdf", ProgrammerDesk.Pdf), ("kemampuan", "k.pdf", ProgrammerDesk.Pdf)]);
        Assert.Equal(HttpStatusCode.BadRequest, renamed.Status);
        Assert.Contains(renamed.Errors, e => e.Contains("bukan PDF atau gambar"));

        // Not non-ASN (Pasal 18 huruf a).
        var asn = await desk.ApplyAsync(applicant, "Pelamar ASN " + desk.Suffix, nik, "junior-programmer", 2, nonAsn: false);
        Assert.Contains(asn.Errors, e => e.Contains("non-ASN"));

        using var team = await desk.SelectionTeamAsync();
        var board = await team.OpenAsync(desk.Portal("/admin/tim-programmer/seleksi"));
        Assert.DoesNotContain(desk.Suffix, board.Document.QuerySelector("main")?.TextContent ?? board.Html);

        // A good one is taken; the same role in the same period again is refused.
        var first = await desk.ApplyAsync(applicant, "Pelamar Ganda " + desk.Suffix, nik, "junior-programmer", 2);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("/tim-programmer/status/", first.Url.AbsolutePath);
        var again = await desk.ApplyAsync(applicant, "Pelamar Ganda " + desk.Suffix, nik, "junior-programmer", 3);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains(again.Errors, e => e.Contains("sudah melamar peran Junior Programmer"));
        board = await team.OpenAsync(desk.Portal("/admin/tim-programmer/seleksi"));
        Assert.Single(board.Document.QuerySelectorAll("tr[data-application]").Where(r => r.TextContent.Contains(desk.Suffix)));
    }

    [Fact]
    public async Task An_incomplete_file_is_returned_and_a_complete_one_passes_every_stage_to_the_letter_and_the_team_page()
    {
        var desk = await ProgrammerDesk.OpenAsync(fixture.Site);
        using var applicant = fixture.Site.NewVisitor();
        using var team = await desk.SelectionTeamAsync();

        // The team finds the experience statement not valid: the file goes back with its reasons.
        var returned = await desk.ApplyAsync(applicant, "Rina Kembali " + desk.Suffix, ProgrammerDesk.NewNik(), "junior-network-administrator", 2);
        var returnedStatus = returned.Url;
        var returnedId = await desk.ApplicationIdAsync(team, "Rina Kembali");
        var checkedPage = await team.SubmitAsync(desk.Portal($"/admin/tim-programmer/seleksi/{returnedId}"), "form.completeness-form", new Dictionary<string, string>
        {
            ["Checked"] = "non-asn,cv,kemampuan",
            ["Notes"] = "Surat pernyataan tidak ditandatangani pimpinan unit kerja.",
        });
        Assert.Equal("dikembalikan", checkedPage.Document.QuerySelector(".application-state")?.GetAttribute("data-state"));
        var status = await applicant.OpenAsync(returnedStatus);
        Assert.Equal("dikembalikan", status.Document.QuerySelector(".application-state")?.GetAttribute("data-state"));
        var reasons = status.Document.QuerySelector(".return-reasons")!.TextContent;
        Assert.Contains("Pasal 18 huruf b", reasons);
        Assert.Contains("tidak ditandatangani", reasons);

        // A complete file: every stage, scored, with who and when.
        var name = "Bayu Lengkap " + desk.Suffix;
        var applied = await desk.ApplyAsync(applicant, name, ProgrammerDesk.NewNik(), "senior-system-administrator", 6);
        Assert.Equal(HttpStatusCode.OK, applied.Status);
        var statusUrl = applied.Url;
        var id = await desk.ApplicationIdAsync(team, name);
        var show = desk.Portal($"/admin/tim-programmer/seleksi/{id}");

        // Ticking an item the data does not meet is not enough: here everything is met.
        var complete = await team.SubmitAsync(show, "form.completeness-form", new Dictionary<string, string>
        {
            ["Checked"] = "non-asn,cv,pengalaman,kemampuan,sertifikat",
            ["Schedule"] = "Senin, 12 Januari, 09.00 WIB, Ruang Rapat Diskominfostandi",
        });
        Assert.Equal("wawancara", complete.Document.QuerySelector(".application-state")?.GetAttribute("data-state"));
        var invitation = await team.OpenAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}/surat/wawancara"));
        Assert.Contains("Ruang Rapat Diskominfostandi", invitation.Document.QuerySelector("article.letter")!.TextContent);

        // A score out of range is refused and changes nothing.
        var bad = await team.SubmitAsync(show, "form.score-form", new Dictionary<string, string> { ["Score"] = "150", ["Outcome"] = "lulus", ["Schedule"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("wawancara", bad.Document.QuerySelector(".application-state")?.GetAttribute("data-state"));

        var interviewed = await team.SubmitAsync(show, "form.score-form", new Dictionary<string, string>
        {
            ["Score"] = "82", ["Outcome"] = "lulus", ["Schedule"] = "Kamis, 15 Januari, 09.00 WIB, Lab Data Center",
        });
        Assert.Equal("uji-praktik", interviewed.Document.QuerySelector(".application-state")?.GetAttribute("data-state"));
        Assert.Contains("Lab Data Center", (await team.OpenAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}/surat/uji-praktik"))).Document.QuerySelector("article.letter")!.TextContent);
        var tested = await team.SubmitAsync(show, "form.score-form", new Dictionary<string, string> { ["Score"] = "88", ["Outcome"] = "lulus" });
        Assert.Equal("lulus", tested.Document.QuerySelector(".application-state")?.GetAttribute("data-state"));
        var stages = tested.Document.QuerySelectorAll("table.stages tr[data-stage]").ToDictionary(r => r.GetAttribute("data-stage")!, r => r);
        Assert.Equal(["hasil", "kelengkapan", "uji-praktik", "wawancara"], stages.Keys.Order().ToArray());
        Assert.Contains(desk.SelectionUser, stages["wawancara"].QuerySelector(".decided-by")!.TextContent);
        Assert.Contains("WIB", stages["wawancara"].QuerySelector(".decided-by")!.TextContent);

        // The Ketua's letter with the five carbon copies of 16(4), as a page and as a PDF.
        var letter = await team.OpenAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}/surat/hasil"));
        var copies = letter.Document.QuerySelectorAll("ol.carbon-copies li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, copies.Count);
        Assert.Contains("Inspektur", copies[0]);
        Assert.Contains("BKPPD", copies[1]);
        Assert.Contains("BPKAD", copies[2]);
        Assert.Contains("Dinas Induk Uji " + desk.Suffix, copies[3]);
        Assert.Contains("Bagian Organisasi", copies[4]);
        Assert.Contains("LULUS", letter.Document.QuerySelector("article.letter")!.TextContent);
        var pdf = await team.Http.GetAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}/surat/hasil.pdf"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.True(pdfBytes.AsSpan().StartsWith("%PDF-"u8));

        // The applicant sees their own status.
        status = await applicant.OpenAsync(statusUrl);
        Assert.Equal("lulus", status.Document.QuerySelector(".application-state")?.GetAttribute("data-state"));

        // The Ketua appoints the member: a decree, a placement, one year.
        using var chair = await desk.ChairAsync();
        var members = await chair.SubmitAsync(desk.Portal("/admin/tim-programmer/anggota"), "form.appoint-form", new Dictionary<string, string>
        {
            ["ApplicationId"] = id, ["DecreeNumber"] = "800/Kep.101-Diskominfostandi/2026", ["DecreeDate"] = "2026-01-20",
            ["StartDate"] = "2026-02-01", ["Placement"] = desk.PlacementPd,
        });
        Assert.Empty(members.Errors);
        var member = members.Document.QuerySelectorAll("tr[data-member]").Single(r => r.TextContent.Contains(name));
        Assert.Equal("2027-01-31", member.GetAttribute("data-end"));
        Assert.Equal("aktif", member.GetAttribute("data-status"));

        // The public team page: name, role and placement, and nothing personal.
        using var visitor = fixture.Site.NewVisitor();
        var teamPage = await visitor.OpenAsync(desk.Portal("/tim-programmer"));
        var row = teamPage.Document.QuerySelectorAll("tr[data-member]").Single(r => r.TextContent.Contains(name));
        Assert.Contains("Senior System Administrator", row.TextContent);
        Assert.Contains("Diskominfostandi Uji " + desk.Suffix, row.TextContent);
        Assert.DoesNotContain("pelamar@example.id", teamPage.Html);
        Assert.DoesNotContain("Ahmad Yani", teamPage.Html);
    }

    [Fact]
    public async Task Personal_data_is_for_the_selection_team_only_and_every_look_is_audited()
    {
        var desk = await ProgrammerDesk.OpenAsync(fixture.Site);
        using var applicant = fixture.Site.NewVisitor();
        var nik = ProgrammerDesk.NewNik();
        var name = "Citra Pribadi " + desk.Suffix;
        await desk.ApplyAsync(applicant, name, nik, "junior-programmer", 3);

        using var team = await desk.SelectionTeamAsync();
        var id = await desk.ApplicationIdAsync(team, name);
        var show = await team.OpenAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}"));
        Assert.Equal(nik, show.Document.QuerySelector(".personal-data .nik")?.TextContent);
        var document = await team.Http.GetAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}/berkas/cv"));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(ProgrammerDesk.Pdf, await document.Content.ReadAsByteArrayAsync());

        // The portal administrator reads the audit: both looks are there, by the team member.
        using var admin = fixture.Site.NewVisitor();
        await admin.SignInAsync(fixture.Site.Url(null), "admin", TestEnvironment.AdminPassword);
        var audit = await admin.OpenAsync(desk.Portal("/admin/audit"));
        var actions = audit.Document.QuerySelectorAll("tr[data-action]").Where(r => r.TextContent.Contains(desk.SelectionUser)).Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Contains("programmers.personal-data.viewed", actions);
        Assert.Contains("programmers.document.viewed", actions);

        // The Ketua (no personal-data permission) and a PD's head (another tenant) see none of it.
        using var chair = await desk.ChairAsync();
        foreach (var path in new[] { $"/admin/tim-programmer/seleksi/{id}", $"/admin/tim-programmer/seleksi/{id}/berkas/cv" })
        {
            var refused = await chair.OpenAsync(desk.Portal(path));
            Assert.NotEqual(HttpStatusCode.OK, refused.Status);
            Assert.DoesNotContain(nik, refused.Html);
        }
        using var pdHead = await desk.SignInAsync(desk.PlacementPd, "kepala");
        var pdLook = await pdHead.GetAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}"));
        Assert.NotEqual(HttpStatusCode.OK, pdLook.StatusCode);
        Assert.DoesNotContain(nik, await pdLook.Content.ReadAsStringAsync());
        var onPd = await pdHead.GetAsync(fixture.Site.Url(desk.PlacementPd, $"/admin/tim-programmer/seleksi/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, onPd.StatusCode);
    }
}
