using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Grains.Hashing;

/// <summary>
/// Builds an unambiguous byte string out of named fields: each name and each value is written as a 4-byte
/// big-endian length followed by its UTF-8 bytes, and a missing value is the length 0xFFFFFFFF. Because every
/// boundary is explicit, no two different field lists can encode to the same bytes ("ab"+"c" and "a"+"bc"
/// differ in their lengths), and null differs from the empty string.
/// </summary>
internal sealed class CanonicalEncoder
{
    private const int NullLength = -1;
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public CanonicalEncoder(string domain) => WriteValue(domain);

    public CanonicalEncoder Add(string name, string? value)
    {
        WriteValue(name);
        WriteValue(value);
        return this;
    }

    public CanonicalEncoder Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public CanonicalEncoder Add(string name, Guid? value) => Add(name, value?.ToString("D", CultureInfo.InvariantCulture));

    public CanonicalEncoder Add(string name, DateTimeOffset value) => Add(name, CanonicalTime.ToUnixMicroseconds(value));

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public string Sha256Hex() => Convert.ToHexStringLower(SHA256.HashData(_buffer.WrittenSpan));

    private void WriteValue(string? value)
    {
        var length = value is null ? NullLength : Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), length);
        _buffer.Advance(4);
        if (value is null)
            return;
        var written = Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(written);
    }
}
