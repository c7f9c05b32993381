namespace OrchardSpbe.Security;

/// <summary>A right a module declares; administrators grant it to roles per tenant.</summary>
public sealed record Permission(string Name, string Description, string FeatureId)
{
    /// <summary>Roles that get it in a new tenant, unless its recipe says otherwise.</summary>
    public IReadOnlyList<string> DefaultRoles { get; init; } = [];
}

/// <summary>The roles every tenant has (regulation-neutral names, shown translated in the UI).</summary>
public static class StandardRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Reviewer = "Reviewer";
    public const string Contributor = "Contributor";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Author, Reviewer, Contributor];

    /// <summary>How the UI names the standard roles (Indonesian keys; the English catalogue keeps the English names).</summary>
    private static readonly Dictionary<string, (string Name, string Description)> Shown = new(StringComparer.OrdinalIgnoreCase)
    {
        [Administrator] = ("Administrator situs", "Mengelola pengguna, peran, fitur dan pengaturan situs; boleh menerbitkan tanpa persetujuan."),
        [Editor] = ("Penyunting", "Menyunting dan menerbitkan semua konten situs."),
        [Author] = ("Penulis konten", "Menulis konten sendiri dan mengajukannya untuk ditinjau."),
        [Reviewer] = ("Peninjau (kepala perangkat daerah)", "Menyetujui konten yang diajukan atau mengembalikannya dengan catatan."),
        [Contributor] = ("Kontributor", "Menulis draf konten sendiri; tidak dapat menerbitkan atau mengajukan."),
    };

    /// <summary>The localisation key of a role's display name (a role an administrator made keeps its own name).</summary>
    public static string DisplayNameOf(string role) => Shown.TryGetValue(role, out var shown) ? shown.Name : role;

    /// <summary>The localisation key of a standard role's one-line description (null for other roles).</summary>
    public static string? DescriptionOf(string role) => Shown.TryGetValue(role, out var shown) ? shown.Description : null;
}

/// <summary>Every permission declared by the modules in the process.</summary>
public sealed class PermissionCatalog(IEnumerable<Permission> permissions)
{
    public IReadOnlyList<Permission> All { get; } = permissions.DistinctBy(p => p.Name).ToList();
    public Permission? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}

/// <summary>Where the granted permissions of a tenant's roles come from (the Users module's role store).</summary>
public interface IRolePermissionSource
{
    Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> LoadAsync();
}
