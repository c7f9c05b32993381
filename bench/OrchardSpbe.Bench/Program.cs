using System.Diagnostics;
using System.Globalization;
using OrchardSpbe.Bench;

// One run, in this order (see bench/RESULTS.md for what each figure means):
//   seed App_Data (Default + PD tenants) → platform: memory, start-up, first requests, creations, wrk on a
//   PD home → content: seed news, agenda and one PD's 10,000 articles in-process, then a fresh host for the
//   admin and public lists and the portal home (uncached latency, cached wrk) → workflows: seed approved and
//   waiting approval instances in-process, then a fresh host for the inbox and the approval action, concurrently.
//   → backup: the whole platform by the backup command, and its restore onto an empty App_Data (issue 12)
//   → statistics (issue 10, PostgreSQL + Redis): COPY the accepted statistics of 120 PDs, then node A for the reads
//   and the million-value import, node B for the hand-over's visibility on another node.
//   → programmers (issue 13, SQLite, own App_Data): bulk-written applicants, members and years of reports, then the
//   selection board and the city gap table over HTTP.
//   → applications (issue 14): 3,000 applications and 10,000 devices into the portal's SQLite file, then a fresh host
//   for the catalogue search, the integration map and the compliance board.
//   → scale (issue 17): 1,000 PD sites (copies of one) in one process: start, idle CPU, first requests, memory, wrk.
//   → tenants (issue 17 §4, own App_Data and schemas): the portal's tenant list with 1,000 PDs, and one new migration
//   for every tenant, on SQLite and on PostgreSQL.
//   → datasets (issue 11): 10,000 datasets over 120 PDs into the PDs' files and the portal catalog, then a host for
//   package_search, a million-row CSV upload and datastore_search on it, and kill -9 mid-publish. --skip leaves sections out.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchSettings.Parse(args);
Machine.Print(Console.Out, args);

if (Directory.Exists(settings.OutDir)) Directory.Delete(settings.OutDir, recursive: true);
Directory.CreateDirectory(settings.OutDir);
var sites = PdSites.Take(settings.Tenants + settings.Creations);
var seeded = sites.Take(settings.Tenants).ToList();
var extra = sites.Skip(settings.Tenants).ToList();
var half = settings.Tenants / 2;
var appData = Path.Combine(settings.OutDir, "app-data");
var halfAppData = Path.Combine(settings.OutDir, $"app-data-{half}");
var report = new Report();

// The SQLite App_Data serves every section but statistics (PostgreSQL, seeded on its own).
if (BenchSettings.Sections.Any(s => s is not ("statistics" or "programmers" or "scale" or "tenants" or "soak") && settings.Runs(s)))
{
    Report.Section($"Seeding Default + {settings.Tenants} PD tenants in-process (snapshot after {half})");
    var clock = Stopwatch.StartNew();
    await Seeder.SeedAsync(settings, appData, seeded, half, halfAppData);
    Console.WriteLine($"  done in {clock.Elapsed.TotalSeconds:F1} s");
}

if (settings.Runs("platform")) await PlatformBench.RunAsync(settings, appData, halfAppData, half, seeded, extra, report);
if (settings.Runs("backup")) await BackupBench.RunAsync(settings, appData, seeded.Count, report);
if (settings.Runs("lists") || settings.Runs("portal")) await ContentBench.RunAsync(settings, appData, seeded, report);
if (settings.Runs("workflows")) await WorkflowBench.RunAsync(settings, appData, seeded, report);
if (settings.Runs("search")) await SearchBench.RunAsync(settings, appData, seeded, report);
if (settings.Runs("statistics")) await StatisticsBench.RunAsync(settings, report);
if (settings.Runs("programmers")) await ProgrammersBench.RunAsync(settings, report);
if (settings.Runs("applications")) await ApplicationsBench.RunAsync(settings, appData, seeded, report);
if (settings.Runs("datasets")) await DatasetsBench.RunAsync(settings, appData, seeded, report);
if (settings.Runs("scale")) await ScaleBench.RunAsync(settings, report);
if (settings.Runs("tenants")) await TenantsBench.RunAsync(settings, report);
if (settings.Runs("soak")) await SoakBench.RunAsync(settings, report);

report.Print(Console.Out);
Console.WriteLine($"Load average at the end: {Machine.LoadAverage}. Host logs and data: {settings.OutDir}");
return 0;
