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

    public List<BHandle> Handles { get; } = new();

    public List<BFunction> Functions { get; } = new();

    /// <summary>Exports the layers cannot wrap, with the reason (each also a warning).</summary>
    public List<(CFunction Function, string Reason)> NotWrapped { get; } = new();
}
