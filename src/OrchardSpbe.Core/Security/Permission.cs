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
