using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrchardSpbe.Reference;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Periods;
using OrchardSpbe.Tenants;
using OrchardSpbe.Web;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 10's data on PostgreSQL. The tenants are created in-process through the TenantManager (pd-site recipe, each
/// in its own schema); then what Diskominfostandi accepted is written straight into the tables with binary COPY, as
/// the acceptance would have left it: the portal's <c>stat_public_indicators</c> and <c>stat_public_observations</c>
/// (tenant column = PD), each PD's own <c>stat_public_indicators</c> plus a row per indicator in its
/// <c>search_changes</c> log (what its search index reads), and the portal's <c>stat_inbound_submissions</c> for
/// the compliance board. The PD's own copy of the observations is not written: no measured page reads it.
/// </summary>
public static class StatisticsSeeder
{
    public const string HostSchema = "statbench_h";
    public const string SchemaPrefix = "statbench_t_";
    public static string SchemaOf(string tenant) => SchemaPrefix + tenant.Replace('-', '_');
    public static string PortalSchema => SchemaOf(TenantRecord.DefaultName);

    public static readonly string[] Areas = ["32.75", .. Enumerable.Range(1, 12).Select(k => $"32.75.{k:D2}")];

    private static readonly string[] Topics =
    [
        "kasus demam berdarah dengue", "jumlah penduduk", "pencari kerja terdaftar", "angka partisipasi sekolah", "timbulan sampah harian",
        "panjang jalan kondisi baik", "jumlah posyandu aktif", "kunjungan wisatawan", "kelahiran bayi", "kematian ibu melahirkan",
        "balita gizi buruk", "imunisasi dasar lengkap", "kebakaran bangunan", "kejadian banjir", "izin usaha terbit",
        "pendapatan asli daerah", "realisasi belanja", "pegawai negeri sipil", "koperasi aktif", "pelaku umkm binaan",
        "harga beras medium", "produksi ikan konsumsi", "luas ruang terbuka hijau", "pengunjung perpustakaan", "akta kelahiran terbit",
        "peserta keluarga berencana", "kasus kekerasan anak", "penerima bantuan sosial", "kendaraan uji berkala", "penumpang angkutan umum",
        "kualitas udara", "sambungan air bersih", "rumah tidak layak huni", "atlet berprestasi", "cagar budaya terdaftar",
        "pengaduan masyarakat", "lansia terlayani", "vaksinasi anak", "tuberkulosis ditemukan", "stunting balita",
    ];

    private static readonly string[] Qualifiers =
        ["menurut kecamatan", "laki-laki", "perempuan", "usia produktif", "per bulan", "kumulatif", "baru", "terverifikasi", "tertangani", "per seribu penduduk"];

    public static string CodeOf(int i) => $"IND-{i + 1:D3}";
    public static string TitleOf(int tenantIndex, int i) => $"{Topics[(i + tenantIndex) % Topics.Length]} {Qualifiers[i / Topics.Length % Qualifiers.Length]}";
    public static IReadOnlyList<string> SearchWords => ["demam berdarah", "penduduk", "pencari kerja", "sekolah", "sampah", "posyandu", "wisatawan",
        "bayi", "gizi buruk", "imunisasi", "banjir", "umkm", "harga beras", "perpustakaan", "akta kelahiran", "bantuan sosial", "air bersih",
        "lansia", "stunting", "kecamatan"];

    public static List<string> HostArgsFor(BenchSettings settings, string appData, int? port)
    {
        var args = HostArgs.For(appData, port);
        args.AddRange(DatabaseArgs(settings));
        return args;
    }

    /// <summary>PostgreSQL (schemas of this benchmark only) and Redis, for the in-process seeding and both nodes.</summary>
    public static List<string> DatabaseArgs(BenchSettings settings) =>
        [
            "--Spbe:Database:Provider=Postgres",
            $"--Spbe:Database:ConnectionString={settings.Postgres}",
            $"--Spbe:Database:HostSchema={HostSchema}",
            $"--Spbe:Database:SchemaPrefix={SchemaPrefix}",
            $"--Spbe:Redis:Configuration={settings.Redis}",
            "--Spbe:Redis:Prefix=spbe-statbench",
            "--Spbe:Security:SignInPermitLimit=1000",
        ];

