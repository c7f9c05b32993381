using OrchardSpbe.Security;

namespace OrchardSpbe.Contents;

public static class Permissions
{
    public static readonly Permission EditOwnContent = new("EditOwnContent", "Menulis dan menyunting konten sendiri", Manifest.FeatureId);
    public static readonly Permission EditContent = new("EditContent", "Menyunting semua konten", Manifest.FeatureId);
    public static readonly Permission PublishOwnContent = new("PublishOwnContent", "Menerbitkan konten sendiri", Manifest.FeatureId);
    public static readonly Permission PublishContent = new("PublishContent", "Menerbitkan dan menarik semua konten", Manifest.FeatureId);
    /// <summary>Publishes a type that goes through review without the approval; the act is recorded.</summary>
    public static readonly Permission ForcePublishContent = new("ForcePublishContent", "Menerbitkan tanpa persetujuan (tercatat)", Manifest.FeatureId);
    public static readonly Permission DeleteOwnContent = new("DeleteOwnContent", "Menghapus konten sendiri", Manifest.FeatureId);
    public static readonly Permission DeleteContent = new("DeleteContent", "Menghapus semua konten", Manifest.FeatureId);
    public static readonly Permission ManageContentTypes = new("ManageContentTypes", "Mengelola tipe konten dan isiannya", Manifest.FeatureId);

    public static readonly Permission[] All = [EditOwnContent, EditContent, PublishOwnContent, PublishContent, ForcePublishContent, DeleteOwnContent, DeleteContent, ManageContentTypes];
}
