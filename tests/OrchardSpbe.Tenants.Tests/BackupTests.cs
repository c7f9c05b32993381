using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Backup;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>Issue 12 §1 (001 Pasal 14(7)): Diskominfostandi backs up a PD site and the whole platform, and restores them.</summary>
public sealed class BackupTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    // An administrator backs up Dinkes from the portal and restores it beside the live site under a new name: every
    // table's rows and every file are identical, and the copy answers on its own address.
    [Theory]
    [InlineData(DatabaseProviderName.Sqlite)]
    [InlineData(DatabaseProviderName.Postgres)]
    public async Task A_PD_site_backed_up_from_the_portal_restores_beside_itself_with_every_row_and_file(DatabaseProviderName provider)
    {
        await using var site = await TestSite.StartAsync(new TestSiteOptions { Provider = provider });
        await site.CreateTenantAsync("dinkes", "Dinas Kesehatan");
        await UploadPhotoAsync(site, "dinkes");
        var resource = await PublishTableAsync(site, "dinkes");
        using var admin = await SignInAsync(site, null);

        var backups = await admin.SubmitAsync(site.Url(null, "/admin/backups"), "form.toolbar", new Dictionary<string, string> { ["tenant"] = "dinkes" });
        Assert.Contains("dibuat", backups.SuccessMessage);
        var name = Assert.Single(backups.Document.QuerySelectorAll("#backups tbody tr")).GetAttribute("data-backup")!;
        Assert.Equal("ok", backups.Document.QuerySelector("#backup-runs tbody tr")!.GetAttribute("data-status"));

        var restored = await admin.SubmitAsync(site.Url(null, $"/admin/backups/{name}/restore"), "form.card",
            new Dictionary<string, string> { ["Mode"] = "copy", ["AsName"] = "dinkes-pulih" });
        Assert.Contains("dinkes-pulih", restored.SuccessMessage);

        Assert.Equal(await StoreComparison.RowsAsync(site, "dinkes"), await StoreComparison.RowsAsync(site, "dinkes-pulih"));
        var files = StoreComparison.Files(site, "dinkes");
        Assert.Contains(files.Keys, f => f.EndsWith(".png", StringComparison.Ordinal));
        Assert.Equal(files, StoreComparison.Files(site, "dinkes-pulih"));
        using var visitor = site.NewVisitor();
        var home = await visitor.OpenAsync(site.Url("dinkes-pulih"));
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Dinas Kesehatan", home.Html);
        // The dataset's DataStore table (made at upload, by no migration) came back too, and answers CKAN's search.
        Assert.Contains(files.Keys, f => f.StartsWith("datasets/", StringComparison.Ordinal));
        Assert.Equal(36, await DataStoreTotalAsync(visitor, site, "dinkes-pulih", resource));
    }

    /// <summary>A public dataset with a CSV resource, loaded into its DataStore table; returns the resource id.</summary>
    private static async Task<string> PublishTableAsync(TestSite site, string tenant)
    {
        using var admin = await SignInAsync(site, tenant);
        var editor = await admin.SubmitAsync(site.Url(tenant, "/admin/contents/create/Dataset"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Kasus DBD per kecamatan", ["DatasetPart.Slug"] = "kasus-dbd", ["DatasetPart.Description"] = "Kasus demam berdarah per kecamatan dan bulan.",
            ["DatasetPart.DataGroup"] = "kesehatan", ["DatasetPart.LicenseId"] = "cc-by", ["DatasetPart.Classification"] = "terbuka",
            ["DatasetPart.UpdateFrequency"] = "bulanan", ["DatasetPart.SpatialCoverage"] = "32.75", ["DatasetPart.Tags"] = "dbd",
            ["DatasetPart.ContactName"] = "Seksi Surveilans", ["DatasetPart.ContactEmail"] = "surveilans@dinkes.bekasikota.go.id", ["submit"] = "publish",
        });
        Assert.Empty(editor.Errors);
        var datasetId = editor.Url.AbsolutePath.Split('/')[3];
        var csv = "bulan,kecamatan,kasus\n" + string.Concat(Enumerable.Range(1, 36).Select(i => $"2025-{(i - 1) / 12 + 1:D2}-01,Kecamatan {(i - 1) % 12 + 1:D2},{i}\n"));
        var added = await admin.SubmitAsync(site.Url(tenant, $"/admin/data/{datasetId}"), "form.add-resource",
            new Dictionary<string, string> { ["name"] = "Tabel kasus", ["url"] = "", ["format"] = "CSV" }, [("file", "kasus.csv", System.Text.Encoding.UTF8.GetBytes(csv))]);
        Assert.Empty(added.Errors);
        var resource = added.Document.QuerySelectorAll("tr[data-resource]").First().GetAttribute("data-resource")!;
        using var visitor = site.NewVisitor();
        await WaitForAsync(async () => await DataStoreTotalAsync(visitor, site, tenant, resource) == 36);
        return resource;
    }

    private static async Task<long> DataStoreTotalAsync(SiteClient visitor, TestSite site, string tenant, string resource)
    {
        var response = await visitor.GetAsync(site.Url(tenant, $"/api/3/action/datastore_search?resource_id={resource}&limit=1"));
        if (response.StatusCode != HttpStatusCode.OK) return -1;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("result").TryGetProperty("total", out var total) ? total.GetInt64() : -1;
    }

    // A restore in place brings the site back to the backup's moment: a page published after it is gone from the
    // site and from search, without anyone rebuilding the index.
    [Fact]
    public async Task Restoring_in_place_needs_the_sites_name_typed_and_returns_pages_and_search_to_the_backup()
    {
        await using var site = await TestSite.StartAsync();
        await site.CreateTenantAsync("disdik", "Dinas Pendidikan");
        using var admin = await SignInAsync(site, null);
        var backups = await admin.SubmitAsync(site.Url(null, "/admin/backups"), "form.toolbar", new Dictionary<string, string> { ["tenant"] = "disdik" });
        var name = backups.Document.QuerySelector("#backups tbody tr")!.GetAttribute("data-backup")!;

        using var editor = await SignInAsync(site, "disdik");
        var page = await editor.SubmitAsync(site.Url("disdik", "/admin/contents/create/Page"), "form.content-editor",
            new Dictionary<string, string> { ["TitlePart.Title"] = "Zonasi Sekolah Baru", ["AutoroutePart.Path"] = "zonasi-baru", ["submit"] = "publish" });
        using var visitor = site.NewVisitor();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(site.Url("disdik", "/zonasi-baru"))).StatusCode);
        await WaitForAsync(async () => (await visitor.OpenAsync(site.Url("disdik", "/search?q=zonasi"))).Document.Body!.TextContent.Contains("Zonasi Sekolah Baru"));

        // Without the name typed, nothing happens.
        var refused = await admin.SubmitAsync(site.Url(null, $"/admin/backups/{name}/restore"), "form.card",
            new Dictionary<string, string> { ["Mode"] = "replace", ["Confirm"] = "" });
        Assert.Contains(refused.Errors, e => e.Contains("Ketik 'disdik'"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(site.Url("disdik", "/zonasi-baru"))).StatusCode);

        var restored = await admin.SubmitAsync(site.Url(null, $"/admin/backups/{name}/restore"), "form.card",
            new Dictionary<string, string> { ["Mode"] = "replace", ["Confirm"] = "disdik" });
        Assert.Contains("dipulihkan", restored.SuccessMessage);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(site.Url("disdik", "/zonasi-baru"))).StatusCode);
        await WaitForAsync(async () => !(await visitor.OpenAsync(site.Url("disdik", "/search?q=zonasi"))).Document.Body!.TextContent.Contains("Zonasi Sekolah Baru"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(site.Url("disdik", "/profil"))).StatusCode);
        // Only the one store is left: the replaced one was dropped.
        Assert.Single(Directory.GetFiles(Path.Combine(site.AppData, "Sites", "disdik"), "*.db"));
    }

    // Broken, foreign and hostile backups are refused with the reason, and nothing changes.
    [Fact]
    public async Task Corrupt_foreign_hostile_or_conflicting_backups_are_refused_and_change_nothing()
    {
        await using var site = await TestSite.StartAsync();
        await site.CreateTenantAsync("dinsos", "Dinas Sosial");
        await UploadPhotoAsync(site, "dinsos");
        var service = site.Services.GetRequiredService<BackupService>();
        var outcome = await service.BackupTenantAsync("dinsos", null, "admin", "admin");
        Assert.True(outcome.Succeeded, outcome.Error);
        var original = outcome.Folder!;
        var tenantsBefore = site.Registry.All.Select(t => t.Name).Order().ToList();
        var rowsBefore = await StoreComparison.RowsAsync(site, "dinsos");

        async Task RefusedAsync(string folder, string expected, RestoreRequest? request = null)
        {
            var result = await service.RestoreAsync(folder, request ?? new RestoreRequest("dinsos-uji"), "admin", "admin");
            Assert.False(result.Succeeded);
            Assert.Contains(expected, result.Error);
            Assert.Equal(tenantsBefore, site.Registry.All.Select(t => t.Name).Order().ToList());
            Assert.False(Directory.Exists(Path.Combine(site.AppData, "Sites", "dinsos-uji")));
            Assert.Empty(Directory.GetDirectories(Path.Combine(site.AppData, "Sites"), ".restore*"));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(original, "manifest.json")))!;
        var photo = manifest["files"]!.AsArray().First(f => f!["target"]?.GetValue<string>()?.EndsWith(".png") == true)!;
        var table = manifest["tables"]!.AsArray().First(t => t!["name"]!.GetValue<string>() == "spbe_documents")!;

        var truncated = Copy(original);
        var dataFile = Path.Combine(truncated, table["file"]!.GetValue<string>());
        File.WriteAllBytes(dataFile, File.ReadAllBytes(dataFile)[..^5]);
        await RefusedAsync(truncated, "terpotong");

        var edited = Copy(original);
        var photoFile = Path.Combine(edited, photo["path"]!.GetValue<string>());
        var bytes = File.ReadAllBytes(photoFile);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(photoFile, bytes);
        await RefusedAsync(edited, "checksum");

        await RefusedAsync(WithManifest(original, m => m["product"] = "CKAN"), "bukan cadangan OrchardSpbe");
        await RefusedAsync(WithManifest(original, m => m["formatVersion"] = 99), "lebih baru");
        await RefusedAsync(WithManifest(original, m => m["files"]!.AsArray().First(f => f!["path"]!.GetValue<string>() == photo["path"]!.GetValue<string>())!["target"] = "../../etc/x"), "tidak sah");
        await RefusedAsync(WithManifest(original, m => m["files"]!.AsArray().First(f => f!["path"]!.GetValue<string>() == photo["path"]!.GetValue<string>())!["path"] = "../../etc/x"), "tidak sah");
        var notABackup = Directory.CreateTempSubdirectory().FullName;
        await RefusedAsync(notABackup, "bukan cadangan OrchardSpbe");

        // The running site is not replaced without its operator's confirmation.
        await RefusedAsync(original, "konfirmasi", new RestoreRequest());

        // Encrypted with one key, restored with another.
        var restorer = site.Services.GetRequiredService<TenantRestorer>();
        var writer = site.Services.GetRequiredService<TenantBackupWriter>();
        var encrypted = Path.Combine(Directory.CreateTempSubdirectory().FullName, "spbe-dinsos-enc");
        await writer.WriteAsync(site.Registry.Find("dinsos")!, encrypted, BackupCipher.FromConfiguration(Convert.ToBase64String(new byte[32])));
        Assert.DoesNotContain("Dinas Sosial", File.ReadAllText(Directory.GetFiles(Path.Combine(encrypted, "database"), "spbe_documents.rows")[0]));
        var wrongKey = await Assert.ThrowsAsync<BackupRefusedException>(() =>
            restorer.RestoreAsync(encrypted, new RestoreRequest("dinsos-uji"), BackupCipher.FromConfiguration(Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()))));
        Assert.Contains("kunci lain", wrongKey.Message);
        var noKey = await Assert.ThrowsAsync<BackupRefusedException>(() => restorer.RestoreAsync(encrypted, new RestoreRequest("dinsos-uji"), null));
        Assert.Contains("terenkripsi", noKey.Message);

        // Dinsos is deleted and its address given to another site: restoring Dinsos under its own name would take it.
        var manager = site.Services.GetRequiredService<TenantManager>();
        Assert.True((await manager.DisableAsync("dinsos")).Succeeded);
        Assert.True((await manager.DeleteAsync("dinsos")).Succeeded);
        var other = await manager.CreateAsync(new CreateTenantRequest
        {
            Name = "dinsos-baru", DisplayName = "Dinas Sosial Baru", Category = "Dinas", Hosts = ["dinsos.bekasikota.go.id"],
            AdminUserName = "admin", AdminEmail = "admin@dinsos.bekasikota.go.id", AdminPassword = TestEnvironment.AdminPassword,
        });
        Assert.True(other.Succeeded);
        tenantsBefore = site.Registry.All.Select(t => t.Name).Order().ToList();
        await RefusedAsync(original, "kini milik tenant lain", new RestoreRequest());

        // Once the address is free again, the same backup brings Dinsos back as it was.
        Assert.True((await manager.UpdateAsync("dinsos-baru", new UpdateTenantRequest { DisplayName = "Dinas Sosial Baru", Category = "Dinas", Hosts = ["dinsos-baru.bekasikota.go.id"] })).Succeeded);
        var back = await service.RestoreAsync(original, new RestoreRequest(), "admin", "admin");
        Assert.True(back.Succeeded, back.Error);
        Assert.Equal(rowsBefore, await StoreComparison.RowsAsync(site, "dinsos"));
    }

    // The command line for cron: the whole SQLite platform backed up, then restored onto an empty PostgreSQL machine,
    // which then serves the portal and the PD site as they were.
    [Fact]
    public async Task The_command_line_backs_up_the_platform_and_restores_it_onto_an_empty_postgresql_machine()
    {
        string backupFolder;
        SortedDictionary<string, List<string>> rowsBefore;
        var output = Directory.CreateTempSubdirectory().FullName;
        await using (var site = await TestSite.StartAsync())
        {
            await site.CreateTenantAsync("dishub", "Dinas Perhubungan");
            await UploadPhotoAsync(site, "dishub");
            rowsBefore = await StoreComparison.RowsAsync(site, "dishub");
            var (code, stdout, _) = await RunCommandAsync(["backup", "--all", "--out", output, $"--Spbe:AppData={site.AppData}", $"--Spbe:Recipes:Path={site.RecipesFolder}"]);
            Assert.Equal(0, code);
            backupFolder = Assert.Single(Directory.GetDirectories(output, "spbe-platform-*"));
            Assert.Contains(backupFolder, stdout);
            var (usage, _, usageError) = await RunCommandAsync(["backup", $"--Spbe:AppData={site.AppData}"]);
            Assert.Equal(2, usage);
            Assert.Contains("--tenant", usageError);
        }

        var runId = Guid.NewGuid().ToString("N")[..10];
        var emptyAppData = Directory.CreateTempSubdirectory().FullName;
        string[] postgres = ["--Spbe:Database:Provider=Postgres", $"--Spbe:Database:ConnectionString={TestEnvironment.PostgresConnectionString}",
            $"--Spbe:Database:HostSchema=h{runId}", $"--Spbe:Database:SchemaPrefix=t{runId}_", $"--Spbe:AppData={emptyAppData}"];
        try
        {
            var (missing, _, missingError) = await RunCommandAsync(["restore", "--from", Path.Combine(output, "tidak-ada"), .. postgres]);
            Assert.Equal(1, missing);
            Assert.Contains("tidak ada", missingError);
            var (code, _, error) = await RunCommandAsync(["restore", "--from", backupFolder, .. postgres]);
            Assert.True(code == 0, error);

            await using var restored = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, RunId = runId });
            Assert.Equal(rowsBefore, await StoreComparison.RowsAsync(restored, "dishub"));
            using var visitor = restored.NewVisitor();
            Assert.Contains("Dinas Perhubungan", (await visitor.OpenAsync(restored.Url("dishub"))).Html);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(restored.Url(null))).StatusCode);
            // The portal's administrator signs in with the password of the backed-up platform.
            using var admin = await SignInAsync(restored, null);
        }
        finally
        {
            await TestSite.DropSchemasAsync(runId);
        }
    }

    // The nightly schedule runs with no visitor, once, and keeps what the retention says.
    [Fact]
    public async Task The_scheduled_backup_runs_by_itself_once_a_day_and_old_ones_are_pruned()
    {
        await using var site = await TestSite.StartAsync(new TestSiteOptions { Settings = new Dictionary<string, string?> { ["Spbe:Backup:DailyAt"] = "00:00" } });
        var service = site.Services.GetRequiredService<BackupService>();
        await WaitForAsync(() => Task.FromResult(service.List().Any(b => b.Scheduled)));
        var schedule = site.Services.GetRequiredService<BackupSchedule>();
        Assert.False(await schedule.RunIfDueAsync(new TimeOnly(0, 0), CancellationToken.None));
        var runs = await site.Services.GetRequiredService<BackupRuns>().RecentAsync();
        Assert.Single(runs, r => r.Trigger == "schedule" && r.Status == "ok");

        var scheduled = Path.Combine(service.Folder, "scheduled");
        foreach (var day in new[] { "20260101", "20260115", "20260201", "20261120", "20261121", "20261122", "20261122" })
            Directory.CreateDirectory(Path.Combine(scheduled, $"spbe-platform-{day}-0100{Random.Shared.Next(10, 99)}-000"));
        var kept = Directory.GetDirectories(scheduled).Length;
        BackupRetention.Prune(scheduled, keepDaily: 2, keepMonthly: 3);
        var left = Directory.GetDirectories(scheduled).Select(Path.GetFileName).Order().ToList();
        Assert.True(left.Count < kept);
        Assert.DoesNotContain(left, n => n!.Contains("20260101"));
        Assert.Contains(left, n => n!.Contains("20261122"));
    }

    // A nightly backup that cannot be written tells the portal's administrators, and the page shows the failed run.
    [Fact]
    public async Task A_failed_scheduled_backup_notifies_the_portals_administrators()
    {
        var blocked = Path.GetTempFileName(); // a file where the backup folder should be
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Settings = new Dictionary<string, string?> { ["Spbe:Backup:DailyAt"] = "00:00", ["Spbe:Backup:Folder"] = blocked },
        });
        using var admin = await SignInAsync(site, null);
        await WaitForAsync(async () => (await admin.OpenAsync(site.Url(null, "/admin/notifications"))).Document.Body!.TextContent.Contains("Pencadangan terjadwal gagal"));
        var page = await admin.OpenAsync(site.Url(null, "/admin/backups"));
        var run = page.Document.QuerySelector("#backup-runs tbody tr")!;
        Assert.Equal("failed", run.GetAttribute("data-status"));
        Assert.Contains("jadwal", run.TextContent);
        File.Delete(blocked);
    }

    private static async Task UploadPhotoAsync(TestSite site, string tenant)
    {
        using var admin = await SignInAsync(site, tenant);
        var uploaded = await admin.SubmitAsync(site.Url(tenant, "/admin/media/upload"), "form.card",
            new Dictionary<string, string> { ["AltText"] = "Kantor dinas" }, [("File", "Kantor Dinas.png", Png)]);
        Assert.Contains("diunggah", uploaded.SuccessMessage);
    }

    private static async Task<SiteClient> SignInAsync(TestSite site, string? tenant)
    {
        var client = site.NewVisitor();
        var dashboard = await client.SignInAsync(site.Url(tenant), "admin", TestEnvironment.AdminPassword);
        Assert.StartsWith("Dasbor", dashboard.Heading);
        return client;
    }

    private static string Copy(string folder)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory().FullName, Path.GetFileName(folder));
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private static string WithManifest(string folder, Action<JsonNode> edit)
    {
        var copy = Copy(folder);
        var path = Path.Combine(copy, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
        return copy;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(200);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunCommandAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "OrchardSpbe.Web.dll") }
                     .Concat(arguments).Concat(["--environment=Testing", "--Logging:LogLevel:Default=Warning", "--Spbe:Hosting:LocalDomain=localhost"]))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
