using System.ComponentModel.DataAnnotations;
using OrchardSpbe.Security;

namespace OrchardSpbe.Users.ViewModels;

public sealed class RoleEditViewModel
{
    [Required(ErrorMessage = "Nama peran wajib diisi.")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9 _-]{1,49}$", ErrorMessage = "Nama peran 2–50 karakter: huruf, angka, spasi, tanda hubung.")]
    [Display(Name = "Nama peran")]
    public string Name { get; set; } = "";

    [StringLength(300, ErrorMessage = "Keterangan paling banyak 300 karakter.")]
    [Display(Name = "Keterangan")]
    public string? Description { get; set; }

    public List<string> Permissions { get; set; } = [];
    public string? ConcurrencyStamp { get; set; }
    public bool IsNew { get; set; }

    /// <summary>The permissions of the tenant's enabled features, grouped by feature name.</summary>
    public IReadOnlyList<IGrouping<string, Permission>> AvailablePermissions { get; set; } = [];
}
