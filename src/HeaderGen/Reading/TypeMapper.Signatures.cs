using System.Linq;
using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>The signatures of exports and callbacks: result and parameters with names, attributes and docs.</summary>
internal sealed partial class TypeMapper
{
    /// <summary>Maps a method's result and parameters, with their names, attributes and documentation.</summary>
    public CSignature? BuildSignature(MethodDefinition method, MethodSignature<ClrType> signature, CCallingConvention convention, string origin, string docType, string docMethod, string? cName = null)
    {
        // Parameter rows by sequence number (0 is the result); a compiler may omit rows for unnamed parameters.
        var rows = method.GetParameters().Select(reader.GetParameter).ToDictionary(p => (int)p.SequenceNumber);
        CustomAttributeHandleCollection? returnAttributes = rows.TryGetValue(0, out var returnRow) ? returnRow.GetCustomAttributes() : null;
        var returnType = MapUse(signature.ReturnType, returnAttributes, $"{origin} (result)", TypeUse.Return, cName is null ? null : cName + "_result");
        var result = returnType is null ? null : new CSignature(returnType, convention)
        {
            ReturnDocumentation = docs.Returns(docType, docMethod),
        };

        for (int i = 0; i < signature.ParameterTypes.Length; i++)
        {
            bool hasRow = rows.TryGetValue(i + 1, out var parameter);
            string clrName = hasRow ? reader.GetString(parameter.Name) : string.Empty;
            string location = $"{origin} (parameter '{(clrName.Length > 0 ? clrName : (i + 1).ToString())}')";
            CustomAttributeHandleCollection? parameterAttributes = hasRow ? parameter.GetCustomAttributes() : null;
            string? parameterCName = (hasRow ? attributes.Own(parameterAttributes, "CNameAttribute") : null) ?? (clrName.Length > 0 ? clrName : $"arg{i}");
            var type = MapUse(signature.ParameterTypes[i], parameterAttributes, location, TypeUse.Parameter, cName is null ? null : $"{cName}_{parameterCName}");
            if (type is null)
            {
                result = null;
                continue;
            }

            string name = (hasRow ? attributes.Own(parameterAttributes, "CNameAttribute") : null) ?? (clrName.Length > 0 ? clrName : $"arg{i}");
            result?.Parameters.Add(new CParameter(name, location, type)
            {
                Documentation = docs.Parameter(docType, docMethod, clrName),
                LengthParameter = hasRow ? attributes.Own(parameterAttributes, "CLengthAttribute") : null,
                CallbackErrorResult = hasRow && attributes.Find(parameterAttributes, AttributeReader.OwnNamespace, "CCallbackErrorResultAttribute") is { } onError
                    && onError.FixedArguments is [{ Value: long value }] ? value : null,
            });
        }

        return result;
    }
}
