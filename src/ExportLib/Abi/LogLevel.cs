using HeaderGen;

namespace ExportLib.Abi;

/// <summary>Severity of a message passed to the log callback.</summary>
[CName("el_log_level")]
[CEnumPrefix("EL_LOG_")]
public enum LogLevel : int
{
    Trace = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,
}
