"""ExportLib through its generated Python module only: every export, success and failure, handle lifetimes, callbacks
that raise, threads, the ABI and layout checks. Run by ctest: python3 -m unittest, with EXPORTLIB_PYTHON_MODULE_DIR
(where the installed exportlib.py is) and EXPORTLIB_LIBRARY (the library to load) set."""
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

MODULE_DIR = os.environ["EXPORTLIB_PYTHON_MODULE_DIR"]
sys.path.insert(0, MODULE_DIR)
import exportlib as el  # noqa: E402


class VersionAndStatics(unittest.TestCase):
    def test_version(self):
        v = el.version()
        self.assertEqual(el.version_string(), f"{v >> 16}.{v >> 8 & 0xFF}.{v & 0xFF}")
        self.assertEqual(el.version_number(), v)
        self.assertEqual(el.abi_hash(), el.ABI_HASH)

    def test_init_debug_noop(self):
        self.assertIsNone(el.init())
        self.assertIsNone(el.init())
        self.assertIsNone(el.debug_noop())
        self.assertFalse(el.get_debug())
        el.set_debug(True)
        self.assertTrue(el.get_debug())
        el.set_debug(False)
        self.assertFalse(el.get_debug())

    def test_status_names(self):
        self.assertEqual(el.status_name(el.Status.ERR_BORROWED), "EL_ERR_BORROWED")
        self.assertEqual(el.status_name(77), "EL_UNKNOWN_STATUS")


class Errors(unittest.TestCase):
    def test_last_error(self):
        el.clear_last_error()
        self.assertEqual(el.last_error_status(), el.Status.OK)
        self.assertEqual(el.last_error_message(), "")
        with self.assertRaises(el.InvalidArgumentError) as caught:
            el.device_flags_parse("NOPE")
        self.assertEqual(caught.exception.status, el.Status.ERR_INVALID_ARGUMENT)
        self.assertIn("NOPE", caught.exception.message)
        self.assertIsInstance(caught.exception, el.Error)
        self.assertEqual(el.last_error_status(), el.Status.ERR_INVALID_ARGUMENT)
        self.assertEqual(el.last_error_message(), caught.exception.message)
        el.clear_last_error()
        self.assertEqual(el.last_error_status(), el.Status.OK)

    def test_one_class_per_status(self):
        for status in el.Status:
            if status != el.Status.OK:
                self.assertTrue(issubclass(el._ERRORS[status], el.Error), status)


class LayoutAndUnions(unittest.TestCase):
    def test_rgba(self):
        self.assertEqual(el.rgba_pack(el.Rgba(229, 131, 57, 255)), 0xFF3983E5)
        c = el.rgba_unpack(0xFF3983E5)
        self.assertEqual((c.r, c.g, c.b, c.a), (229, 131, 57, 255))

    def test_example_and_point(self):
        e = el.example_make(True, 1, 2, 3, 4)
        self.assertEqual((e.tiny, e.normal, e.small, e.long_value, e.short_value), (True, 1, 2, 3, 4))
        self.assertEqual(el.example_sum(e), 11)
        p = el.point_scale(el.Point(1.5, -2.0), 2.0)
        self.assertEqual((p.x, p.y), (3.0, -4.0))

    def test_layout_introspection(self):
        layout = el.abi_type_layout("el_example")
        self.assertEqual((layout.size, layout.align, layout.field_count), (32, 8, 5))
        self.assertEqual(el.abi_field_offset("el_example", "long_value"), 16)
        with self.assertRaises(el.InvalidArgumentError):
            el.abi_type_layout("el_nothing")
        with self.assertRaises(el.InvalidArgumentError):
            el.abi_field_offset("el_example", "nope")

    def test_tagged_union(self):
        self.assertEqual(el.foo_describe(el.foo_bar_new(42)), "Bar(42)")
        self.assertEqual(el.foo_describe(el.foo_baz_new(True, 1.5)), "Baz { a: true, b: 1.5 }")
        bad = el.foo_bar_new(1)
        bad.tag = 9
        with self.assertRaises(el.InvalidArgumentError):
            el.foo_describe(bad)


class Flags(unittest.TestCase):
    def test_describe_and_parse(self):
        both = el.DeviceFlags.SINGLETHREADED | el.DeviceFlags.DISABLE_GPU_TIMEOUT
        self.assertEqual(el.device_flags_describe(both), "SINGLETHREADED|DISABLE_GPU_TIMEOUT")
        self.assertEqual(el.device_flags_describe(el.DeviceFlags(0)), "")
        parsed = el.device_flags_parse("SINGLETHREADED | DEBUG")
        self.assertIsInstance(parsed, el.DeviceFlags)
        self.assertEqual(parsed, el.DeviceFlags.SINGLETHREADED | el.DeviceFlags.DEBUG)
        self.assertEqual(el.device_flags_parse(""), 0)
        self.assertEqual(el.DeviceFlags.ALL, 0x903)
        with self.assertRaises(el.InvalidArgumentError):
            el.device_flags_describe(0x4)
        with self.assertRaises(el.InvalidArgumentError):
            el.device_flags_parse("DEBUG||VIDEO_SUPPORT")


