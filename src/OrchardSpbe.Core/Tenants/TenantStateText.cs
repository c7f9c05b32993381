namespace OrchardSpbe.Tenants;

/// <summary>A tenant state as the UI says it (a localisation key).</summary>
public static class TenantStateText
{
    public static string Of(TenantState state) => state switch
    {
        TenantState.Running => "Berjalan",
        TenantState.Disabled => "Nonaktif",
        TenantState.Initializing => "Sedang disiapkan",
        _ => "Belum disiapkan",
    };
}
