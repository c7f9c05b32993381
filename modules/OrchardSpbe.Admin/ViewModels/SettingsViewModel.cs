using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Admin.ViewModels;

public sealed class SettingsViewModel
{
    [Required(ErrorMessage = "Nama situs wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama situs paling banyak 200 karakter.")]
    public string SiteName { get; set; } = "";

    [StringLength(300, ErrorMessage = "Slogan paling banyak 300 karakter.")]
    public string? Tagline { get; set; }

    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    public string? Email { get; set; }

    [RegularExpression(@"^[0-9+()\-\s]{5,30}$", ErrorMessage = "Nomor telepon hanya boleh berisi angka, spasi, +, - dan tanda kurung.")]
    public string? Phone { get; set; }

    [StringLength(500, ErrorMessage = "Alamat paling banyak 500 karakter.")]
    public string? Address { get; set; }

    [Url(ErrorMessage = "Alamat Facebook harus berupa URL lengkap (https://…).")]
    public string? Facebook { get; set; }

    [Url(ErrorMessage = "Alamat Instagram harus berupa URL lengkap (https://…).")]
    public string? Instagram { get; set; }

    [Url(ErrorMessage = "Alamat X harus berupa URL lengkap (https://…).")]
    public string? X { get; set; }

    [Url(ErrorMessage = "Alamat YouTube harus berupa URL lengkap (https://…).")]
    public string? YouTube { get; set; }

    [Required(ErrorMessage = "Warna utama wajib diisi.")]
    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Warna utama harus berformat #rrggbb.")]
    public string PrimaryColor { get; set; } = "#0b5394";

    public IFormFile? Logo { get; set; }
    public bool RemoveLogo { get; set; }
    public string? CurrentLogo { get; set; }
    public int Version { get; set; }
}
