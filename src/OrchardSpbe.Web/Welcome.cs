using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Web;

/// <summary>Tells the person who started the host where the portal and a PD site answer.</summary>
public static class Welcome
{
    public static void Print(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return;
        var uri = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://127.0.0.1", "://localhost"));
        var urls = app.Services.GetRequiredService<TenantUrls>();
        var registry = app.Services.GetRequiredService<TenantRegistry>();
        var pd = registry.All.Where(t => !t.IsDefault && t.State == TenantState.Running && t.Hosts.Count > 0).OrderBy(t => t.Name).FirstOrDefault();

        Console.WriteLine();
        if (registry.Find(TenantRecord.DefaultName) is { } portal)
            Console.WriteLine($"  Portal kota : {urls.RootOf(portal, uri)}");
        if (pd is not null)
            Console.WriteLine($"  Situs PD    : {urls.RootOf(pd, uri)}   ({pd.DisplayName})");
        Console.WriteLine($"  Admin       : add /admin to any of them; sign in as '{app.Configuration["Spbe:Setup:AdminUserName"] ?? "admin"}'");
        Console.WriteLine("                (password from Spbe:Setup:AdminPassword, or the one printed at first run)");
        Console.WriteLine();
    }
}
