using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Applications.Catalogue;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Applications.Registration;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Recipes;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Recipes;

/// <summary>
/// { "name": "applications-samples", "tenants": ["dinkes", …] } — on the portal, after the sample PDs exist: gives each
/// listed PD a sample application (labelled "data contoh"), registered as if Diskominfostandi had reviewed it — in the
/// PD's store and in the portal's register and catalogue. The schools' admission calls the population registry's API,
/// so the integration map has something to draw.
/// </summary>
public sealed class SampleApplicationsStep(ShellHost shells, TenantScopeFactory scopes, TimeProvider clock) : IRecipeStep
{
    public const string Label = "data contoh";

    public string Name => "applications-samples";

    private static readonly Dictionary<string, (string Name, string Description, string Url, string Class, string Provided, string Consumes)> Samples = new()
    {
        ["disdukcapil"] = ("Layanan Administrasi Kependudukan Daring", "Permohonan dokumen kependudukan secara daring dan layanan verifikasi NIK bagi perangkat daerah lain.",
            "https://adminduk.bekasikota.go.id", ApplicationTerms.UmumBesar, "verifikasi-nik", ""),
        ["dinkes"] = ("Sistem Informasi Puskesmas", "Pencatatan pelayanan pasien dan laporan bulanan puskesmas se-Kota Bekasi.",
            "https://simpus.bekasikota.go.id", ApplicationTerms.UmumKecil, "laporan-puskesmas", "disdukcapil verifikasi-nik"),
        ["disnaker"] = ("Bursa Kerja Daring", "Lowongan kerja dan pencari kerja Kota Bekasi, dengan kartu pencari kerja (AK/1).",
            "https://bkol.bekasikota.go.id", ApplicationTerms.UmumKecil, "lowongan", "disdukcapil verifikasi-nik"),
        ["disdik"] = ("Penerimaan Peserta Didik Baru Daring", "Pendaftaran, seleksi dan pengumuman penerimaan peserta didik baru SD dan SMP negeri.",
            "https://ppdb.bekasikota.go.id", ApplicationTerms.UmumBesar, "hasil-seleksi", "disdukcapil verifikasi-nik"),
    };

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (!context.Services.GetRequiredService<TenantContext>().IsDefault) throw context.Fail("name", "Langkah 'applications-samples' hanya dapat dijalankan di portal kota.");
        var now = clock.GetUtcNow();
        var portal = context.Services.GetRequiredService<TenantSession>();
        var numbers = new Dictionary<string, string>();
        var names = (context.Step["tenants"] as JsonArray ?? []).Select(n => (string?)n).OfType<string>()
            .OrderBy(n => n == "disdukcapil" ? 0 : 1).ToList(); // the provider first, so the others can name its number
        foreach (var name in names)
        {
            if (shells.Find(name) is not { } shell || !shell.IsFeatureEnabled(Manifest.FeatureId) || !Samples.TryGetValue(name, out var sample)) continue;
            var count = await portal.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM app_register WHERE registration_number LIKE @pattern", new { pattern = $"SPBE-APL-{now.Year:D4}-%" });
            var number = $"SPBE-APL-{now.Year:D4}-{(count + 1).ToString("D4", CultureInfo.InvariantCulture)}";
            numbers[name] = number;
            var consumed = sample.Consumes.Split(' ', 2) is [var provider, var api] && numbers.TryGetValue(provider, out var providerNumber) ? $"{providerNumber} {api}" : "";
            var application = new ApplicationRecord
            {
                Id = "contoh-" + name, Name = sample.Name, Description = sample.Description + " (" + Label + ")", AppClass = sample.Class, Builder = ApplicationTerms.Dinas,
                Lifecycle = ApplicationTerms.Production, Url = sample.Url, Hosting = ApplicationTerms.DataCentre, Stack = "PHP 8, Laravel, PostgreSQL", Licence = "Milik Pemerintah Kota Bekasi, sumber terbuka (GPL-3.0)",
                ApisProvided = sample.Provided, ApisConsumed = consumed, IsPublic = true, State = RegistrationStates.Registered, RegistrationNumber = number,
                SecurityLevel = "sedang", ModifiedBy = "admin", ModifiedUtc = now,
            };
            await using (var scope = scopes.CreateScope(shell))
            {
                var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
                await session.ExecuteAsync("""
                    INSERT INTO app_applications (id, name, description, users, app_class, builder, lifecycle, url, url_key, hosting, stack, licence,
                        apis_provided, apis_consumed, datasets, is_public, state, registration_number, security_level, decided_utc, modified_by, modified_utc)
                    VALUES (@Id, @Name, @Description, '', @AppClass, @Builder, @Lifecycle, @Url, @key, @Hosting, @Stack, @Licence,
                        @ApisProvided, @ApisConsumed, '', TRUE, @State, @RegistrationNumber, @SecurityLevel, @now, 'admin', @now)
                    """, new
                {
                    application.Id, application.Name, application.Description, application.AppClass, application.Builder, application.Lifecycle, application.Url,
                    key = ApplicationRecord.UrlKeyOf(application.Url), application.Hosting, application.Stack, application.Licence, application.ApisProvided,
                    application.ApisConsumed, application.State, application.RegistrationNumber, application.SecurityLevel, now = UnixTime.Ms(now),
                });
            }
            var payload = JsonSerializer.Serialize(new ApplicationSubmission(application, shell.Record.DisplayName, [], "admin", now), HandoverOutbox.Json);
            await portal.ExecuteAsync("""
                INSERT INTO app_register (tenant, kind, id, name, url_key, state, registration_number, security_level, payload, submitted_by, submitted_utc,
                    received_utc, decided_by, decided_utc, note)
                VALUES (@name, 'aplikasi', @id, @title, @key, 'terdaftar', @number, 'sedang', @payload, 'admin', @now, @now, 'admin', @now, @label)
                """, new { name, id = application.Id, title = application.Name, key = ApplicationRecord.UrlKeyOf(application.Url), number, payload, now = UnixTime.Ms(now), label = Label });
            await context.Services.GetRequiredService<CatalogueWriter>().WriteAsync(name, application, [], [], number, now);
        }
    }
}
