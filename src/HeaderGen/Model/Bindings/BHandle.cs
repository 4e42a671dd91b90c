using System.Collections.Generic;

namespace HeaderGen.Model.Bindings;

/// <summary>An opaque handle type with its destructor: an owning class in the layers.</summary>
public sealed class BHandle(COpaque c, string stem)
{
    public COpaque C { get; } = c;

    /// <summary>The C name without the prefix (<c>context</c>, <c>event_loop</c>): the class's name and its members' prefix.</summary>
    public string Stem { get; } = stem;

    /// <summary><c>void X_free(X*)</c>, or null when the library offers none (then the class owns nothing).</summary>
    public CFunction? Free { get; set; }

    public List<BFunction> Factories { get; } = new();

    public List<BFunction> Methods { get; } = new();

    /// <summary>The [CIteratorNext] method that makes the class iterable.</summary>
    public BFunction? IteratorNext { get; set; }
}
