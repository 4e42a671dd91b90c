using System.Collections.Generic;

namespace HeaderGen.Model.Bindings;

/// <summary>What one or more adjacent C parameters become in the layers.</summary>
public enum BParamRole
{
    /// <summary>The handle a method is called on (the first parameter).</summary>
    Self,

    /// <summary>A primitive, enum, flags or struct by value.</summary>
    Value,

    /// <summary>Another handle, passed in.</summary>
    HandleIn,

    /// <summary><c>const S*</c> to a struct: passed by reference.</summary>
    StructIn,

    /// <summary><c>const char*</c>, NUL-terminated UTF-8: a string.</summary>
    Text,

    /// <summary><c>(const char* s, size_t len)</c>: a string with its length in bytes.</summary>
    SizedText8,

    /// <summary><c>(const uint16_t* s, size_t len)</c>: a UTF-16 string with its length in code units.</summary>
    SizedText16,

    /// <summary><c>(const uint8_t* data, size_t len)</c>: bytes.</summary>
    Bytes,

    /// <summary>A [CLength] <c>const T*</c>: a sequence in; its length parameter is filled in.</summary>
    ArrayIn,

    /// <summary>A [CLength] <c>T*</c>: a sequence out, as long as the input sequence.</summary>
    ArrayOut,

    /// <summary>The length parameter of [CLength] arrays: computed, never asked for.</summary>
    Length,

    /// <summary><c>(fn, void* user_data)</c>: any callable.</summary>
    Callback,

    /// <summary><c>T*</c> the callee writes one value into: part of the result.</summary>
    Out,

    /// <summary><c>X**</c>: a new owned handle, part of the result.</summary>
    HandleOut,

    /// <summary><c>char**</c>: a string the library allocated, copied and freed with the [CStringFree] export.</summary>
    OwnedTextOut,

    /// <summary><c>(char* buf, size_t len, size_t* required)</c>: a string result (size query, then the call).</summary>
    BufferText8,

    /// <summary><c>(uint16_t* buf, size_t len, size_t* required)</c>: a UTF-16 string result.</summary>
    BufferText16,

    /// <summary><c>(char* buf, size_t len)</c> or <c>(uint8_t* buf, size_t len)</c>: a writable buffer the caller passes.</summary>
    WritableBuffer,
}

public sealed class BParam(BParamRole role, string name, BType type, IReadOnlyList<CParameter> covers)
{
    public BParamRole Role { get; } = role;

    /// <summary>The name in the layers (the C parameter's, keyword-safe names are the backends' job).</summary>
    public string Name { get; } = name;

    /// <summary>The type of the first C parameter it covers.</summary>
    public BType Type { get; } = type;

    /// <summary>The C parameters, in order, this stands for.</summary>
    public IReadOnlyList<CParameter> Covers { get; } = covers;

    /// <summary>For HandleIn, HandleOut and Self: the handle class.</summary>
    public BHandle? Handle { get; init; }

    /// <summary>For ArrayIn/ArrayOut: the length parameter; for Length: the array whose length it is.</summary>
    public string? LengthOf { get; init; }

    /// <summary>For Callback: whether the library keeps it after the call ([CRetainsCallback]).</summary>
    public bool Retained { get; init; }

    /// <summary>For Callback: what the trampoline returns when the callable throws.</summary>
    public long ErrorResult { get; init; }

    public bool IsOutput => Role is BParamRole.Out or BParamRole.HandleOut or BParamRole.OwnedTextOut
        or BParamRole.BufferText8 or BParamRole.BufferText16 or BParamRole.ArrayOut;
}
