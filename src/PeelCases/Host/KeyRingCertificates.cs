using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PeelCases.Host;

/// <summary>
/// The certificates that encrypt the key ring at rest (ADR 0021): <c>DataProtection:Certificate</c>, a PKCS#12 file with its
/// private key (<c>DataProtection:CertificatePassword</c>), which encrypts every new key and reads them; and, during a
/// rotation, <c>DataProtection:EarlierCertificate</c> (<c>…Password</c>), which only reads the keys it encrypted.
/// </summary>
public static class KeyRingCertificates
{
    /// <summary>The certificate to encrypt with first, then the earlier one; null when none is configured.</summary>
    public static X509Certificate2[]? Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("DataProtection");
        if (string.IsNullOrWhiteSpace(section["Certificate"]))
            return string.IsNullOrWhiteSpace(section["EarlierCertificate"]) ? null
                : throw new InvalidOperationException("DataProtection:EarlierCertificate is set without DataProtection:Certificate: a rotation names the certificate it moves to.");
        return new[] { ("Certificate", true), ("EarlierCertificate", false) }
            .Where(c => c.Item2 || !string.IsNullOrWhiteSpace(section[c.Item1]))
            .Select(c => Read($"DataProtection:{c.Item1}", section[c.Item1]!, section[c.Item1 + "Password"]))
            .ToArray();
    }

    // A node that cannot read its certificate must not start: it would make keys of its own, unencrypted, in the shared ring.
    private static X509Certificate2 Read(string setting, string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"{setting} ({path}) could not be read as a PKCS#12 file with its password: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{setting} ({path}) holds no private key: the key ring could be written but never read back.");
        // ASP.NET encrypts keys to a certificate with RSA only: any other key would fail when the first key is written, months on.
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null) throw new InvalidOperationException($"{setting} ({path}) is not an RSA certificate: ASP.NET encrypts the key ring with RSA.");
        return certificate;
    }
}
