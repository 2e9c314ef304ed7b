namespace Loyalty.Runtime.CodeGen.Model;

/// <summary>The awaitable shapes a grain method may return; each needs its own proxy and invoke code.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
