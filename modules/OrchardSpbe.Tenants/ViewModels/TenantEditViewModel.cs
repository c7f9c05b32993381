using System.ComponentModel.DataAnnotations;

namespace OrchardSpbe.Tenants.ViewModels;

/// <summary>The tenant form: creating asks for the technical name, recipe and first administrator too.</summary>
public sealed class TenantEditViewModel
{
    public bool IsNew { get; set; }

    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Nama tampilan wajib diisi.")]
    public string DisplayName { get; set; } = "";

    public string? Category { get; set; }

    /// <summary>One host name per line.</summary>
    public string? Hosts { get; set; }

    public string? UrlPrefix { get; set; }
    public string RecipeName { get; set; } = "pd-site";
    public string? AdminUserName { get; set; } = "admin";
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string? ContactAddress { get; set; }
    public string? ContactPhone { get; set; }

    public IReadOnlyList<OrchardSpbe.Recipes.RecipeInfo> Recipes { get; set; } = [];

    public IReadOnlyList<string> HostList() =>
        (Hosts ?? "").Split(['\n', '\r', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