    public static async Task DropSchemasAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var schemas = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT nspname FROM pg_namespace WHERE nspname = @h OR nspname LIKE 'statbench\\_t\\_%'", connection))
        {
            list.Parameters.AddWithValue("h", HostSchema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        }
        foreach (var schema in schemas)
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The portal and the PD tenants, in-process (the child hosts find them in the host schema).</summary>
    public static async Task CreateTenantsAsync(BenchSettings settings, string appData, IReadOnlyList<PdSite> sites)
    {
        var args = HostArgsFor(settings, appData, null);
        args.Add($"--Spbe:Recipes:Path={Path.Combine(Path.GetDirectoryName(settings.HostDll)!, "recipes")}");
        var app = await SpbeApplication.BuildAsync([.. args], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        try
        {
            var manager = app.Services.GetRequiredService<TenantManager>();
            foreach (var site in sites)
            {
                var result = await manager.CreateAsync(new CreateTenantRequest
                {
                    Name = site.Name, DisplayName = site.DisplayName, Category = site.Category, Hosts = [$"{site.Name}.bekasikota.go.id"],
                    RecipeName = "pd-site", AdminUserName = BenchSettings.AdminUserName, AdminEmail = $"admin@{site.Name}.bekasikota.go.id",
                    AdminPassword = BenchSettings.AdminPassword,
                });
                if (!result.Succeeded) throw new InvalidOperationException($"Creating {site.Name}: {string.Join("; ", result.Errors.Values)}");
            }
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    public sealed record Seeded(long Indicators, long Observations, long Submissions, TimeSpan Elapsed);

    /// <summary>
    /// Writes the accepted statistics. <paramref name="handover"/> PDs get only accepted months on the board (their
    /// live submission must be the only one waiting for the verifier).
    /// </summary>
    public static async Task<Seeded> SeedAsync(BenchSettings settings, IReadOnlyList<PdSite> sites, ISet<string> handover)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(settings.Postgres + ";Command Timeout=0");
        await connection.OpenAsync();
        await ExecAsync(connection, "SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");
        // The tenants were created a year ago, so every month of this year counts on the board.
        var yearAgo = UnixTime(DateTimeOffset.UtcNow.AddDays(-400));
        await ExecAsync(connection, $"UPDATE \"{HostSchema}\".tenants SET created_utc = {yearAgo}");

        var accepted = UnixTime(DateTimeOffset.UtcNow.AddDays(-3));
        var firstYear = DateTime.UtcNow.Year - settings.StatYears;
        var latestPeriod = $"{firstYear + settings.StatYears - 1}-M12";
        long indicators = 0, observations = 0, submissions = 0;

        // Per PD: its own public indicators and its search log.
        for (var t = 0; t < sites.Count; t++)
        {
            var schema = SchemaOf(sites[t].Name);
            await CopyIndicatorsAsync(connection, $"\"{schema}\".stat_public_indicators", sites, t, settings.StatIndicators, accepted, latestPeriod);
            await using (var log = await connection.BeginBinaryImportAsync($"COPY \"{schema}\".search_changes (item_id, created_utc) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < settings.StatIndicators; i++)
                {
                    await log.StartRowAsync();
                    await log.WriteAsync("statistik/" + CodeOf(i), NpgsqlDbType.Text);
                    await log.WriteAsync(accepted, NpgsqlDbType.Bigint);
                }
                await log.CompleteAsync();
            }
            indicators += settings.StatIndicators;
        }

        // The portal: every PD's indicators and series (the indexes are dropped while COPY runs and built after).
        var portal = PortalSchema;
        for (var t = 0; t < sites.Count; t++)
            await CopyIndicatorsAsync(connection, $"\"{portal}\".stat_public_indicators", sites, t, settings.StatIndicators, accepted, latestPeriod);
        await ExecAsync(connection, $"""
            ALTER TABLE "{portal}".stat_public_observations DROP CONSTRAINT stat_public_observations_pkey;
            DROP INDEX "{portal}".ix_stat_public_observations_accepted;
            """);
        var series = Math.Min(settings.StatSeriesIndicators, settings.StatIndicators);
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"{portal}\".stat_public_observations (tenant, code, period, area, disaggregation, value, status, accepted_utc) FROM STDIN (FORMAT BINARY)"))
        {
            var periods = Enumerable.Range(firstYear, settings.StatYears).SelectMany(y => Enumerable.Range(1, 12).Select(m => $"{y}-M{m:D2}")).ToArray();
            for (var t = 0; t < sites.Count; t++)
                for (var i = 0; i < series; i++)
                {
                    var code = CodeOf(i);
                    for (var p = 0; p < periods.Length; p++)
                        for (var a = 0; a < Areas.Length; a++)
                        {
                            copy.StartRow();
                            copy.Write(sites[t].Name, NpgsqlDbType.Text);
                            copy.Write(code, NpgsqlDbType.Text);
                            copy.Write(periods[p], NpgsqlDbType.Text);
                            copy.Write(Areas[a], NpgsqlDbType.Text);
                            copy.Write("", NpgsqlDbType.Text);
                            copy.Write((double)((t * 31 + i * 7 + p * 3 + a) % 1000) + (a == 0 ? 5000 : 0), NpgsqlDbType.Double);
                            copy.Write("tetap", NpgsqlDbType.Text);
                            copy.Write(accepted, NpgsqlDbType.Bigint);
                            observations++;
                        }
                }
            await copy.CompleteAsync();
        }
        Console.WriteLine($"  COPY of {observations:N0} observations done after {clock.Elapsed.TotalSeconds:F0} s; building the indexes");
        await ExecAsync(connection, $"""
            ALTER TABLE "{portal}".stat_public_observations ADD PRIMARY KEY (tenant, code, period, area, disaggregation);
            CREATE INDEX ix_stat_public_observations_accepted ON "{portal}".stat_public_observations (accepted_utc);
            """);

        // The board: January up to last month of this year for every PD, mostly on time.
        var now = DateTimeOffset.UtcNow;
        var random = new Random(20261126);
        await using (var inbound = await connection.BeginBinaryImportAsync($"""
            COPY "{portal}".stat_inbound_submissions (tenant, id, month, state, summary, value_count, payload, submitted_by, submitted_utc, received_utc, decided_by, decided_utc, decision_note)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var site in sites)
                for (var m = 1; m < now.Month; m++)
                {
                    var roll = random.Next(100);
                    if (handover.Contains(site.Name)) roll %= 80;
                    if (roll >= 95) continue; // tidak menyampaikan
                    var monthStart = new DateTimeOffset(now.Year, m, 1, 0, 0, 0, TimeSpan.FromHours(7));
                    var late = roll is >= 70 and < 80;
                    var submitted = late ? monthStart.AddMonths(1).AddDays(3) : monthStart.AddMonths(1).AddDays(-4);
                    var state = roll switch { < 80 => "diterima", < 88 => "dikembalikan", _ => "menunggu" };
                    await inbound.StartRowAsync();
                    await inbound.WriteAsync(site.Name, NpgsqlDbType.Text);
                    await inbound.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
                    await inbound.WriteAsync($"{now.Year}-{m:D2}", NpgsqlDbType.Text);
                    await inbound.WriteAsync(state, NpgsqlDbType.Text);
                    await inbound.WriteAsync("Pembaruan data bulanan", NpgsqlDbType.Text);
                    await inbound.WriteAsync(156, NpgsqlDbType.Integer);
                    await inbound.WriteAsync("{}", NpgsqlDbType.Text);
                    await inbound.WriteAsync("petugas", NpgsqlDbType.Text);
                    await inbound.WriteAsync(UnixTime(submitted), NpgsqlDbType.Bigint);
                    await inbound.WriteAsync(UnixTime(submitted.AddMinutes(1)), NpgsqlDbType.Bigint);
                    if (state == "menunggu")
                    {
                        await inbound.WriteNullAsync();
                        await inbound.WriteNullAsync();
                        await inbound.WriteNullAsync();
                    }
                    else
                    {
                        await inbound.WriteAsync("verifikator", NpgsqlDbType.Text);
                        await inbound.WriteAsync(UnixTime(submitted.AddDays(1)), NpgsqlDbType.Bigint);
                        await inbound.WriteAsync(state == "dikembalikan" ? "Periksa nilai kecamatan." : "", NpgsqlDbType.Text);
                    }
                    submissions++;
                }
            await inbound.CompleteAsync();
        }
        await ExecAsync(connection, $"ANALYZE \"{portal}\".stat_public_observations; ANALYZE \"{portal}\".stat_public_indicators; ANALYZE \"{portal}\".stat_inbound_submissions");
        return new Seeded(indicators, observations, submissions, clock.Elapsed);
    }

    private static async Task CopyIndicatorsAsync(NpgsqlConnection connection, string table, IReadOnlyList<PdSite> sites, int t, int count, long accepted, string latestPeriod)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} (tenant, code, title, periodicity, data_group, category, estimation_level, unit, decimals, is_public, metadata, latest_period, latest_value, accepted_utc) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
        {
            var title = TitleOf(t, i);
            var group = DataGroups.All[(t + i) % DataGroups.All.Count].Code;
            var part = new IndicatorPart
            {
                Code = CodeOf(i), Category = "sektoral", DataGroup = group, Periodicity = Periodicity.Bulanan, EstimationLevel = "kecamatan",
                Concept = $"Indikator {title} yang dicatat {sites[t].DisplayName} setiap bulan.",
                Definition = $"Banyaknya {title} di Kota Bekasi menurut kecamatan.", Method = "Penjumlahan laporan bulanan.",
                Unit = "orang", Tags = ["data sektoral"],
            };
            await copy.StartRowAsync();
            await copy.WriteAsync(sites[t].Name, NpgsqlDbType.Text);
            await copy.WriteAsync(part.Code, NpgsqlDbType.Text);
            await copy.WriteAsync(title, NpgsqlDbType.Text);
            await copy.WriteAsync("bulanan", NpgsqlDbType.Text);
            await copy.WriteAsync(group, NpgsqlDbType.Text);
            await copy.WriteAsync("sektoral", NpgsqlDbType.Text);
            await copy.WriteAsync("kecamatan", NpgsqlDbType.Text);
            await copy.WriteAsync("orang", NpgsqlDbType.Text);
            await copy.WriteAsync(0, NpgsqlDbType.Integer);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(JsonSerializer.Serialize(part), NpgsqlDbType.Text);
            await copy.WriteAsync(latestPeriod, NpgsqlDbType.Text);
            await copy.WriteAsync(5000.0 + i, NpgsqlDbType.Double);
            await copy.WriteAsync(accepted, NpgsqlDbType.Bigint);
        }
        await copy.CompleteAsync();
    }

    private static long UnixTime(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
