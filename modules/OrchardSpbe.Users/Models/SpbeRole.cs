namespace OrchardSpbe.Users.Models;

/// <summary>A role in one tenant; its permissions are stored as role claims of type "Permission".</summary>
public sealed class SpbeRole
{
    public const string PermissionClaim = "Permission";

    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string Name { get; set; } = "";
    public string NormalizedName { get; set; } = "";
    public string Description { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
