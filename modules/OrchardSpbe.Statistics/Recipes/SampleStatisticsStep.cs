using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Recipes;
using OrchardSpbe.Search;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Observations;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Statistics.Search;
using OrchardSpbe.Statistics.Submissions;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Recipes;

/// <summary>
/// { "name": "statistics-samples", "tenants": ["dinkes", …] } — on the portal, after the sample PDs exist: gives each
/// listed PD its sample indicators (<see cref="SampleIndicators"/>) with values, as if last month's submission had
/// been accepted — in the PD's store (its own pages, its search) and in the portal's (the city's database).
/// </summary>
public sealed class SampleStatisticsStep(ShellHost shells, TenantScopeFactory scopes, TimeProvider clock) : IRecipeStep
{
    public string Name => "statistics-samples";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (!context.Services.GetRequiredService<TenantContext>().IsDefault) throw context.Fail("name", "Langkah 'statistics-samples' hanya dapat dijalankan di portal kota.");
        var now = clock.GetUtcNow();
        var month = ReportingMonth.Containing(now).Previous();
        foreach (var name in (context.Step["tenants"] as JsonArray ?? []).Select(n => (string?)n).OfType<string>())
        {
            if (shells.Find(name) is not { } shell || !shell.IsFeatureEnabled(Manifest.FeatureId)) continue;
            var snapshots = new List<IndicatorSnapshot>();
            var values = new List<ValueSnapshot>();
            var id = "contoh-" + month;
            await using (var scope = scopes.CreateScope(shell))
            {
                var services = scope.ServiceProvider;
                var session = services.GetRequiredService<TenantSession>();
                await using var transaction = await session.BeginTransactionAsync();
                var contents = services.GetRequiredService<ContentManager>();
                foreach (var sample in SampleIndicators.For(name))
                {
                    var item = (await contents.NewAsync(IndicatorPart.ContentType))!;
                    item.Apply("TitlePart", new TitlePart { Title = sample.Title });
                    item.DisplayText = sample.Title;
                    item.Apply(IndicatorPart.Name, sample.Part);
                    await contents.CreateAsync(item, publish: true, "admin");
                    var inputs = sample.Values(now).ToList();
                    await services.GetRequiredService<ObservationStore>().WriteAsync(item.ContentItemId, inputs, "admin", SampleIndicators.Label);
                    snapshots.Add(new IndicatorSnapshot(sample.Part.Code, sample.Title, sample.Part));
                    values.AddRange(inputs.Select(v => new ValueSnapshot(sample.Part.Code, v.Period, v.Area, v.Disaggregation, v.Value, v.Status, v.Note)));
                }
                await session.ExecuteAsync("""
                    INSERT INTO stat_submissions (id, month, state, summary, value_count, indicators, submitted_by, submitted_utc, decided_by, decided_utc)
                    VALUES (@id, @month, @state, @summary, @count, @indicators, 'admin', @now, 'admin', @now)
                    """, new { id, month = month.ToString(), state = SubmissionStates.Accepted, summary = "Data contoh", count = values.Count, indicators = JsonSerializer.Serialize(snapshots), now = UnixTime.Ms(now) });
                await services.GetRequiredService<PublicStatisticsWriter>().ApplyAcceptedAsync(name, snapshots, values, now);
                await IndicatorSearchSource.LogChangesAsync(services, snapshots.Select(i => i.Code));
                await transaction.CommitAsync();
            }
            var portal = context.Services.GetRequiredService<TenantSession>();
            var payload = JsonSerializer.Serialize(new SubmissionPayload(month.ToString(), "Data contoh", "admin", now, snapshots, values), Handover.HandoverOutbox.Json);
            await portal.ExecuteAsync("""
                INSERT INTO stat_inbound_submissions (tenant, id, month, state, summary, value_count, payload, submitted_by, submitted_utc, received_utc, decided_by, decided_utc)
                VALUES (@name, @id, @month, @state, 'Data contoh', @count, @payload, 'admin', @now, @now, 'admin', @now)
                """, new { name, id, month = month.ToString(), state = SubmissionStates.Accepted, count = values.Count, payload, now = UnixTime.Ms(now) });
            await context.Services.GetRequiredService<PublicStatisticsWriter>().ApplyAcceptedAsync(name, snapshots, values, now);
        }
    }
}
