namespace Loyalty.Runtime.CodeGen.Model;

/// <summary>Mirrors the runtime's InvokeMethodOptions, which the generator cannot reference.</summary>
[Flags]
internal enum MethodOptions
{
    None = 0,
    ReadOnly = 1,
    AlwaysInterleave = 2,
}
