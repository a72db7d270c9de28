namespace PeelCases.Kernel;

/// <summary>This response's nonce for the Content-Security-Policy (Host/SecurityHeaders sends it); a page's script tags carry it.</summary>
public static class PageNonce
{
    private const string Key = "peelcases.csp-nonce";

    public static string For(HttpContext http) =>
        http.Items[Key] as string ?? (string)(http.Items[Key] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)));
}
