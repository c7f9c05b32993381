using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Users.Services;

/// <summary>Identity's validation messages in the UI language (Indonesian first).</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<Strings> T) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), T["Terjadi kesalahan. Silakan coba lagi."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), T[CommonText.StaleEdit]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), T["Kata sandi salah."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), T["Nama pengguna '{0}' tidak valid: gunakan huruf, angka, titik, tanda hubung atau garis bawah.", userName ?? ""]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), T["Alamat email '{0}' tidak valid.", email ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), T["Nama pengguna '{0}' sudah dipakai.", userName]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), T["Alamat email '{0}' sudah dipakai.", email]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), T["Nama peran '{0}' tidak valid.", role ?? ""]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), T["Nama peran '{0}' sudah dipakai.", role]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), T["Pengguna sudah memiliki peran '{0}'.", role]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), T["Pengguna tidak memiliki peran '{0}'.", role]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), T["Kata sandi paling sedikit {0} karakter.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), T["Kata sandi harus memiliki paling sedikit {0} karakter berbeda.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), T["Kata sandi harus memiliki paling sedikit satu simbol."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), T["Kata sandi harus memiliki paling sedikit satu angka."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), T["Kata sandi harus memiliki paling sedikit satu huruf kecil."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), T["Kata sandi harus memiliki paling sedikit satu huruf besar."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
