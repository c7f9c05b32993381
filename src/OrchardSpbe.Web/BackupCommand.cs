using OrchardSpbe.Backup;

namespace OrchardSpbe.Web;

/// <summary>
/// The backup and restore commands for cron and for an empty machine (issue 12 §1):
/// <c>backup --tenant NAME|--all [--out DIR]</c> and <c>restore --from DIR [--as NEWNAME] [--replace]</c>.
/// They use the same configuration as the site and exit non-zero with the reason on failure.
/// </summary>
public static class BackupCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, rest) = Parse(args[1..]);
        // The command never seeds a first-run portal: restoring onto an empty machine must find it empty.
        await using var app = await SpbeApplication.BuildAsync([.. rest, "--Spbe:Setup:AutoSetup=false"]);
        var backups = app.Services.GetRequiredService<BackupService>();
        try
        {
            var outcome = (args[0], options) switch
            {
                ("backup", { } o) when o.ContainsKey("all") => await backups.BackupPlatformAsync(o.GetValueOrDefault("out"), "cli", Environment.UserName),
                ("backup", { } o) when o.TryGetValue("tenant", out var tenant) && tenant is { Length: > 0 } =>
                    await backups.BackupTenantAsync(tenant, o.GetValueOrDefault("out"), "cli", Environment.UserName),
                ("restore", { } o) when o.TryGetValue("from", out var from) && from is { Length: > 0 } =>
                    await backups.RestoreAsync(Path.GetFullPath(from), new RestoreRequest(o.GetValueOrDefault("as"), o.ContainsKey("replace")), "cli", Environment.UserName),
                _ => null,
            };
            if (outcome is null)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"{args[0]} gagal: {outcome.Error}");
                return 1;
            }
            Console.WriteLine(args[0] == "backup" ? $"Cadangan ditulis: {outcome.Folder} ({outcome.SizeBytes:N0} byte)" : $"Dipulihkan dari {outcome.Folder}");
            return 0;
        }
        catch (BackupRefusedException refused)
        {
            await Console.Error.WriteLineAsync($"{args[0]} gagal: {refused.Message}");
            return 1;
        }
    }

    private const string Usage = """
        Penggunaan:
          dotnet run --project src/OrchardSpbe.Web -- backup --tenant NAMA [--out FOLDER]
          dotnet run --project src/OrchardSpbe.Web -- backup --all [--out FOLDER]
          dotnet run --project src/OrchardSpbe.Web -- restore --from FOLDER [--as NAMA-BARU] [--replace]
        """;

    /// <summary>--name value and --flag options of the command; anything else (configuration such as --Spbe:…=…) goes to the host.</summary>
    private static (Dictionary<string, string?> Options, List<string> HostArguments) Parse(string[] args)
    {
        var options = new Dictionary<string, string?>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            if (name is "all" or "replace") options[name] = null;
            else if (name is "tenant" or "out" or "from" or "as" && args[i].StartsWith("--", StringComparison.Ordinal))
                options[name] = i + 1 < args.Length ? args[++i] : "";
            else rest.Add(args[i]);
        }
        return (options, rest);
    }
}
