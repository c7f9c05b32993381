using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Recipes;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hosting;

/// <summary>
/// A fresh install: creates the Default tenant (the city portal) from its recipe, then the sample PD
/// tenants. The administrator password comes from configuration or is generated and printed once.
/// </summary>
public sealed class FirstRunSetup(
    TenantManager tenants,
    ShellHost shells,
    TenantRegistry registry,
    RecipeExecutor recipes,
    IOptions<SpbeOptions> options,
    ILogger<FirstRunSetup> logger)
{
    public async Task RunAsync()
    {
        var setup = options.Value.Setup;
        var password = string.IsNullOrEmpty(setup.AdminPassword) ? GeneratePassword() : setup.AdminPassword;
        var created = await tenants.CreateAsync(new CreateTenantRequest
        {
            Name = TenantRecord.DefaultName,
            DisplayName = "Pemerintah Kota Bekasi",
            Category = "Portal",
            Hosts = [options.Value.Hosting.BaseDomain],
            RecipeName = setup.PortalRecipe,
            AdminUserName = setup.AdminUserName,
            AdminEmail = setup.AdminEmail,
            AdminPassword = password,
        }, allowDefault: true);
        if (!created.Succeeded)
            throw new InvalidOperationException("First-run setup failed: " + string.Join("; ", created.Errors.Values));

        if (setup.SampleTenants)
        {
            var portal = shells.Find(TenantRecord.DefaultName) ?? await shells.ActivateAsync(registry.Find(TenantRecord.DefaultName)!);
            var samples = await recipes.ExecuteAsync(portal, setup.SampleTenantsRecipe, new Dictionary<string, string>
            {
                ["AdminUserName"] = setup.AdminUserName,
                ["AdminPassword"] = password,
                ["BaseDomain"] = options.Value.Hosting.BaseDomain,
            });
            if (!samples.Succeeded) throw new InvalidOperationException("Sample tenants failed: " + samples.Error);
        }

        if (string.IsNullOrEmpty(setup.AdminPassword))
        {
            // Printed once, to the console only: never logged to files, never stored in clear.
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine($" Administrator: {setup.AdminUserName}   password (shown once): {password}");
            Console.WriteLine(" The same account administers the sample PD sites.");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }
        logger.LogInformation("First-run setup finished");
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 14);
        return new string(chars) + "-9a";
    }
}
