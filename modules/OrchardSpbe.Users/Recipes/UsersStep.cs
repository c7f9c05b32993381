using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;
using OrchardSpbe.Recipes;
using OrchardSpbe.Users.Models;

namespace OrchardSpbe.Users.Recipes;

/// <summary>{ "name": "users", "users": [ { "userName", "email", "password", "displayName", "roles": [] } ] }</summary>
public sealed class UsersStep(IStringLocalizer<Strings> T) : IRecipeStep
{
    public string Name => "users";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var users = context.Services.GetRequiredService<UserManager<SpbeUser>>();
        var roles = context.Services.GetRequiredService<RoleManager<SpbeRole>>();
        var entries = context.RequiredArray("users", T["Daftar 'users' wajib diisi."]);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"users[{i}]";
            if (entries[i] is not JsonObject entry) throw context.Fail(field, T["Setiap pengguna harus berupa objek."]);
            var user = new SpbeUser
            {
                UserName = context.RequiredString(entry, "userName", T["Nama pengguna wajib diisi."], field),
                Email = context.RequiredString(entry, "email", T["Alamat email wajib diisi."], field),
                DisplayName = (string?)entry["displayName"] ?? "",
            };
            var password = context.RequiredString(entry, "password", T["Kata sandi wajib diisi."], field);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                var failedField = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password"
                    : created.Errors.Any(e => e.Code.Contains("Email", StringComparison.Ordinal)) ? "email" : "userName";
                throw context.Fail($"{field}.{failedField}", string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            var wanted = (entry["roles"] as JsonArray)?.Select(n => (string?)n).OfType<string>().ToList() ?? [];
            foreach (var role in wanted)
            {
                if (!await roles.RoleExistsAsync(role)) throw context.Fail(field + ".roles", T["Peran '{0}' tidak ada.", role]);
            }
            if (wanted.Count > 0) await users.AddToRolesAsync(user, wanted);
        }
    }
}
