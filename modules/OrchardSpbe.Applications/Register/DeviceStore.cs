using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Applications.Register;

/// <summary>
/// The PD's network devices (001 Pasal 9(1)). A range overlapping another of the PD's devices is refused here at once;
/// one overlapping another PD's is refused by the portal, which holds the city's register (9(3)).
/// </summary>
public sealed class DeviceStore(TenantSession session, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public async Task<IReadOnlyList<DeviceRecord>> ListAsync() =>
        (await session.QueryAsync<DeviceRecord>("SELECT * FROM app_devices ORDER BY location, vendor, model")).ToList();

    public async Task<DeviceRecord?> FindAsync(string id) =>
        await session.QuerySingleOrDefaultAsync<DeviceRecord>("SELECT * FROM app_devices WHERE id = @id", new { id });

    public async Task<(string? Id, Dictionary<string, string> Errors)> SaveAsync(string? id, DeviceInput input, bool securityLevelPosted, string? userName)
    {
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var existing = id is null ? null : await FindAsync(id);
        if (id is not null && existing is null) return (null, new() { ["id"] = T["Perangkat tidak ditemukan."] });
        if (securityLevelPosted) errors["SecurityLevel"] = T["Tingkat keamanan hanya ditetapkan oleh Diskominfostandi (Perwal 001 Pasal 9 ayat 2)."];
        if (existing?.State == RegistrationStates.Waiting) errors["id"] = T["Perangkat sedang ditinjau Diskominfostandi; tunggu keputusannya sebelum mengubahnya."];
        if (!ApplicationTerms.IsOneOf(ApplicationTerms.DeviceTypes, input.DeviceType)) errors["DeviceType"] = T["Pilih jenis perangkat."];
        var vendor = (input.Vendor ?? "").Trim();
        if (vendor.Length is 0 or > 100) errors["Vendor"] = T["Tulis vendor perangkat (paling banyak 100 karakter)."];
        var model = (input.Model ?? "").Trim();
        if (model.Length is 0 or > 100) errors["Model"] = T["Tulis model perangkat (paling banyak 100 karakter)."];
        var location = (input.Location ?? "").Trim();
        if (location.Length is 0 or > 200) errors["Location"] = T["Tulis lokasi perangkat (paling banyak 200 karakter)."];
        if (!ApplicationTerms.IsOneOf(ApplicationTerms.DeviceStatuses, input.Status)) errors["Status"] = T["Pilih status perangkat."];
        var (ranges, bad) = IpRange.ParseList(input.IpRanges);
        var record = existing ?? new DeviceRecord { Id = Guid.NewGuid().ToString("N")[..16] };
        if (bad is not null) errors["IpRanges"] = T["{0} bukan rentang IPv4 dalam notasi CIDR (mis. 10.20.0.0/24).", bad];
        else if (ranges.Count is 0 or > 32) errors["IpRanges"] = T["Tulis satu sampai 32 rentang IP yang ditetapkan Diskominfostandi (Perwal 001 Pasal 9 ayat 3)."];
        else if (ranges.SelectMany((a, i) => ranges.Skip(i + 1).Where(b => a.Overlaps(b)).Select(b => (a, b))).FirstOrDefault() is { a.Cidr: not null } twice)
            errors["IpRanges"] = T["Rentang IP {0} tumpang tindih dengan {1}.", twice.a.Cidr, twice.b.Cidr];
        else
            foreach (var range in ranges)
            {
                var clash = await session.QuerySingleOrDefaultAsync<string>(
                    "SELECT cidr FROM app_device_ranges WHERE device_id <> @id AND ip_start <= @end AND @start <= ip_end LIMIT 1",
                    new { id = record.Id, start = range.Start, end = range.End });
                if (clash is null) continue;
                errors["IpRanges"] = T["Rentang IP {0} tumpang tindih dengan rentang {1} milik perangkat lain.", range.Cidr, clash];
                break;
            }
        if (errors.Count > 0) return (null, errors);

        var values = new
        {
            id = record.Id, type = input.DeviceType, vendor, model, location, ranges = string.Join("\n", ranges.Select(r => r.Cidr)), status = input.Status,
            // A registered device whose ranges change is reviewed again; a refused one (its range overlapped), corrected, is a draft again.
            state = record.State switch
            {
                RegistrationStates.Registered when record.IpRanges != string.Join("\n", ranges.Select(r => r.Cidr)) => RegistrationStates.Changed,
                RegistrationStates.Refused => RegistrationStates.Draft,
                _ => record.State,
            },
            userName, now = UnixTime.Ms(clock.GetUtcNow()),
        };
        await using var transaction = await session.BeginTransactionAsync();
        if (existing is null)
            await session.ExecuteAsync("""
                INSERT INTO app_devices (id, device_type, vendor, model, location, ip_ranges, status, state, modified_by, modified_utc)
                VALUES (@id, @type, @vendor, @model, @location, @ranges, @status, @state, @userName, @now)
                """, values);
        else
            await session.ExecuteAsync("""
                UPDATE app_devices SET device_type = @type, vendor = @vendor, model = @model, location = @location, ip_ranges = @ranges,
                    status = @status, state = @state, modified_by = @userName, modified_utc = @now WHERE id = @id
                """, values);
        await session.ExecuteAsync("DELETE FROM app_device_ranges WHERE device_id = @id", new { id = record.Id });
        foreach (var range in ranges)
            await session.ExecuteAsync("INSERT INTO app_device_ranges (device_id, cidr, ip_start, ip_end) VALUES (@id, @cidr, @start, @end)",
                new { id = record.Id, cidr = range.Cidr, start = range.Start, end = range.End });
        await audit.RecordAsync(existing is null ? "device.created" : "device.updated", record.Id, $"{vendor} {model}, {location}: {values.ranges}", userName);
        await transaction.CommitAsync();
        return (record.Id, errors);
    }
}
