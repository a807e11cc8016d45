using QRCoder;

namespace EmploymentPortal.Web.Security.SignIn;

/// <summary>The enrolment QR code: an <c>otpauth://</c> URI (RFC 6238, 6 digits, 30 s) as a PNG data URI, drawn on the server.</summary>
public static class AuthenticatorQrCode
{
    public const string Issuer = "EmploymentPortal";

    public static string OtpAuthUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    public static string DataUri(string userName, string key)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(OtpAuthUri(userName, key), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
