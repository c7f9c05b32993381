using System.Security.Claims;
using OrchardSpbe.Security;

namespace OrchardSpbe.Datasets.Sharing;

/// <summary>Who presents a data-sharing token: the requesting PD, for one dataset, with no role and no other right.</summary>
public static class ShareClaims
{
    private const string DatasetClaim = "spbe:data-share:dataset";
    private const string RequesterClaim = "spbe:data-share:pd";
    private const string RequestClaim = "spbe:data-share:request";

    public static ClaimsPrincipal Principal(string datasetId, string requester, string requestId, string tenant) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"{requester} (permintaan {requestId[..8]})"), new Claim(PermissionHandler.TenantClaim, tenant),
            new Claim(DatasetClaim, datasetId), new Claim(RequesterClaim, requester), new Claim(RequestClaim, requestId),
        ], "DataShare"));

    public static string? GrantedDataset(ClaimsPrincipal user) => user.FindFirst(DatasetClaim)?.Value;

    public static string? Requester(ClaimsPrincipal user) => user.FindFirst(RequesterClaim)?.Value;
}
