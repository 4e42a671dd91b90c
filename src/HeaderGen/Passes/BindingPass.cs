using System;
using System.Collections.Generic;
using System.Linq;
using HeaderGen.Model;
using HeaderGen.Model.Bindings;

namespace HeaderGen.Passes;

/// <summary>
/// Decides what every export becomes in the C++ and Python layers (docs/bindings.md has the rules): handle classes
/// from opaque types and their <c>_free</c>, methods, factories, and each parameter's role. The backends only read
/// the result; an export no rule fits is left out of the layers with a warning that says why.
/// </summary>
public sealed class BindingPass(Diagnostics diagnostics)
{
    public BInterface Run(CHeader header)
    {
        var status = header.Types.OfType<CEnum>().FirstOrDefault(e => e.IsStatus);
        var result = new BInterface
        {
            Status = status,
            LastErrorMessage = header.Functions.FirstOrDefault(f => f.Hints.HasFlag(CFunctionHints.LastErrorMessage)),
            StringFree = header.Functions.FirstOrDefault(f => f.Hints.HasFlag(CFunctionHints.StringFree)),
            LastErrorStatus = header.Functions.FirstOrDefault(f => f.Hints.HasFlag(CFunctionHints.StatusIsValue) && f.Signature.Parameters.Count == 0),
            BufferTooSmall = status?.Members.FirstOrDefault(m => m.Name.EndsWith("BUFFER_TOO_SMALL", StringComparison.Ordinal)),
        };

        var handles = new Dictionary<COpaque, BHandle>();
        foreach (var opaque in header.Types.OfType<COpaque>())
        {
            var handle = new BHandle(opaque, NamingRules.WithoutPrefix(opaque.Name, header.Prefix));
            handle.Free = header.Functions.FirstOrDefault(f => f.Name == opaque.Name + "_free" && f.Signature.Parameters.Count == 1
                && BType.Of(f.Signature.Parameters[0].Type) is { Pointers: 1 } p && p.Opaque == opaque);
            handles[opaque] = handle;
            result.Handles.Add(handle);
        }

        foreach (var function in header.Functions)
        {
            if (function == result.StringFree || handles.Values.Any(h => h.Free == function))
            {
                continue;
            }

            if (Bind(function, header, result, handles) is not { } bound)
            {
                continue;
            }

            switch (bound.Kind)
            {
                case BFunctionKind.Method:
                    bound.Owner!.Methods.Add(bound);
                    if (bound.IsIteratorNext)
                    {
                        bound.Owner.IteratorNext = bound;
                    }

                    break;
                case BFunctionKind.Factory:
                    bound.Owner!.Factories.Add(bound);
                    break;
                default:
                    result.Functions.Add(bound);
                    break;
            }
        }

        return result;
    }

