using System.Collections.Generic;

namespace HeaderGen.Model.Bindings;

/// <summary>
/// The header's exports as the C++ and Python layers present them (made by the binding pass from the model and the
/// C# side's annotations): the status and its message, handle classes, free functions, and what is left out, why.
/// </summary>
public sealed class BInterface
{
    public CEnum? Status { get; init; }

    /// <summary>The [CLastErrorMessage] export, which the layers call right after a failing call.</summary>
    public CFunction? LastErrorMessage { get; init; }

    /// <summary>The [CStringFree] export, which frees <c>char**</c> results after they are copied.</summary>
    public CFunction? StringFree { get; init; }

    /// <summary>
    /// The [CStatusIsValue] export without parameters (el_last_error_status): the status of a factory that returned NULL.
    /// </summary>
    public CFunction? LastErrorStatus { get; init; }

    /// <summary>The status member named <c>..._BUFFER_TOO_SMALL</c>: the answer to a caller buffer's size query, not a failure.</summary>
    public CEnumMember? BufferTooSmall { get; init; }

    public List<BHandle> Handles { get; } = new();

    public List<BFunction> Functions { get; } = new();

    /// <summary>Exports the layers cannot wrap, with the reason (each also a warning).</summary>
    public List<(CFunction Function, string Reason)> NotWrapped { get; } = new();
}
