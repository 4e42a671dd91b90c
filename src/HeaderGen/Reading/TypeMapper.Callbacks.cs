using System;
using System.Linq;
using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>Function-pointer types: typedefs named by [CCallback] delegates or after their use.</summary>
internal sealed partial class TypeMapper
{
    /// <summary>
    /// A <c>delegate* unmanaged&lt;...&gt;</c> without [CCallback]: a typedef named after where it is used
    /// (<c>useName_fn</c>: <c>el_walk_visit_fn</c>, <c>el_hooks_progress_fn</c>, <c>el_make_result_fn</c>), with parameters
    /// <c>arg0</c>, <c>arg1</c>, ... . Each use gets its own typedef, so a name always says where it comes from.
    /// </summary>
    private CType? MapUnnamedFunctionPointer(ClrFunctionPointer pointer, string location, string? useName)
    {
        if (pointer.Signature.Header.CallingConvention == SignatureCallingConvention.Default)
        {
            diagnostics.Report(DiagnosticIds.ManagedFunctionPointer, location, "delegate*<...> is a managed function pointer, which C cannot call; use delegate* unmanaged<...>");
            return null;
        }

        if (useName is null)
        {
            diagnostics.Report(DiagnosticIds.UnnamableFunctionPointer, location, "a function-pointer type here has no use to name it after; name its C typedef with [CCallback(typeof(SomeDelegate))]");
            return null;
        }

        string name = useName + "_fn";
        if (_registry.UnnamedCallbacks.TryGetValue(name, out var known))
        {
            return new CNamedType(known);
        }

        var convention = CallingConventions.OfFunctionPointer(pointer.Signature);
        var returnType = Map(pointer.Signature.ReturnType, $"{location} (result)", TypeUse.Return, useName + "_result");
        var signature = returnType is null ? null : new CSignature(returnType, convention);
        for (int i = 0; i < pointer.Signature.ParameterTypes.Length; i++)
        {
            var parameterType = Map(pointer.Signature.ParameterTypes[i], $"{location} (argument {i})", TypeUse.Parameter, $"{useName}_arg{i}");
            if (parameterType is null)
            {
                signature = null;
                continue;
            }

            signature?.Parameters.Add(new CParameter($"arg{i}", $"{location} (argument {i})", parameterType));
        }

        if (signature is null)
        {
            return null;
        }

        var typedef = new CFunctionPointer(name, location, signature);
        _registry.UnnamedCallbacks[name] = typedef;
        _registry.Order.Add(typedef);
        return new CNamedType(typedef);
    }

    /// <summary>A function-pointer use named by [CCallback(typeof(D))]: the typedef takes D's name and parameters.</summary>
    private CType? MapCallback(ClrType type, CustomAttributeValue<ClrType> callback, string location)
    {
        if (type.StripModifiers() is not ClrFunctionPointer pointer)
        {
            diagnostics.Report(DiagnosticIds.BadCallback, location, "[CCallback] applies to delegate* unmanaged<...> types only");
            return null;
        }

        if (callback.FixedArguments[0].Value is not ClrSerializedName { Name: var serialized } || FindType(serialized) is not { } delegateHandle)
        {
            diagnostics.Report(DiagnosticIds.BadCallback, location, "[CCallback] must name a delegate type of this assembly");
            return null;
        }

        if (!_declarations.TryGetValue(delegateHandle, out var declaration))
        {
            declaration = DeclareCallback(delegateHandle);
            if (declaration is null)
            {
                return null;
            }
        }

        var typedef = (CFunctionPointer)declaration;
        var convention = CallingConventions.OfFunctionPointer(pointer.Signature);
        var invoke = DelegateInvoke(delegateHandle);
        var expected = invoke.DecodeSignature(shapes, null);
        if (!SameShape(expected, pointer.Signature) || typedef.Signature.CallingConvention != convention)
        {
            diagnostics.Report(DiagnosticIds.CallbackMismatch, location, $"the function pointer's signature differs from the delegate {ClrName(delegateHandle)} that [CCallback] names");
            return null;
        }

        return new CNamedType(typedef);
    }

    private CFunctionPointer? DeclareCallback(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        string origin = ClrName(handle);
        if (BaseTypeName(type) != "System.MulticastDelegate")
        {
            diagnostics.Report(DiagnosticIds.BadCallback, origin, "[CCallback] must name a delegate type");
            return null;
        }

        var invoke = DelegateInvoke(handle);
        var signature = invoke.DecodeSignature(shapes, null);
        string cName = TypeCName(type);
        var convention = CallingConventions.OfDelegate(attributes.Find(type.GetCustomAttributes(), "System.Runtime.InteropServices", "UnmanagedFunctionPointerAttribute"));
        var result = new CFunctionPointer(cName, origin, new CSignature(CPrimitive.Void, convention)) { Documentation = docs.Type(DocName(handle)) };
        _declarations[handle] = result;

        var built = BuildSignature(invoke, signature, convention, origin, DocName(handle), "Invoke", cName);
        if (built is null)
        {
            _declarations.Remove(handle);
            return null;
        }

        var complete = new CFunctionPointer(cName, origin, built) { Documentation = result.Documentation };
        _declarations[handle] = complete;
        _registry.Order.Add(complete);
        return complete;
    }

    private MethodDefinition DelegateInvoke(TypeDefinitionHandle handle)
        => reader.GetTypeDefinition(handle).GetMethods().Select(reader.GetMethodDefinition).First(m => reader.GetString(m.Name) == "Invoke");

    private static bool SameShape(MethodSignature<ClrType> a, MethodSignature<ClrType> b)
        => a.ParameterTypes.Length == b.ParameterTypes.Length
            && Same(a.ReturnType, b.ReturnType)
            && a.ParameterTypes.Zip(b.ParameterTypes).All(p => Same(p.First, p.Second));

    private static bool Same(ClrType a, ClrType b) => (a.StripModifiers(), b.StripModifiers()) switch
    {
        (ClrPointer x, ClrPointer y) => Same(x.Element, y.Element),
        (ClrFunctionPointer x, ClrFunctionPointer y) => SameShape(x.Signature, y.Signature),
        var (x, y) => x.Equals(y),
    };

    private TypeDefinitionHandle? FindType(string serializedName)
    {
        string fullName = serializedName.Split(',')[0].Trim().Replace('+', '.');
        foreach (var handle in reader.TypeDefinitions)
        {
            if (DocName(handle) == fullName)
            {
                return handle;
            }
        }

        return null;
    }
}