    private BFunction? Bind(CFunction function, CHeader header, BInterface bindings, Dictionary<COpaque, BHandle> handles)
    {
        var parameters = function.Signature.Parameters;
        var types = parameters.Select(p => BType.Of(p.Type)).ToList();
        var resultType = BType.Of(function.Signature.ReturnType);
        bool returnsStatus = resultType.Pointers == 0 && resultType.Enum is { } e && e == bindings.Status;
        bool throws = returnsStatus && !function.Hints.HasFlag(CFunctionHints.StatusIsValue);

        BHandle? self = types.Count > 0 && types[0] is { Pointers: 1, Opaque: { } firstOpaque } && handles.TryGetValue(firstOpaque, out var h) ? h : null;
        BHandle? made = resultType is { Pointers: 1, Opaque: { } madeOpaque } && handles.TryGetValue(madeOpaque, out var m) ? m : null;
        var roles = new List<BParam>();
        string? why = null;
        for (int i = 0; i < parameters.Count && why is null; i++)
        {
            var type = types[i];
            var next = i + 1 < types.Count ? types[i + 1] : null;
            var afterNext = i + 2 < types.Count ? types[i + 2] : null;
            var parameter = parameters[i];
            BParam Role(BParamRole role, int count, BHandle? handle = null)
            {
                var covered = parameters.Skip(i).Take(count).ToList();
                i += count - 1;
                return new BParam(role, parameter.Name, type, covered) { Handle = handle };
            }

            if (i == 0 && self is not null)
            {
                roles.Add(Role(BParamRole.Self, 1, self));
            }
            else if (parameter.LengthParameter is { } lengthName)
            {
                if (type.Pointers != 1 || !parameters.Any(p => p.Name == lengthName))
                {
                    why = $"[CLength(\"{lengthName}\")] on '{parameter.Name}' names no parameter of this export, or the parameter is not a pointer";
                    break;
                }

                roles.Add(new BParam(type.Const ? BParamRole.ArrayIn : BParamRole.ArrayOut, parameter.Name, type, new[] { parameter }) { LengthOf = lengthName });
            }
            else if (parameters.Any(p => p.LengthParameter == parameter.Name))
            {
                roles.Add(new BParam(BParamRole.Length, parameter.Name, type, new[] { parameter }));
            }
            else if (type is { Pointers: 0, Kind: BTypeKind.Callback })
            {
                if (next is not { Pointers: 1, Kind: BTypeKind.Void } || type.Callback!.Signature.Parameters.FirstOrDefault() is not { } first
                    || BType.Of(first.Type) is not { Pointers: 1, Kind: BTypeKind.Void })
                {
                    why = $"the callback '{parameter.Name}' has no user-data pointer (a void* after it, passed as its first argument)";
                    break;
                }

                var callback = Role(BParamRole.Callback, 2);
                roles.Add(new BParam(BParamRole.Callback, callback.Name, callback.Type, callback.Covers)
                {
                    Retained = function.Hints.HasFlag(CFunctionHints.RetainsCallback),
                    ErrorResult = parameter.CallbackErrorResult ?? 0,
                });
            }
            else if (type is { Pointers: 1, Const: true, Kind: BTypeKind.Char })
            {
                roles.Add(next is { IsSize: true } ? Role(BParamRole.SizedText8, 2) : Role(BParamRole.Text, 1));
            }
            else if (type.PointsTo("uint16_t") && type.Const && next is { IsSize: true })
            {
                roles.Add(Role(BParamRole.SizedText16, 2));
            }
            else if (type.PointsTo("uint8_t") && type.Const && next is { IsSize: true })
            {
                roles.Add(Role(BParamRole.Bytes, 2));
            }
            else if (type is { Pointers: 1, Const: false } && (type.Kind == BTypeKind.Char || type.Spelling is "uint16_t" or "uint8_t")
                && next is { IsSize: true } && afterNext is { Pointers: 1, Spelling: "size_t", Const: false } && type.Spelling != "uint8_t")
            {
                if (!throws || bindings.BufferTooSmall is null)
                {
                    why = $"'{parameter.Name}' is a caller buffer, which needs a [CStatus] result with a *_BUFFER_TOO_SMALL member to answer the size query";
                    break;
                }

                roles.Add(Role(type.Kind == BTypeKind.Char ? BParamRole.BufferText8 : BParamRole.BufferText16, 3));
            }
            else if (type is { Pointers: 1, Const: false } && (type.Kind == BTypeKind.Char || type.Spelling == "uint8_t") && next is { IsSize: true })
            {
                roles.Add(Role(BParamRole.WritableBuffer, 2));
            }
            else if (type is { Pointers: 2, Kind: BTypeKind.Char, Const: false })
            {
                if (bindings.StringFree is null)
                {
                    why = $"'{parameter.Name}' is a char** result, but no export is marked [CStringFree] to free it";
                    break;
                }

                roles.Add(Role(BParamRole.OwnedTextOut, 1));
            }
            else if (type is { Pointers: 2, Opaque: { } outOpaque } && handles.TryGetValue(outOpaque, out var outHandle))
            {
                roles.Add(Role(BParamRole.HandleOut, 1, outHandle));
            }
            else if (type is { Pointers: 1, Opaque: { } inOpaque } && handles.TryGetValue(inOpaque, out var inHandle))
            {
                roles.Add(Role(BParamRole.HandleIn, 1, inHandle));
            }
            else if (type is { Pointers: 1, Const: true, Kind: BTypeKind.Struct })
            {
                roles.Add(Role(BParamRole.StructIn, 1));
            }
            else if (type.IsValueOut)
            {
                roles.Add(Role(BParamRole.Out, 1));
            }
            else if (type.IsValue)
            {
                roles.Add(Role(BParamRole.Value, 1));
            }
            else
            {
                why = $"no rule wraps the parameter '{parameter.Name}' ({parameter.Type.Declare(string.Empty)})";
            }
        }

        bool resultWrapped = (resultType.Pointers == 0 && (resultType.IsValue || resultType.Kind == BTypeKind.Void))
            || made is not null
            || (resultType is { Pointers: 1, Kind: BTypeKind.Char, Const: true });
        if (why is null && !resultWrapped)
        {
            why = $"no rule wraps its result ({function.Signature.ReturnType.Declare(string.Empty)})";
        }

        if (why is null && function.Hints.HasFlag(CFunctionHints.IteratorNext)
            && (self is null || roles.Count(r => r.IsOutput) != 2 || roles.Last() is not { Role: BParamRole.Out, Type.Spelling: "bool" }))
        {
            why = "[CIteratorNext] needs a method whose outputs are (item, bool has_item)";
        }

        if (why is not null)
        {
            bindings.NotWrapped.Add((function, why));
            diagnostics.Report(DiagnosticIds.NotWrapped, function.Origin, $"{function.Name} is left out of the C++ and Python layers: {why}");
            return null;
        }

        // Without a handle first, a function that makes exactly one handle is that class's factory.
        var handleOuts = roles.Where(r => r.Role == BParamRole.HandleOut).ToList();
        var owner = self ?? made ?? (handleOuts.Count == 1 ? handleOuts[0].Handle : null);
        var kind = self is not null ? BFunctionKind.Method : owner is not null ? BFunctionKind.Factory : BFunctionKind.Function;
        string name = NamingRules.WithoutPrefix(function.Name, header.Prefix);
        if (kind != BFunctionKind.Function && owner is not null && name.StartsWith(owner.Stem + "_", StringComparison.Ordinal))
        {
            name = name[(owner.Stem.Length + 1)..];
        }

        var bound = new BFunction(function, kind, name)
        {
            Owner = owner,
            Result = returnsStatus && throws ? null : resultType.Kind == BTypeKind.Void && resultType.Pointers == 0 ? null : resultType,
            Throws = throws,
            Makes = made,
        };
        bound.Params.AddRange(roles);
        return bound;
    }
}
