using System.Collections.Generic;
using System.Linq;

namespace HeaderGen.Model.Bindings;

public enum BFunctionKind
{
    /// <summary>A function about no handle.</summary>
    Function,

    /// <summary>Takes a handle first: a method of its class.</summary>
    Method,

    /// <summary>Makes a handle (returns <c>X*</c>, or <c>X** out</c> without a handle first): a static factory.</summary>
    Factory,

    /// <summary><c>void X_free(X*)</c>: the class's destructor / close().</summary>
    Destructor,
}

/// <summary>An export as the layers present it.</summary>
public sealed class BFunction(CFunction c, BFunctionKind kind, string name)
{
    public CFunction C { get; } = c;

    public BFunctionKind Kind { get; } = kind;

    /// <summary>The name in the layers: the C name without the prefix, and for members without the class's stem.</summary>
    public string Name { get; } = name;

    public BHandle? Owner { get; init; }

    public List<BParam> Params { get; } = new();

    /// <summary>The C result as the layers see it (null: nothing returned; a status that is thrown returns nothing).</summary>
    public BType? Result { get; init; }

    /// <summary>Whether a non-zero status result throws.</summary>
    public bool Throws { get; init; }

    /// <summary>The handle class of an <c>X*</c> result: a new object of it; a NULL result throws with the thread's last error.</summary>
    public BHandle? Makes { get; init; }

    public bool NullThrows => Makes is not null;

    public IEnumerable<BParam> Inputs => Params.Where(p => !p.IsOutput && p.Role is not BParamRole.Self and not BParamRole.Length);

    public IEnumerable<BParam> Outputs => Params.Where(p => p.IsOutput);

    public bool IsIteratorNext => C.Hints.HasFlag(CFunctionHints.IteratorNext);
}
