using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// 000 Pasal 15(1): a term is one year, extendable on a positive evaluation. Thirty days before a member's term ends the
/// Ketua is reminded on the portal and the coordinator (the PD head) on the PD where the member is placed — the latter
/// told by the Core hand-over — with nobody visiting the site.
/// </summary>
public sealed class TermReminderTests
{
    [Fact]
    public async Task A_term_nearing_its_end_reminds_the_Ketua_and_the_coordinator_with_no_visitor()
    {
        var clock = new TestClock();
        // 10 January 2027, 10.00 WIB: a term that began on 1 February 2026 ends on 31 January 2027, 21 days away.
        clock.Set(new DateTimeOffset(2027, 1, 10, 10, 0, 0, TimeSpan.FromHours(7)));
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Settings = new Dictionary<string, string?> { ["Spbe:Background:Tick"] = "00:00:01", ["Spbe:Programmers:ScheduleCheckInterval"] = "00:00:01" },
            Extend = spbe => spbe.Services.AddSingleton<TimeProvider>(clock),
        });
        var desk = await ProgrammerDesk.OpenAsync(site);
        var ending = await desk.PassSelectionAsync("Dimas Berakhir " + desk.Suffix, "junior-programmer", 2);
        var later = await desk.PassSelectionAsync("Eka Baru " + desk.Suffix, "junior-programmer", 3);
        await desk.AppointAsync(ending, "2026-02-01");
        await desk.AppointAsync(later, "2026-06-01");

        await ProgrammerDesk.WaitUntilAsync(async () => (await desk.NotificationsAsync(null, desk.ChairUser)).Contains("Masa tugas Dimas Berakhir"),
            "The Ketua was never reminded of the term that ends in 21 days.");
        await ProgrammerDesk.WaitUntilAsync(async () => (await desk.NotificationsAsync(desk.PlacementPd, "kepala")).Contains("Dimas Berakhir"),
            "The coordinator on the placement PD was never told.");
        // The term that ends in May is not due; and the reminder comes once.
        await Task.Delay(2500);
        var chairNotes = await desk.NotificationsAsync(null, desk.ChairUser);
        Assert.DoesNotContain("Masa tugas Eka Baru", chairNotes);
        Assert.Equal(1, CountOf(chairNotes, "Masa tugas Dimas Berakhir"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
