using System.Globalization;
using Npgsql;

namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// The hand-over survives a process killed at each of its steps — after the sender's commit, after the copy into
/// the receiver's inbox, after the sender's outbox row is gone, after the receiver applied it — and in the way back
/// (the verifier's decision): when a node starts again, every submission is at the portal exactly once, and every
/// decision at the PD exactly once. The witness is the database itself, read directly.
/// </summary>
public sealed class HandoverCrashTests
{
    private static readonly string[] Steps = ["handover:sent", "handover:delivered", "handover:dequeued", "handover:applied"];

    [Fact]
    public async Task A_submission_and_a_decision_are_neither_lost_nor_applied_twice_when_the_process_dies_at_any_step()
    {
        var site = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres });
        try
        {
            var desk = await StatisticsDesk.OpenAsync(site, "krash");
            var indicator = await desk.CreateIndicatorAsync("DBD-KASUS", "Kasus demam berdarah dengue");
            using (var officer = await desk.OfficerAsync())
                await desk.ImportAsync(officer, indicator, StatisticsDesk.MonthlyCsv(DateTime.UtcNow.Year - 1, (m, _) => m));
            await site.App.StopAsync();
            var month = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var witness = new Witness(site.RunId, desk.Pd, desk.VerifierName);

            for (var i = 0; i < Steps.Length; i++)
            {
                // The officer submits on a node that dies at this step.
                await using (var doomed = await NodeProcess.StartAsync(site, Steps[i]))
                {
                    using var officer = doomed.NewVisitor();
                    await officer.SignInAsync(doomed.Url(desk.Pd), "petugas", StatisticsDesk.Password);
                    try { await officer.SubmitAsync(doomed.Url(desk.Pd, "/admin/statistik/penyampaian"), "form.submission-form", new Dictionary<string, string> { ["month"] = month }); }
                    catch (HttpRequestException) { } // the connection dies with the node
                    await doomed.WaitForDeathAsync();
                }
                Assert.Equal(1, await witness.WaitingAtPdAsync());

                // A healthy node finishes the hand-over: the portal holds each submission once, applied once.
                await using (var node = await NodeProcess.StartAsync(site, failPoint: null))
                {
                    await StatisticsDesk.WaitUntilAsync(async () => await witness.ReceivedAsync() == i + 1 && await witness.PendingAsync() == 0,
                        $"After a kill at {Steps[i]} the submission did not arrive once.");
                    Assert.Equal(i + 1, await witness.VerifierNotificationsAsync());

                    // The verifier returns it, so the PD may submit again in the next round.
                    using var verifier = node.NewVisitor();
                    await verifier.SignInAsync(node.Url(null), desk.VerifierName, StatisticsDesk.Password);
                    var review = await verifier.OpenAsync(await WaitForWaitingAsync(verifier, node, desk.Pd));
                    await review.SubmitAsync(verifier, "form[action$='/kembalikan']", new Dictionary<string, string> { ["note"] = "Putaran " + i });
                    await StatisticsDesk.WaitUntilAsync(async () => await witness.WaitingAtPdAsync() == 0, "The return did not reach the PD.");
                }
            }

            // The way back: the verifier accepts on a node that dies once the decision is in the PD's inbox.
            await using (var node = await NodeProcess.StartAsync(site, null))
            {
                using var officer = node.NewVisitor();
                await officer.SignInAsync(node.Url(desk.Pd), "petugas", StatisticsDesk.Password);
                await officer.SubmitAsync(node.Url(desk.Pd, "/admin/statistik/penyampaian"), "form.submission-form", new Dictionary<string, string> { ["month"] = month });
                await StatisticsDesk.WaitUntilAsync(async () => await witness.ReceivedAsync() == Steps.Length + 1, "The last submission did not arrive.");
            }
            await using (var doomed = await NodeProcess.StartAsync(site, "handover:delivered"))
            {
                using var verifier = doomed.NewVisitor();
                await verifier.SignInAsync(doomed.Url(null), desk.VerifierName, StatisticsDesk.Password);
                var review = await verifier.OpenAsync(await WaitForWaitingAsync(verifier, doomed, desk.Pd));
                try { await review.SubmitAsync(verifier, "form[action$='/terima']", new Dictionary<string, string>()); }
                catch (HttpRequestException) { }
                await doomed.WaitForDeathAsync();
            }
            await using (var node = await NodeProcess.StartAsync(site, null))
            {
                await StatisticsDesk.WaitUntilAsync(async () => await witness.AcceptedAtPdAsync() == 1, "The acceptance never reached the PD.");
                await Task.Delay(TimeSpan.FromSeconds(2));
                Assert.Equal(1, await witness.AcceptedNotificationsAsync());
                Assert.Equal(156, await witness.PublicValuesAtPdAsync());
            }
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    private static async Task<Uri> WaitForWaitingAsync(SiteClient verifier, NodeProcess node, string pd)
    {
        Uri? found = null;
        await StatisticsDesk.WaitUntilAsync(async () =>
        {
            var list = await verifier.OpenAsync(node.Url(null, "/admin/statistik/verifikasi?state=menunggu"));
            found = list.Document.QuerySelector($"tr[data-pd='{pd}'] a") is { } link ? new Uri(list.Url, link.GetAttribute("href")) : null;
            return found is not null;
        }, "No waiting submission for the verifier.");
        return found!;
    }

    /// <summary>Reads the PD's and the portal's schemas directly.</summary>
    private sealed class Witness(string runId, string pd, string verifier)
    {
        private string Portal => $"t{runId}_default";
        private string Pd => $"t{runId}_{pd}";

        public Task<long> ReceivedAsync() => CountAsync($"SELECT COUNT(*) FROM \"{Portal}\".stat_inbound_submissions WHERE tenant = '{pd}'");
        public async Task<long> PendingAsync() =>
            await CountAsync($"SELECT COUNT(*) FROM \"{Pd}\".spbe_handover_outbox") + await CountAsync($"SELECT COUNT(*) FROM \"{Portal}\".spbe_handover_inbox WHERE applied_utc IS NULL");
        public Task<long> WaitingAtPdAsync() => CountAsync($"SELECT COUNT(*) FROM \"{Pd}\".stat_submissions WHERE state = 'menunggu'");
        public Task<long> AcceptedAtPdAsync() => CountAsync($"SELECT COUNT(*) FROM \"{Pd}\".stat_submissions WHERE state = 'diterima'");
        public Task<long> PublicValuesAtPdAsync() => CountAsync($"SELECT COUNT(*) FROM \"{Pd}\".stat_public_observations");
        public Task<long> VerifierNotificationsAsync() => CountAsync($"SELECT COUNT(*) FROM \"{Portal}\".notifications WHERE user_name = '{verifier}'");
        public Task<long> AcceptedNotificationsAsync() => CountAsync($"SELECT COUNT(*) FROM \"{Pd}\".notifications WHERE user_name = 'petugas' AND subject LIKE '%diterima'");

        private static async Task<long> CountAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }
}
