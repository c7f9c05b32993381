using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Recipes;
using OrchardSpbe.Signals;

namespace OrchardSpbe.Tenants;

/// <summary>
/// Creates, edits, disables, enables and deletes tenants. Creation is all or nothing: the record,
/// the store and the recipe either all land, or the store is dropped and the record removed.
/// </summary>
public sealed partial class TenantManager(
    TenantStore store,
    TenantRegistry registry,
    IDatabaseProvider database,
    RecipeExecutor recipes,
    RecipeCatalog recipeCatalog,
    IChangeBus changes,
    HostNames hostNames,
    AppDataFolder appData,
    Catalog.PortalCatalog catalog,
    TenantMigrations migrations,
    IStringLocalizer<Strings> T,
    ILogger<TenantManager> logger)
{
    private static readonly HashSet<string> ReservedNames = ["admin", "api", "www", "host", "health", "media", "themes"];

    public async Task<TenantResult> CreateAsync(CreateTenantRequest request, bool allowDefault = false)
    {
        var errors = new Dictionary<string, string>();
        var name = request.Name.Trim().ToLowerInvariant();
        if (!TenantName().IsMatch(name) || (ReservedNames.Contains(name)) || (name == TenantRecord.DefaultName && !allowDefault))
            errors["Name"] = T["Nama teknis harus 2–40 karakter: huruf kecil, angka dan tanda hubung, diawali huruf, dan bukan nama yang dicadangkan."];
        else if (registry.Find(name) is not null || await store.FindAsync(name) is not null)
            errors["Name"] = T["Nama teknis '{0}' sudah dipakai tenant lain.", name];
        ValidateDetails(request.DisplayName, request.Category, request.Hosts, request.UrlPrefix, exceptTenant: null, errors, out var hosts, out var prefix);
        if (!recipeCatalog.Exists(request.RecipeName)) errors["RecipeName"] = T["Resep '{0}' tidak ditemukan.", request.RecipeName];
        if (string.IsNullOrWhiteSpace(request.AdminUserName)) errors["AdminUserName"] = T["Nama pengguna administrator wajib diisi."];
        if (!EmailAddress().IsMatch(request.AdminEmail.Trim())) errors["AdminEmail"] = T["Alamat email administrator tidak valid."];
        if (string.IsNullOrEmpty(request.AdminPassword)) errors["AdminPassword"] = T["Kata sandi administrator wajib diisi."];
        if (request.ContactAddress?.Trim().Length > 500) errors["ContactAddress"] = T["Alamat paling banyak 500 karakter."];
        if (!string.IsNullOrWhiteSpace(request.ContactPhone) && !PhoneNumber().IsMatch(request.ContactPhone.Trim()))
            errors["ContactPhone"] = T["Nomor telepon hanya boleh berisi angka, spasi, +, - dan tanda kurung."];
        if (errors.Count > 0) return TenantResult.Fail(errors);

        var now = DateTimeOffset.UtcNow;
        var record = new TenantRecord
        {
            Name = name,
            DisplayName = request.DisplayName.Trim(),
            Category = string.IsNullOrWhiteSpace(request.Category) ? null : request.Category.Trim(),
            Hosts = hosts,
            UrlPrefix = prefix,
            State = TenantState.Initializing,
            DatabaseProvider = database.Name.ToString(),
            DatabaseLocation = database.LocationForTenant(name),
            RecipeName = request.RecipeName,
            CreatedUtc = now,
            ModifiedUtc = now,
        };
        try
        {
            await store.InsertAsync(record);
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            // Another node (or a double click) took the name, a host or the prefix first.
            return TenantResult.Fail("Hosts", T["Nama teknis, nama host atau prefiks URL sudah dipakai tenant lain."]);
        }

        var setup = await SetUpStoreAsync(record, request);
        if (!setup.Succeeded)
        {
            await RemoveEverywhereAsync(record);
            // A password the policy refuses is the form's fault, not the recipe's: show it by the field.
            var field = setup.Field?.EndsWith(".password", StringComparison.Ordinal) == true ? "AdminPassword" : "Recipe";
            return TenantResult.Fail(field, setup.Error!);
        }
        var running = record with { State = TenantState.Running, ModifiedUtc = DateTimeOffset.UtcNow };
        await store.UpdateAsync(running);
        // The recipe ran every step of the framework and of the features it enabled: the store is at the code's schema.
        await migrations.MarkCurrentAsync(running);
        await changes.PublishAsync(new HostChange(HostChangeKind.TenantChanged, name));
        logger.LogInformation("Tenant {CreatedTenant} created with recipe {Recipe}", name, request.RecipeName);
        return TenantResult.Ok(running);
    }

    public async Task<TenantResult> UpdateAsync(string name, UpdateTenantRequest request)
    {
        var existing = await store.FindAsync(name);
        if (existing is null) return TenantResult.Fail("Name", T["Tenant '{0}' tidak ditemukan.", name]);
        var errors = new Dictionary<string, string>();
        ValidateDetails(request.DisplayName, request.Category, request.Hosts, request.UrlPrefix, exceptTenant: name, errors, out var hosts, out var prefix);
        if (errors.Count > 0) return TenantResult.Fail(errors);
        var updated = existing with
        {
            DisplayName = request.DisplayName.Trim(),
            Category = string.IsNullOrWhiteSpace(request.Category) ? null : request.Category.Trim(),
            Hosts = hosts,
            UrlPrefix = prefix,
            ModifiedUtc = DateTimeOffset.UtcNow,
        };
        try
        {
            await store.UpdateAsync(updated);
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            return TenantResult.Fail("Hosts", T["Nama host atau prefiks URL sudah dipakai tenant lain."]);
        }
        await changes.PublishAsync(new HostChange(HostChangeKind.TenantChanged, name));
        return TenantResult.Ok(updated);
    }

    public Task<TenantResult> DisableAsync(string name) => SetStateAsync(name, TenantState.Disabled);

    public Task<TenantResult> EnableAsync(string name) => SetStateAsync(name, TenantState.Running);

    /// <summary>Deletes a disabled tenant with its store and files. The city portal cannot be deleted.</summary>
    public async Task<TenantResult> DeleteAsync(string name)
    {
        var existing = await store.FindAsync(name);
        if (existing is null) return TenantResult.Fail("Name", T["Tenant '{0}' tidak ditemukan.", name]);
        if (existing.IsDefault) return TenantResult.Fail("Name", T["Portal kota tidak dapat dihapus."]);
        if (existing.State == TenantState.Running)
            return TenantResult.Fail("State", T["Nonaktifkan tenant sebelum menghapusnya."]);
        await RemoveEverywhereAsync(existing);
        logger.LogInformation("Tenant {DeletedTenant} deleted", name);
        return TenantResult.Ok(existing);
    }

    private async Task<TenantResult> SetStateAsync(string name, TenantState state)
    {
        var existing = await store.FindAsync(name);
        if (existing is null) return TenantResult.Fail("Name", T["Tenant '{0}' tidak ditemukan.", name]);
        if (existing.IsDefault && state == TenantState.Disabled)
            return TenantResult.Fail("State", T["Portal kota tidak dapat dinonaktifkan."]);
        if (existing.State is TenantState.Initializing or TenantState.Uninitialized)
            return TenantResult.Fail("State", T["Tenant '{0}' belum selesai disiapkan.", name]);
        if (existing.State == state) return TenantResult.Ok(existing);
        var updated = existing with { State = state, ModifiedUtc = DateTimeOffset.UtcNow };
        await store.UpdateAsync(updated);
        await changes.PublishAsync(new HostChange(HostChangeKind.TenantChanged, name));
        return TenantResult.Ok(updated);
    }

    private async Task<RecipeResult> SetUpStoreAsync(TenantRecord record, CreateTenantRequest request)
    {
        try
        {
            await database.CreateStoreAsync(record.DatabaseLocation);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not create the store of {NewTenant}", record.Name);
            return new RecipeResult(false, T["Basis data tenant tidak dapat dibuat."]);
        }
        var parameters = new Dictionary<string, string>
        {
            ["SiteName"] = record.DisplayName,
            ["TenantName"] = record.Name,
            ["BaseDomain"] = hostNames.BaseDomain,
            ["AdminUserName"] = request.AdminUserName.Trim(),
            ["AdminEmail"] = request.AdminEmail.Trim(),
            ["AdminPassword"] = request.AdminPassword,
            ["ContactAddress"] = request.ContactAddress?.Trim() ?? "",
            ["ContactPhone"] = request.ContactPhone?.Trim() ?? "",
        };
        return await recipes.ExecuteAsync(TenantShell.ForSetup(record), request.RecipeName, parameters);
    }

    private async Task RemoveEverywhereAsync(TenantRecord record)
    {
        await store.DeleteAsync(record.Name);
        await migrations.ForgetAsync(record.Name);
        await catalog.RemoveTenantAsync(record.Name);
        await changes.PublishAsync(new HostChange(HostChangeKind.TenantChanged, record.Name));
        try
        {
            await database.DropStoreAsync(record.DatabaseLocation);
            var folder = appData.TenantFolder(record.Name);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Files of removed tenant {RemovedTenant} could not all be deleted", record.Name);
        }
    }

    private void ValidateDetails(string displayName, string? category, IReadOnlyList<string> rawHosts, string? rawPrefix, string? exceptTenant,
        Dictionary<string, string> errors, out IReadOnlyList<string> hosts, out string? prefix)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 200)
            errors["DisplayName"] = T["Nama tampilan wajib diisi (paling banyak 200 karakter)."];
        if (category is { Length: > 60 }) errors["Category"] = T["Kategori paling banyak 60 karakter."];

        var normalized = new List<string>();
        foreach (var raw in rawHosts.Where(h => !string.IsNullOrWhiteSpace(h)))
        {
            var host = hostNames.Normalize(raw);
            if (host is null) { errors["Hosts"] = T["Nama host '{0}' tidak valid.", raw.Trim()]; continue; }
            // The www. form is implied, so "www.x" and "x" are one host for uniqueness.
            var bare = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
            if (registry.IsHostTaken(bare, exceptTenant) || registry.IsHostTaken("www." + bare, exceptTenant))
                errors["Hosts"] = T["Nama host '{0}' sudah dipakai tenant lain.", host];
            if (!normalized.Contains(host)) normalized.Add(host);
        }
        hosts = normalized;

        var wantedPrefix = string.IsNullOrWhiteSpace(rawPrefix) ? null : rawPrefix.Trim().Trim('/').ToLowerInvariant();
        if (wantedPrefix is not null && (!TenantName().IsMatch(wantedPrefix) || ReservedNames.Contains(wantedPrefix)))
            errors["UrlPrefix"] = T["Prefiks URL hanya boleh huruf kecil, angka dan tanda hubung, dan bukan nama yang dicadangkan."];
        else if (wantedPrefix is not null && registry.All.Any(t => t.UrlPrefix == wantedPrefix && t.Name != exceptTenant))
            errors["UrlPrefix"] = T["Prefiks URL '{0}' sudah dipakai tenant lain.", wantedPrefix];
        prefix = wantedPrefix;

        if (normalized.Count == 0 && wantedPrefix is null && !errors.ContainsKey("Hosts"))
            errors["Hosts"] = T["Isi paling sedikit satu nama host atau prefiks URL."];
    }

    /// <summary>A name a new tenant may take: the alphabet, not reserved, not the portal's.</summary>
    public static bool IsValidNewName(string name) => TenantName().IsMatch(name) && !ReservedNames.Contains(name) && name != TenantRecord.DefaultName;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$")]
    private static partial Regex TenantName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();

    // The same rule as the site settings' telephone field.
    [GeneratedRegex(@"^[0-9+()\-\s]{5,30}$")]
    private static partial Regex PhoneNumber();
}
