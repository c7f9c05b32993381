using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Documents;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Register;

/// <summary>
/// The PD's applications: the rules of 001 Pasal 7–9, 13–16 and 002 Pasal 13 checked on every save, each refusal a
/// message on its field with nothing written; a registered application whose class, hosting or lifecycle changes goes
/// back to review (it keeps its registration number). Every change is audited.
/// </summary>
public sealed partial class ApplicationStore(
    TenantSession session, TenantRegistry registry, TenantContext tenant, IServiceProvider services, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    private const string Columns = "*";

    public async Task<IReadOnlyList<ApplicationRecord>> ListAsync() =>
        (await session.QueryAsync<ApplicationRecord>($"SELECT {Columns} FROM app_applications ORDER BY name")).ToList();

    public async Task<ApplicationRecord?> FindAsync(string id) =>
        await session.QuerySingleOrDefaultAsync<ApplicationRecord>($"SELECT {Columns} FROM app_applications WHERE id = @id", new { id });

    public async Task<bool> IsMandiriAsync() =>
        await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM app_mandiri WHERE state = 'ditetapkan'") > 0;

    /// <summary>Creates (id null) or updates; returns the id, or the refusals by field.</summary>
    public async Task<(string? Id, Dictionary<string, string> Errors)> SaveAsync(string? id, ApplicationInput input, bool securityLevelPosted, string? userName)
    {
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var existing = id is null ? null : await FindAsync(id);
        if (id is not null && existing is null) return (null, new() { ["id"] = T["Aplikasi tidak ditemukan."] });
        // 001 Pasal 9(2): the security level is Diskominfostandi's to set, never the PD's.
        if (securityLevelPosted) errors["SecurityLevel"] = T["Tingkat keamanan hanya ditetapkan oleh Diskominfostandi (Perwal 001 Pasal 9 ayat 2)."];
        if (existing?.State == RegistrationStates.Waiting) errors["id"] = T["Aplikasi sedang ditinjau Diskominfostandi; tunggu keputusannya sebelum mengubahnya."];

        var record = existing ?? new ApplicationRecord { Id = Guid.NewGuid().ToString("N")[..16] };
        var name = Clean(input.Name);
        if (name.Length is 0 or > 200) errors["Name"] = T["Nama aplikasi wajib diisi (paling banyak 200 karakter)."];
        var description = Clean(input.Description);
        if (description.Length is 0 or > 4000) errors["Description"] = T["Deskripsi wajib diisi (paling banyak 4.000 karakter)."];
        var others = input.Users.Select(u => u.Trim()).Where(u => u.Length > 0 && u != tenant.Name).Distinct().ToList();
        if (others.Any(u => registry.Find(u) is not { IsDefault: false })) errors["Users"] = T["Pilih perangkat daerah pengguna dari daftar."];
        if (!ApplicationTerms.IsOneOf(ApplicationTerms.Classes, input.AppClass)) errors["AppClass"] = T["Pilih kelas aplikasi."];
        if (!ApplicationTerms.IsOneOf(ApplicationTerms.Builders, input.Builder)) errors["Builder"] = T["Pilih pembangun aplikasi."];
        var contract = NullIfEmpty(input.Contract);
        if (input.Builder == ApplicationTerms.ThirdParty && contract is null) errors["Contract"] = T["Pembangunan oleh pihak ketiga memerlukan nomor kontrak."];
        // 002 Pasal 13(4)c: an aplikasi khusus is built by a PD Mandiri TIK — and only a designated PD is one (Pasal 18).
        if (input.AppClass == ApplicationTerms.Khusus && input.Builder != ApplicationTerms.PdMandiri)
            errors["Builder"] = T["Aplikasi khusus hanya dapat dibangun oleh PD Mandiri TIK (Perwal 002 Pasal 13 ayat 4 huruf c)."];
        else if (input.Builder == ApplicationTerms.PdMandiri && !await IsMandiriAsync())
            errors["Builder"] = T["Perangkat daerah ini belum ditetapkan sebagai PD Mandiri TIK; ajukan penetapannya lebih dulu (Perwal 002 Pasal 18)."];
        if (!ApplicationTerms.IsOneOf(ApplicationTerms.Lifecycles, input.Lifecycle)) errors["Lifecycle"] = T["Pilih tahap siklus hidup."];
        var url = Clean(input.Url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || url.Length > 500)
            errors["Url"] = T["Tulis alamat aplikasi lengkap, mis. https://sehat.bekasikota.go.id."];
        else if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM app_applications WHERE url_key = @key AND id <> @id",
                     new { key = ApplicationRecord.UrlKeyOf(url), id = record.Id }) > 0)
            errors["Url"] = T["Alamat {0} sudah dipakai aplikasi lain yang terdaftar di perangkat daerah ini.", url];
        if (!ApplicationTerms.IsOneOf(ApplicationTerms.Hostings, input.Hosting)) errors["Hosting"] = T["Pilih tempat hosting."];
        var cloudProvider = NullIfEmpty(input.CloudProvider);
        var cloudApproval = NullIfEmpty(input.CloudApproval);
        if (input.Hosting == ApplicationTerms.Cloud)
        {
            // 001 Pasal 8: cloud only in Indonesia, only with Diskominfostandi's technical approval.
            if (cloudApproval is null) errors["CloudApproval"] = T["Hosting cloud memerlukan nomor persetujuan teknis Diskominfostandi (Perwal 001 Pasal 8)."];
            if (cloudProvider is null) errors["CloudProvider"] = T["Tulis penyedia cloud dan lokasi pusat datanya di Indonesia."];
        }
        else
        {
            cloudProvider = cloudApproval = null;
        }
        var stack = Clean(input.Stack);
        if (stack.Length is 0 or > 500) errors["Stack"] = T["Tulis teknologi yang dipakai (paling banyak 500 karakter)."];
        var licence = Clean(input.Licence);
        if (licence.Length is 0 or > 200) errors["Licence"] = T["Tulis lisensinya: perangkat lunak legal atau sumber terbuka (Perwal 001 Pasal 7 ayat 3)."];
        var repository = NullIfEmpty(input.Repository);
        if (repository is { Length: > 500 }) errors["Repository"] = T["Paling banyak 500 karakter."];
        var provided = Lines(input.ApisProvided);
        if (provided.Length > 4000) errors["ApisProvided"] = T["Paling banyak 4.000 karakter."];
        var consumed = Lines(input.ApisConsumed);
        if (consumed.Length > 4000 || ApplicationRecord.Consumed(consumed).Any(c => !RegistrationNumber().IsMatch(c.Number) || c.Api.Length == 0))
            errors["ApisConsumed"] = T["Tulis setiap API yang dipakai pada satu baris: nomor registrasi aplikasi penyedia (SPBE-APL-…), spasi, nama API."];
        var datasets = Lines(input.Datasets);
        if (datasets.Length > 0)
        {
            var names = datasets.Split('\n').Distinct().ToList();
            var found = (await DatasetLinksAsync(names)).Select(l => l.Name).ToHashSet();
            if (names.FirstOrDefault(n => !found.Contains(n)) is { } unknown)
                errors["Datasets"] = T["Dataset {0} tidak ditemukan di antara dataset terbuka yang diterbitkan perangkat daerah ini.", unknown];
            datasets = string.Join("\n", names);
        }
        // Issue 14: the programmers assigned, picked from the Tim Programmer members placed here; kept as they were where that feature is off.
        var programmers = record.Programmers;
        if (await PlacedProgrammersAsync() is { } placed)
        {
            var picked = input.Programmers.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
            if (picked.Any(p => placed.All(m => m.Id != p))) errors["Programmers"] = T["Pilih programmer dari anggota Tim Programmer yang ditempatkan di perangkat daerah ini."];
            programmers = string.Join("\n", picked);
        }
        // 001 Pasal 14(7): an application in production has its backup and restore procedure.
        if (input.Lifecycle == ApplicationTerms.Production && !errors.ContainsKey("Lifecycle")
            && await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM app_documents WHERE application_id = @id AND kind = 'backup-restore'", new { id = record.Id }) == 0)
            errors["Lifecycle"] = T["Tahap produksi memerlukan prosedur backup dan restore (Perwal 001 Pasal 14 ayat 7): unggah dokumennya lebih dulu."];
        if (errors.Count > 0) return (null, errors);

        // A registered application whose class, hosting or lifecycle changes is reviewed again (001 Pasal 9).
        var state = record.State;
        if (state == RegistrationStates.Registered
            && (record.AppClass != input.AppClass || record.Hosting != input.Hosting || record.Lifecycle != input.Lifecycle || record.CloudApproval != cloudApproval))
            state = RegistrationStates.Changed;
        // Refused (its URL already registered elsewhere): corrected, it is a draft again and may be submitted.
        if (state == RegistrationStates.Refused) state = RegistrationStates.Draft;
        var values = new
        {
            id = record.Id, name, description, users = string.Join(",", others), appClass = input.AppClass, builder = input.Builder,
            contract = input.Builder == ApplicationTerms.ThirdParty ? contract : null, lifecycle = input.Lifecycle, url, urlKey = ApplicationRecord.UrlKeyOf(url),
            hosting = input.Hosting, cloudProvider, cloudApproval, stack, licence, repository, provided, consumed, datasets, programmers, isPublic = input.IsPublic, state,
            userName, now = UnixTime.Ms(clock.GetUtcNow()),
        };
        await using var transaction = await session.BeginTransactionAsync();
        try
        {
            if (existing is null)
                await session.ExecuteAsync("""
                    INSERT INTO app_applications (id, name, description, users, app_class, builder, contract, lifecycle, url, url_key, hosting,
                        cloud_provider, cloud_approval, stack, licence, repository, apis_provided, apis_consumed, datasets, programmers, is_public, state, modified_by, modified_utc)
                    VALUES (@id, @name, @description, @users, @appClass, @builder, @contract, @lifecycle, @url, @urlKey, @hosting,
                        @cloudProvider, @cloudApproval, @stack, @licence, @repository, @provided, @consumed, @datasets, @programmers, @isPublic, @state, @userName, @now)
                    """, values);
            else
                await session.ExecuteAsync("""
                    UPDATE app_applications SET name = @name, description = @description, users = @users, app_class = @appClass, builder = @builder,
                        contract = @contract, lifecycle = @lifecycle, url = @url, url_key = @urlKey, hosting = @hosting, cloud_provider = @cloudProvider,
                        cloud_approval = @cloudApproval, stack = @stack, licence = @licence, repository = @repository, apis_provided = @provided,
                        apis_consumed = @consumed, datasets = @datasets, programmers = @programmers, is_public = @isPublic, state = @state, modified_by = @userName, modified_utc = @now
                    WHERE id = @id
                    """, values);
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            return (null, new() { ["Url"] = T["Alamat {0} sudah dipakai aplikasi lain yang terdaftar di perangkat daerah ini.", url] });
        }
        await audit.RecordAsync(existing is null ? "application.created" : "application.updated", record.Id,
            $"{name} ({input.AppClass}, {input.Lifecycle}, {input.Hosting})" + (state == RegistrationStates.Changed && existing?.State == RegistrationStates.Registered ? ": perlu ditinjau ulang" : ""), userName);
        await transaction.CommitAsync();
        return (record.Id, errors);
    }

    /// <summary>The checklist of an application: each required kind with its latest version, if any.</summary>
    public async Task<IReadOnlyList<(DocumentKind Kind, bool Required, DocumentRecord? Latest)>> ChecklistAsync(ApplicationRecord application)
    {
        var documents = await DocumentsAsync(application.Id);
        var required = DocumentKinds.Required(application.AppClass, application.Lifecycle);
        return DocumentKinds.All.Select(k => (k, required.Contains(k), documents.Where(d => d.Kind == k.Code).MaxBy(d => d.Version))).ToList();
    }

    public async Task<IReadOnlyList<DocumentRecord>> DocumentsAsync(string applicationId) =>
        (await session.QueryAsync<DocumentRecord>("SELECT * FROM app_documents WHERE application_id = @applicationId ORDER BY kind, version DESC", new { applicationId })).ToList();

    /// <summary>This PD's public datasets among the names, where the Datasets feature is on (Core's contract; nothing otherwise).</summary>
    public async Task<IReadOnlyList<DatasetLink>> DatasetLinksAsync(IReadOnlyCollection<string> names) =>
        names.Count > 0 && tenant.Shell.IsFeatureEnabled(IDatasetLinks.FeatureId) && services.GetService(typeof(IDatasetLinks)) is IDatasetLinks links
            ? await links.FindAsync(names)
            : [];

    /// <summary>The Tim Programmer members placed at this PD, where the Programmers feature is on (Core's contract); null where it is off.</summary>
    public async Task<IReadOnlyList<ProgrammerLink>?> PlacedProgrammersAsync() =>
        tenant.Shell.IsFeatureEnabled(IProgrammerDirectory.FeatureId) && services.GetService(typeof(IProgrammerDirectory)) is IProgrammerDirectory directory
            ? await directory.PlacedHereAsync()
            : null;

    /// <summary>The assigned programmers still placed here, with their names and roles, for the hand-over.</summary>
    public async Task<IReadOnlyList<ProgrammerLink>> ProgrammerLinksAsync(ApplicationRecord application) =>
        application.ProgrammerIds.Count == 0 || await PlacedProgrammersAsync() is not { } placed ? [] : placed.Where(p => application.ProgrammerIds.Contains(p.Id)).ToList();

    private static string Clean(string? text) => (text ?? "").Trim();

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Lines(string? text) =>
        string.Join("\n", (text ?? "").Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex("^SPBE-APL-[0-9]{4}-[0-9]{4,}$")]
    public static partial Regex RegistrationNumber();
}
