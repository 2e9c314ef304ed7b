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

    // Every card operation encodes its ledger entry and its request this way: the bytes live in a pooled buffer that the
    // final ToArray or Sha256Hex gives back, and numbers and ids are formatted straight into it as UTF-8.
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(1024);
    private int _written;

    public CanonicalEncoder(string domain) => WriteValue(domain);

    public CanonicalEncoder Add(string name, string? value)
    {
        WriteValue(name);
        WriteValue(value);
        return this;
    }

    public CanonicalEncoder Add(string name, long value)
    {
        WriteValue(name);
        WriteFormatted(value, default);
        return this;
    }

    public CanonicalEncoder Add(string name, Guid? value)
    {
        WriteValue(name);
        if (value is { } id)
        {
            WriteFormatted(id, "D");
        }
        else
        {
            WriteValue(null);
        }

        return this;
    }

    public CanonicalEncoder Add(string name, DateTimeOffset value) => Add(name, CanonicalTime.ToUnixMicroseconds(value));

    /// <summary>The encoded bytes. Ends the encoder, as <see cref="Sha256Hex"/> does.</summary>
    public byte[] ToArray()
    {
        var bytes = Written().ToArray();
        Release();
        return bytes;
    }

    /// <summary>SHA-256 of the encoded bytes, lowercase hex. Ends the encoder.</summary>
    public string Sha256Hex()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Written(), hash);
        Release();
        return Convert.ToHexStringLower(hash);
    }

    private ReadOnlySpan<byte> Written() =>
        _buffer is { } buffer ? buffer.AsSpan(0, _written) : throw new InvalidOperationException("This encoder has already produced its result.");

    private void Release()
    {
        ArrayPool<byte>.Shared.Return(_buffer!);
        _buffer = null;
    }

    private void WriteValue(string? value)
    {
        var length = value is null ? NullLength : Encoding.UTF8.GetByteCount(value);
        var span = Reserve(4 + Math.Max(length, 0));
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        if (value is not null)
        {
            Encoding.UTF8.GetBytes(value, span[4..]);
        }

        _written += 4 + Math.Max(length, 0);
    }

    // A number or id has one spelling (invariant decimal, Guid "D"): the same bytes its string would encode to.
    private void WriteFormatted<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        var span = Reserve(4 + 64);
        if (!value.TryFormat(span[4..], out var length, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} did not fit the canonical encoder's 64 bytes.");
        }

        BinaryPrimitives.WriteInt32BigEndian(span, length);
        _written += 4 + length;
    }

    private Span<byte> Reserve(int count)
    {
        var buffer = _buffer ?? throw new InvalidOperationException("This encoder has already produced its result.");
        if (buffer.Length - _written < count)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, _written + count));
            buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = buffer = larger;
        }

        return buffer.AsSpan(_written, count);
    }
}
