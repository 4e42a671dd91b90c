//! The same functions as ExportLib's measured exports, as a Rust author would write them for C: `#[no_mangle]
//! extern "C"`, `Box` handles, `catch_unwind` left out because nothing here can panic on the benchmark's inputs.
use std::ffi::c_void;

#[repr(C)]
pub struct Rgba {
    r: u8,
    g: u8,
    b: u8,
    a: u8,
}

#[repr(C)]
pub struct Point {
    x: f64,
    y: f64,
}

#[repr(C)]
pub struct Example {
    tiny: bool,
    normal: u32,
    small: u8,
    long_value: u64,
    short_value: u16,
}

pub struct Context {
    upper: bool,
}

const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

#[no_mangle]
pub extern "C" fn rust_noop() {}

#[no_mangle]
pub extern "C" fn rust_rgba_pack(c: Rgba) -> u32 {
    u32::from(c.r) | u32::from(c.g) << 8 | u32::from(c.b) << 16 | u32::from(c.a) << 24
}

#[no_mangle]
pub extern "C" fn rust_point_scale(p: Point, k: f64) -> Point {
    Point { x: p.x * k, y: p.y * k }
}

/// # Safety
/// `e` points to a valid `Example`.
#[no_mangle]
pub unsafe extern "C" fn rust_example_sum(e: *const Example) -> u64 {
    let e = &*e;
    u64::from(e.tiny)
        .wrapping_add(u64::from(e.normal))
        .wrapping_add(u64::from(e.small))
        .wrapping_add(e.long_value)
        .wrapping_add(u64::from(e.short_value))
}

#[no_mangle]
pub extern "C" fn rust_context_create(initial: i32) -> *mut Context {
    Box::into_raw(Box::new(Context { upper: initial == 1 }))
}

/// # Safety
/// `ctx` came from `rust_context_create` and is not freed.
#[no_mangle]
pub unsafe extern "C" fn rust_context_to_upper(ctx: *mut Context) -> i32 {
    (*ctx).upper = true;
    0
}

/// # Safety
/// `ctx` is live; `out` is writable.
#[no_mangle]
pub unsafe extern "C" fn rust_context_is_upper(ctx: *const Context, out: *mut bool) -> i32 {
    *out = (*ctx).upper;
    0
}

/// # Safety
/// `ctx` is live; `buf` has `len` writable bytes; `required` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn rust_context_text(ctx: *const Context, buf: *mut u8, len: usize, required: *mut usize) -> i32 {
    let text = if (*ctx).upper { UPPER } else { LOWER };
    if !required.is_null() {
        *required = text.len() + 1;
    }
    if len < text.len() + 1 {
        return 4;
    }
    let out = std::slice::from_raw_parts_mut(buf, text.len() + 1);
    out[..text.len()].copy_from_slice(text);
    out[text.len()] = 0;
    0
}

/// # Safety
/// `ctx` came from `rust_context_create` and is freed once.
#[no_mangle]
pub unsafe extern "C" fn rust_context_free(ctx: *mut Context) {
    drop(Box::from_raw(ctx));
}

/// # Safety
/// `input` and `output` hold `n` values.
#[no_mangle]
pub unsafe extern "C" fn rust_map_i32(
    input: *const i32,
    output: *mut i32,
    n: usize,
    f: extern "C" fn(*mut c_void, i32) -> i32,
    user_data: *mut c_void,
) -> i32 {
    for i in 0..n {
        *output.add(i) = f(user_data, *input.add(i));
    }
    0
}

/// # Safety
/// `s` holds `len` bytes; `out` holds `out_len` units; `required` is writable.
#[no_mangle]
pub unsafe extern "C" fn rust_utf8_to_utf16(s: *const u8, len: usize, out: *mut u16, out_len: usize, required: *mut usize) -> i32 {
    let Ok(text) = std::str::from_utf8(std::slice::from_raw_parts(s, len)) else {
        return 5;
    };
    let count = text.encode_utf16().count();
    *required = count + 1;
    if out_len < count + 1 {
        return 4;
    }
    let out = std::slice::from_raw_parts_mut(out, count + 1);
    for (slot, unit) in out.iter_mut().zip(text.encode_utf16()) {
        *slot = unit;
    }
    out[count] = 0;
    0
}

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

static CRC_TABLE: [u32; 256] = crc_table();

/// zlib's crc32 with the standard library only: a byte-at-a-time table, as a crate-free author would write it.
///
/// # Safety
/// `data` holds `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn rust_crc32(crc: u32, data: *const u8, len: usize) -> u32 {
    let mut c = !crc;
    for &byte in std::slice::from_raw_parts(data, len) {
        c = CRC_TABLE[((c ^ u32::from(byte)) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}
