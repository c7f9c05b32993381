using System.ComponentModel.DataAnnotations;
using OrchardSpbe.Menus.Services;

namespace OrchardSpbe.Menus.ViewModels;

public sealed class MenuItemViewModel
{
    [Required(ErrorMessage = "Teks menu wajib diisi.")]
    [StringLength(MenuUrl.MaxTextLength, ErrorMessage = "Teks menu paling banyak 60 karakter.")]
    public string Text { get; set; } = "";

    [Required(ErrorMessage = "Alamat tautan wajib diisi.")]
    [StringLength(MenuUrl.MaxLength, ErrorMessage = "Alamat tautan paling banyak 500 karakter.")]
    public string Url { get; set; } = "";

    /// <summary>A top-level entry's id to nest under, or empty for the top level.</summary>
    public string? ParentId { get; set; }

    public int Version { get; set; }

    // Shown, not posted.
    public string? Id { get; set; }
    public bool HasChildren { get; set; }
    public IReadOnlyList<(string Id, string Text)> Parents { get; set; } = [];
}
