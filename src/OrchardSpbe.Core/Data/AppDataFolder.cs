using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace OrchardSpbe.Data;

/// <summary>The App_Data folder: SQLite files, each tenant's media, data-protection keys.</summary>
public sealed class AppDataFolder(IOptions<SpbeOptions> options, IWebHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.AppData));

    public string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A tenant's own folder for files (media, logo).</summary>
    public string TenantFolder(string tenantName) => Combine("Sites", tenantName);
}
