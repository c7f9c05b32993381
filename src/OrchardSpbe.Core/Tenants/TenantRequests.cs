namespace OrchardSpbe.Tenants;

/// <summary>What a Diskominfostandi administrator fills in to create a PD site.</summary>
public sealed record CreateTenantRequest
{
    public string Name { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? Category { get; init; }
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public string? UrlPrefix { get; init; }
    public string RecipeName { get; init; } = "pd-site";
    public string AdminUserName { get; init; } = "";
    public string AdminEmail { get; init; } = "";
    public string AdminPassword { get; init; } = "";

    /// <summary>The PD's office address and telephone, shown on its site's home and footer (optional).</summary>
    public string? ContactAddress { get; init; }
    public string? ContactPhone { get; init; }
}

public sealed record UpdateTenantRequest
{
    public string DisplayName { get; init; } = "";
    public string? Category { get; init; }
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public string? UrlPrefix { get; init; }
}

/// <summary>Success, or the errors per field (Indonesian or English, per the UI culture).</summary>
public sealed record TenantResult(TenantRecord? Tenant, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static TenantResult Ok(TenantRecord tenant) => new(tenant, new Dictionary<string, string>());
    public static TenantResult Fail(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
    public static TenantResult Fail(IReadOnlyDictionary<string, string> errors) => new(null, errors);
}
