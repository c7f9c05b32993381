using System.ComponentModel.DataAnnotations;

namespace OrchardSpbe.Users.ViewModels;

public sealed class LoginViewModel
{
    [Required(ErrorMessage = "Nama pengguna wajib diisi.")]
    [Display(Name = "Nama pengguna atau email")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Kata sandi wajib diisi.")]
    [DataType(DataType.Password)]
    [Display(Name = "Kata sandi")]
    public string Password { get; set; } = "";

    [Display(Name = "Ingat saya")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
