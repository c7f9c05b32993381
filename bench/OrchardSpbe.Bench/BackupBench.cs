using System.Diagnostics;

namespace OrchardSpbe.Bench;

/// <summary>
/// Issue 12 §1's figure: the whole platform (the portal and every seeded PD, SQLite, sample data) backed up by the
/// operators' command (`OrchardSpbe.Web.dll backup --all`), then restored onto an empty App_Data (`restore --from`).
/// The baseline, in the same run, is a plain recursive copy of the same App_Data (`cp -r`): the floor any backup
/// of these files has on this machine.
/// </summary>
public static class BackupBench
{
    public static async Task RunAsync(BenchSettings settings, string appData, int tenants, Report report)
    {
        Report.Section($"Backup: the whole platform (portal + {tenants} PDs, SQLite, sample data) by the backup command");
        var copy = Path.Combine(settings.OutDir, "backup-baseline-copy");
        var baseline = Stopwatch.StartNew();
        await RunAsync("cp", ["-r", appData, copy]);
        baseline.Stop();
        var appDataMb = SizeMb(appData);

        var output = Path.Combine(settings.OutDir, "backups");
        var backup = Stopwatch.StartNew();
        await RunAsync("dotnet", [settings.HostDll, "backup", "--all", "--out", output, .. HostArgs.For(appData)]);
        backup.Stop();
        var folder = Directory.GetDirectories(output, "spbe-platform-*").Single();
        Console.WriteLine($"  App_Data {appDataMb:F0} MB; cp -r {baseline.Elapsed.TotalSeconds:F1} s; backup --all {backup.Elapsed.TotalSeconds:F1} s " +
                          $"({backup.Elapsed / baseline.Elapsed:F1} × the copy), {SizeMb(folder):F0} MB written, {Directory.GetDirectories(Path.Combine(folder, "tenants")).Length} sites");
        report.Check($"Whole-platform backup, portal + {tenants} PDs (SQLite, sample data)", backup.Elapsed.TotalSeconds, "s", "<", 60);

        var empty = Path.Combine(settings.OutDir, "restore-app-data");
        var restore = Stopwatch.StartNew();
        await RunAsync("dotnet", [settings.HostDll, "restore", "--from", folder, .. HostArgs.For(empty)]);
        restore.Stop();
        Console.WriteLine($"  restore --from onto an empty App_Data: {restore.Elapsed.TotalSeconds:F1} s (every table and file verified first), {SizeMb(empty):F0} MB");
        Directory.Delete(copy, recursive: true);
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error}");
    }

    private static double SizeMb(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024.0 / 1024;
}
