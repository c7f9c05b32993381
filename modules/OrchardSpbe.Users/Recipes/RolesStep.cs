using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Recipes;
using OrchardSpbe.Security;
using OrchardSpbe.Users.Models;
using OrchardSpbe.Users.Services;

namespace OrchardSpbe.Users.Recipes;

/// <summary>{ "name": "roles", "roles": [ { "name": "Editor", "description": "…", "permissions": ["…"] } ] }</summary>
public sealed class RolesStep(PermissionCatalog permissions, IStringLocalizer<Strings> T) : IRecipeStep
{
    public string Name => "roles";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var roles = context.Services.GetRequiredService<RoleManager<SpbeRole>>();
        var store = context.Services.GetRequiredService<RoleStore>();
        var entries = context.RequiredArray("roles", T["Daftar 'roles' wajib diisi."]);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"roles[{i}]";
            if (entries[i] is not JsonObject entry) throw context.Fail(field, T["Setiap peran harus berupa objek."]);
            var name = context.RequiredString(entry, "name", T["Nama peran wajib diisi."], field);
            var granted = new List<string>();
            if (entry["permissions"] is JsonArray list)
            {
                foreach (var item in list)
                {
                    var permission = item is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                    if (permission is null || permissions.Find(permission) is null)
                        throw context.Fail(field + ".permissions", T["Izin '{0}' tidak dikenal.", permission ?? "?"]);
                    granted.Add(permission);
                }
            }

            var role = await roles.FindByNameAsync(name);
            if (role is null)
            {
                role = new SpbeRole { Name = name, Description = (string?)entry["description"] ?? "" };
                var created = await roles.CreateAsync(role);
                if (!created.Succeeded) throw context.Fail(field + ".name", string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            await store.SetPermissionsAsync(role, granted);
        }
    }
}
