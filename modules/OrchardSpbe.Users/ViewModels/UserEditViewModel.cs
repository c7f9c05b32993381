using System.ComponentModel.DataAnnotations;

namespace OrchardSpbe.Users.ViewModels;

public sealed class UserEditViewModel
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "Nama pengguna wajib diisi.")]
    [StringLength(64, ErrorMessage = "Nama pengguna paling banyak 64 karakter.")]
    [Display(Name = "Nama pengguna")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Alamat email wajib diisi.")]
    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [StringLength(200, ErrorMessage = "Nama lengkap paling banyak 200 karakter.")]
    [Display(Name = "Nama lengkap")]
    public string? DisplayName { get; set; }

    [DataType(DataType.Password)]
    [Display(Name = "Kata sandi")]
    public string? Password { get; set; }

    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Konfirmasi kata sandi tidak sama.")]
    [Display(Name = "Ulangi kata sandi")]
    public string? ConfirmPassword { get; set; }

    [Display(Name = "Aktif")]
    public bool IsEnabled { get; set; } = true;

    public List<string> Roles { get; set; } = [];
    public IReadOnlyList<string> AvailableRoles { get; set; } = [];

    /// <summary>The stamp the form was read with; a save against a newer one is refused.</summary>
    public string? ConcurrencyStamp { get; set; }
}
