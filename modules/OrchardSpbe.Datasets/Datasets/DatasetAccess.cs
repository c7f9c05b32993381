using System.Security.Claims;
using OrchardSpbe.Audit;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>
/// The one place classification is decided (003 Pasal 15(4)): a <i>terbuka</i> dataset is everyone's; a
/// <i>terbatas</i> or <i>dikecualikan</i> one only the walidata's data officers' (ManageDatasets on its own PD).
/// Every access to a non-public dataset or resource is written to the PD's audit log. Pages, search, the CKAN API,
/// the DataStore, downloads, DCAT and the sitemap all ask here (or read <see cref="DatasetCatalog.PublicAsync"/>,
/// which holds public datasets only).
/// </summary>
public sealed class DatasetAccess(PermissionHandler permissions, AuditLog audit, TenantContext tenant)
{
    public async Task<bool> CanReadAsync(DatasetRecord dataset, ClaimsPrincipal user, string what)
    {
        if (dataset.IsPublic) return true;
        // A PD granted this restricted dataset on its request (never an excluded one); every use is in the walidata's audit log.
        if (dataset.Part.Classification == Classifications.Terbatas && Sharing.ShareClaims.GrantedDataset(user) == dataset.Id)
        {
            await audit.RecordAsync("dataset.shared-access", dataset.Id, $"{Sharing.ShareClaims.Requester(user)}: {what}", user.Identity?.Name);
            return true;
        }
        if (dataset.Organization != tenant.Name || !await permissions.HasPermissionAsync(user, Permissions.ManageDatasets.Name)) return false;
        await audit.RecordAsync("dataset.access", dataset.Id, $"{dataset.Part.Classification}: {what}", user.Identity?.Name);
        return true;
    }

    public Task<bool> CanManageAsync(ClaimsPrincipal user) => permissions.HasPermissionAsync(user, Permissions.ManageDatasets.Name);
}
