using System.Diagnostics;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// npm's rdf-validate-shacl (with n3, jsonld and rdfxml-streaming-parser) run by Node against the DCAT-AP 2.1.1 shapes in
/// ../shared/dcat-ap/. The test installs the pinned packages itself, once, into the test output folder.
/// </summary>
public static class ShaclValidator
{
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "shacl");

    public static string ShapesFolder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrchardSpbe.sln"))) directory = directory.Parent;
            // The repository's sibling ../shared (the project's shared folder), as the issue names it.
            var shared = Path.GetFullPath(Path.Combine(directory!.FullName, "..", "shared", "dcat-ap"));
            return Directory.Exists(shared) ? shared : "/work/shared/dcat-ap";
        }
    }

    public static async Task<JsonElement> ValidateAsync(string format, byte[] document)
    {
        await EnsureInstalledAsync();
        var file = Path.Combine(Path.GetTempPath(), $"dcat-{Guid.NewGuid():N}.{format}");
        await File.WriteAllBytesAsync(file, document);
        try
        {
            var (code, output, error) = await RunAsync("node", ["validate.mjs", format, file,
                Path.Combine(ShapesFolder, "dcat-ap_2.1.1_shacl_shapes.ttl"), Path.Combine(ShapesFolder, "dcat-ap_2.1.1_shacl_shapes_recommended.ttl")]);
            Assert.True(code == 0, "The validator failed: " + error);
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally { File.Delete(file); }
    }

    private static async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "rdf-validate-shacl"))) return;
            var (code, _, error) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
            Assert.True(code == 0, "npm install failed: " + error);
        }
        finally { Installing.Release(); }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
