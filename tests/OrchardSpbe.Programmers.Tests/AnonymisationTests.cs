using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// UU PDP (001 Pasal 22): a set time after a selection ends without success the applicant's personal data is anonymised
/// and the documents deleted, by schedule with no visitor; a passed applicant's data stays.
/// </summary>
public sealed class AnonymisationTests
{
    [Fact]
    public async Task A_returned_applicants_data_is_anonymised_after_the_configured_days()
    {
        var clock = new TestClock();
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Spbe:Background:Tick"] = "00:00:01", ["Spbe:Programmers:ScheduleCheckInterval"] = "00:00:01", ["Spbe:Programmers:AnonymiseRejectedAfterDays"] = "30",
            },
            Extend = spbe => spbe.Services.AddSingleton<TimeProvider>(clock),
        });
        var desk = await ProgrammerDesk.OpenAsync(site);
        using var applicant = site.NewVisitor();
        var nik = ProgrammerDesk.NewNik();
        var returnedName = "Joko Ditolak " + desk.Suffix;
        await desk.ApplyAsync(applicant, returnedName, nik, "junior-programmer", 2);
        var passedName = "Kiki Lulus " + desk.Suffix;
        var passed = await desk.PassSelectionAsync(passedName, "junior-programmer", 2);
        string id;
        Uri show;
        using (var first = await desk.SelectionTeamAsync())
        {
            id = await desk.ApplicationIdAsync(first, returnedName);
            show = desk.Portal($"/admin/tim-programmer/seleksi/{id}");
            await first.SubmitAsync(show, "form.completeness-form", new Dictionary<string, string> { ["Checked"] = "non-asn", ["Notes"] = "Berkas tidak lengkap." });
        }

        // Twenty days on (a new sign-in: the clock moved past the session): nothing happens yet.
        clock.Set(DateTimeOffset.UtcNow.AddDays(20));
        await Task.Delay(2500);
        using (var later = await desk.SelectionTeamAsync())
            Assert.Equal(nik, (await later.OpenAsync(show)).Document.QuerySelector(".personal-data .nik")?.TextContent);

        // Past thirty days: the returned applicant is anonymised, the documents are gone; the passed one keeps theirs.
        clock.Set(DateTimeOffset.UtcNow.AddDays(31));
        using var team = await desk.SelectionTeamAsync();
        await ProgrammerDesk.WaitUntilAsync(async () => (await team.OpenAsync(show)).Html.Contains("telah dianonimkan"), "The returned applicant was never anonymised.");
        var page = await team.OpenAsync(show);
        Assert.DoesNotContain(nik, page.Html);
        Assert.DoesNotContain(returnedName, page.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}/berkas/cv"))).StatusCode);
        Assert.Contains(passedName, (await team.OpenAsync(desk.Portal($"/admin/tim-programmer/seleksi/{passed}"))).Html);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync(desk.Portal($"/admin/tim-programmer/seleksi/{passed}/berkas/cv"))).StatusCode);
    }
}