class Contexts(unittest.TestCase):
    def test_states(self):
        with el.Context.new(el.Case.LOWER) as ctx:
            self.assertTrue(ctx.is_lower())
            self.assertFalse(ctx.is_upper())
            self.assertIs(ctx.state(), el.Case.LOWER)
            self.assertEqual(ctx.text(), "abcdefghijklmnopqrstuvwxyz")
            ctx.to_upper()
            self.assertTrue(ctx.is_upper())
            self.assertEqual(ctx.text(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            ctx.to_lower()
            self.assertIs(ctx.state(), el.Case.LOWER)
        with self.assertRaises(el.InvalidArgumentError):
            el.Context.new(el.Case.INVALID)
        with self.assertRaises(el.InvalidArgumentError):
            el.Context.create(7)

    def test_text_and_borrows(self):
        ctx = el.Context.create(el.Case.UPPER)
        ctx.set_text("héllo wörld")
        self.assertIs(ctx.state(), el.Case.INVALID)
        self.assertEqual(ctx.text(), "héllo wörld")
        with self.assertRaises(el.InvalidStateError):
            ctx.to_upper()
        with self.assertRaises(el.InvalidUtf8Error):
            ctx.set_text(b"bad \xff")
        self.assertEqual(ctx.text(), "héllo wörld")
        sub = ctx.subobject(0, 3)
        self.assertEqual(sub.text(), "hé")
        with self.assertRaises(el.BorrowedError):
            ctx.set_text("abcdefghijklmnopqrstuvwxyz")
        with self.assertRaises(el.InvalidArgumentError):
            ctx.subobject(0, 2)
        with self.assertRaises(el.InvalidArgumentError):
            ctx.subobject(5, 100)
        sub.close()
        ctx.set_text("abcdefghijklmnopqrstuvwxyz")
        self.assertTrue(ctx.is_lower())
        ctx.close()

    def test_lifetimes(self):
        ctx = el.Context.new(el.Case.LOWER)
        sub = ctx.subobject(0, 1)
        del ctx
        gc.collect()
        self.assertEqual(sub.text(), "a", "a sub-object keeps its context alive")
        parent = sub._parent
        parent.close()
        with self.assertRaises(el.InvalidHandleError):
            sub.text()
        with self.assertRaises(el.NullArgumentError):
            parent.to_upper()
        sub.close()
        sub.close()
        raw = el.Context.new(el.Case.LOWER).release()
        self.assertIsInstance(raw, int)
        adopted = el.Context._adopt(raw)
        self.assertEqual(len(adopted.text()), 26)
        adopted.close()
        with self.assertRaises(TypeError):
            el.Context()

    def test_alphabets(self):
        self.assertEqual(el.alphabet_write(el.Case.UPPER), "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        with self.assertRaises(el.InvalidArgumentError):
            el.alphabet_write(el.Case.INVALID)
        buffer = bytearray(27)
        self.assertEqual(el.alphabet_copy(el.Case.LOWER, buffer), 0)
        self.assertEqual(bytes(buffer), b"abcdefghijklmnopqrstuvwxyz\0")
        self.assertEqual(el.alphabet_copy(el.Case.LOWER, bytearray(5)), 27)
        self.assertEqual(el.alphabet_copy(el.Case.LOWER, None), 27)
        self.assertEqual(el.alphabet_copy(el.Case.INVALID, buffer), 2 ** 64 - 1)


class EventLoops(unittest.TestCase):
    def test_iterate(self):
        with el.EventLoop.start() as loop:
            loop.post(el.EventKind.TICK, 1)
            loop.post(el.EventKind.MESSAGE, 2)
            loop.post(el.EventKind.QUIT, 3)
            first = loop.next()
            self.assertEqual((first.kind, first.sequence, first.value), (el.EventKind.TICK, 1, 1))
            self.assertEqual([ev.value for ev in loop], [2, 3])
            self.assertIsNone(loop.next())

    def test_drain_and_raise(self):
        loop = el.EventLoop.start()
        for i in range(5):
            loop.post(el.EventKind.MESSAGE, i)
        seen = []
        self.assertEqual(loop.drain(lambda ev: seen.append(ev.value) or ev.value == 2), 3)
        self.assertEqual(seen, [0, 1, 2])

        def boom(ev):
            raise KeyError("from the callback")

        with self.assertRaises(KeyError):
            loop.drain(boom)
        self.assertEqual(loop.next().value, 4, "the raising callback stopped the drain after its event")
        self.assertIsNone(loop.next())
        loop.close()

    def test_wrong_thread(self):
        loop = el.EventLoop.start()
        errors = []

        def other():
            try:
                loop.next()
            except el.Error as error:
                errors.append(error)
            loop.post(el.EventKind.TICK, 9)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        self.assertEqual(len(errors), 1)
        self.assertIsInstance(errors[0], el.WrongThreadError)
        self.assertEqual(loop.next().value, 9)
        loop.close()


class Callbacks(unittest.TestCase):
    def test_map(self):
        offset = 100
        self.assertEqual(el.map_i32([1, 2, 3], lambda x: x + offset), [101, 102, 103])
        self.assertEqual(el.map_i32([], lambda x: x), [])
        calls = []

        def two(x):
            calls.append(x)
            if x == 2:
                raise ValueError("two")
            return x

        with self.assertRaises(ValueError):
            el.map_i32([1, 2, 3], two)
        self.assertEqual(calls, [1, 2], "not called again once it raised")
        self.assertEqual(el.map_i32([1, 2, 3], lambda x: -x), [-1, -2, -3])

    def test_log_callback(self):
        messages = []
        el.set_log_callback(lambda level, message: messages.append((level, message)))
        with self.assertRaises(el.InvalidArgumentError):
            el.device_flags_parse("X")
        self.assertEqual(len(messages), 1)
        self.assertIs(messages[0][0], el.LogLevel.WARN)
        self.assertIn("X", messages[0][1])

        def raising(level, message):
            raise RuntimeError("log")

        el.set_log_callback(raising)
        with self.assertRaises(RuntimeError):
            el.device_flags_parse("Y")
        el.set_log_callback(None)
        with self.assertRaises(el.InvalidArgumentError):
            el.device_flags_parse("Z")
        self.assertEqual(len(messages), 1)


class StringsAndBulk(unittest.TestCase):
    def test_utf16(self):
        self.assertEqual(el.utf8_to_utf16("hé 😀"), "hé 😀")
        self.assertEqual(el.utf16_to_utf8("hé 😀"), "hé 😀")
        self.assertEqual(el.utf8_to_utf16(""), "")
        self.assertEqual(el.utf16_to_utf8(""), "")
        with self.assertRaises(el.InvalidUtf8Error):
            el.utf8_to_utf16(b"\xc3")
        with self.assertRaises(el.InvalidUtf16Error):
            el.utf16_to_utf8([0xD800])

    def test_reverse(self):
        self.assertEqual(el.string_reverse("abc"), "cba")
        self.assertEqual(el.string_reverse("e\u0301x"), "xe\u0301")
        with self.assertRaises(el.InvalidUtf8Error):
            el.string_reverse(b"\xff")

    def test_hashes(self):
        self.assertEqual(el.crc32(0, b"123456789"), 0xCBF43926)
        self.assertEqual(el.crc32(el.crc32(0, b"1234"), b"56789"), 0xCBF43926)
        self.assertEqual(el.xxh3_64(b"", 0), 0x2D06800538D394C2)
        self.assertEqual(el.xxh3_64(bytearray(b"abc"), 7), el.xxh3_64(b"abc", 7))


class Loading(unittest.TestCase):
    def test_nothing_left_live(self):
        gc.collect()
        self.assertEqual(el.debug_live_handles(), 0)

    def _run(self, module_dir, code, env=None):
        environment = dict(os.environ, **(env or {}))
        return subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {module_dir!r}); {code}"],
                              capture_output=True, text=True, env=environment)

    def test_doctored_layout_refuses_to_load(self):
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(MODULE_DIR, "exportlib.py"), encoding="utf-8") as file:
                source = file.read()
            doctored = source.replace('("long_value", ctypes.c_uint64)', '("long_value", ctypes.c_uint32)', 1)
            self.assertNotEqual(doctored, source)
            with open(os.path.join(folder, "exportlib.py"), "w", encoding="utf-8") as file:
                file.write(doctored)
            result = self._run(folder, "import exportlib")
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("LayoutError", result.stderr)
            self.assertIn("Example", result.stderr)

    def test_abi_mismatch_refuses_to_load(self):
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(MODULE_DIR, "exportlib.py"), encoding="utf-8") as file:
                source = file.read()
            doctored = source.replace(f"ABI_HASH = 0x{el.ABI_HASH:016X}", "ABI_HASH = 0x0000000000000001", 1)
            self.assertNotEqual(doctored, source)
            with open(os.path.join(folder, "exportlib.py"), "w", encoding="utf-8") as file:
                file.write(doctored)
            result = self._run(folder, "import exportlib; exportlib.version()")
            self.assertIn("AbiMismatchError", result.stderr)

    def test_found_next_to_the_module_and_by_path(self):
        library = os.environ["EXPORTLIB_LIBRARY"]
        with tempfile.TemporaryDirectory() as folder:
            shutil.copy(os.path.join(MODULE_DIR, "exportlib.py"), folder)
            shutil.copy(library, os.path.join(folder, os.path.basename(library)))
            env = {"EXPORTLIB_LIBRARY": ""}
            result = self._run(folder, "import exportlib; print(exportlib.version_string())", env)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.strip(), el.version_string())
            result = self._run(folder, f"import exportlib; exportlib.load({library!r}); print(exportlib.version())", env)
            self.assertEqual(result.stdout.strip(), str(el.version()))
        with tempfile.TemporaryDirectory() as empty:
            shutil.copy(os.path.join(MODULE_DIR, "exportlib.py"), empty)
            result = self._run(empty, "import exportlib; exportlib.load('/nonexistent/libexportlib.so')", {"EXPORTLIB_LIBRARY": ""})
            self.assertIn("was not found", result.stderr)


if __name__ == "__main__":
    unittest.main()
