"""tests/qemu/test_disk.py — the virtio disk, the FAT file system and Python's files in the guest.

Each test makes a FAT16 image on the host (mkfs.fat + mcopy, qemu/tollbooth.py make_disk_image),
boots with it (run_batch(disk=...)), and then checks what the guest did from the host: the files'
contents with mtools, the volume with `fsck.fat -n`. Decisions come from outputs and the image,
never from timing.
"""
import os
import shutil
import subprocess
import textwrap

import pytest

import tollbooth
from conftest import KERNEL

pytestmark = pytest.mark.skipif(not (shutil.which("mkfs.fat") and shutil.which("mcopy")),
                                reason="dosfstools/mtools missing (qemu/deps.sh)")


def run(tmp_path, script, files=None, image=None, cpus=2, gil=None):
    folder = tmp_path / "disk"
    folder.mkdir(exist_ok=True)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    if image is None:
        image = tollbooth.make_disk_image(folder, tmp_path / "disk.img", 16)
    src = tmp_path / "prog.py"
    src.write_text(textwrap.dedent(script))
    r = tollbooth.run_batch(src, kernel=KERNEL, cpus=cpus, timeout=120, gil=gil, disk=image)
    return r, str(image)


def mtype(image, name):
    return subprocess.run(["mtype", "-i", image, "::" + name], capture_output=True, check=True).stdout


def fsck_clean(image):
    r = subprocess.run(["fsck.fat", "-n", image], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_read_write_import_and_host_check(tmp_path):
    r, img = run(tmp_path, """
        import os, mymodule
        print(mymodule.greet())
        print(open("/data.txt").read().strip())
        with open("/out.csv", "w") as f:
            for i in range(100):
                f.write("%d,%d\\n" % (i, i * i))
        os.mkdir("/results")
        with open("/results/A long name, with spaces é.txt", "wb") as f:
            f.write(bytes(range(256)) * 40)
        os.rename("/out.csv", "/results/squares.csv")
        print(sorted(os.listdir("/")), sorted(os.listdir("/results")))
        print(os.stat("/results/squares.csv").st_size)
        try:
            open("/missing.txt")
        except FileNotFoundError as e:
            print("FNF", e.errno)
        try:
            os.rmdir("/results")
        except OSError as e:
            print("rmdir", e.errno)
        st = os.statvfs("/")
        print("free", st[3] <= st[2])
    """, {"mymodule.py": "def greet():\n    return 'hello from the disk'\n", "data.txt": "forty-two\n"})
    out = r.text()
    assert r.status == 0, out
    assert "disk: FAT16" in out
    assert "hello from the disk" in out and "forty-two" in out
    assert "['data.txt', 'mymodule.py', 'results']" in out
    assert "FNF 2" in out and "rmdir 39" in out and "free True" in out
    expect = "".join("%d,%d\n" % (i, i * i) for i in range(100)).encode()
    assert mtype(img, "/results/squares.csv") == expect
    assert mtype(img, "/results/A long name, with spaces é.txt") == bytes(range(256)) * 40
    fsck_clean(img)


def test_unformatted_image_gives_oserror_not_panic(tmp_path):
    img = tmp_path / "blank.img"
    with open(img, "wb") as f:
        f.write(os.urandom(4096))
        f.truncate(4 << 20)
    r, _ = run(tmp_path, """
        try:
            open("/x.txt", "w")
        except OSError as e:
            print("OSError", e.errno)
        print("console alive", 6 * 7)
    """, image=img)
    out = r.text()
    assert r.status == 0, out
    assert "disk: not mounted" in out
    assert "OSError 19" in out and "console alive 42" in out


def test_corrupt_boot_sector_fields(tmp_path):
    img = str(tollbooth.make_disk_image(None, tmp_path / "c.img", 16))
    with open(img, "r+b") as f:                    # sectors per cluster = 3: not a power of two
        f.seek(13)
        f.write(b"\x03")
    r, _ = run(tmp_path, """
        import os
        try:
            os.listdir("/")
        except OSError as e:
            print("OSError", e.errno)
    """, image=img)
    assert r.status == 0 and "OSError 19" in r.text() and "not mounted" in r.text(), r.text()


def test_disk_full_gives_enospc_and_keeps_what_was_written(tmp_path):
    """The host fills most of the volume first (a ballast file), so the guest reaches the last
    cluster quickly."""
    r, img = run(tmp_path, """
        import os
        with open("/keep.txt", "w") as f:
            f.write("kept\\n")
        free0 = os.statvfs("/")[3]
        chunk = b"z" * 65536
        n = 0
        try:
            with open("/fill.bin", "wb") as f:
                while True:
                    f.write(chunk)
                    n += 1
        except OSError as e:
            print("ENOSPC", e.errno == 28, type(e).__name__, n > 3)
        print("full", os.statvfs("/")[3])
        print(open("/keep.txt").read().strip())
        os.remove("/fill.bin")
        print("after", os.statvfs("/")[3] == free0)
    """, {"ballast.bin": bytes(15 << 20)})
    out = r.text()
    assert r.status == 0, out
    assert "ENOSPC True OSError True" in out and "full 0" in out, out
    assert "kept" in out and "after True" in out, out
    assert mtype(img, "/keep.txt") == b"kept\n"
    fsck_clean(img)


def finished(r, gil, marker):
    """True when the program ran to its end and printed marker. Under `unsafe` the interpreter
    has no protection at all: a race on a shared Python object (the `done` list, a refcount) may
    be caught as corruption and end the program with status 1, or end one worker with an
    exception (tests/threads/unsafe/ says the same). The workers are joined (threading), never
    waited for by polling a shared list, so a worker that died cannot leave the program hanging. The file system must stay consistent either way, so callers run fsck always and check
    the data only when the program finished."""
    text = r.text()
    assert "KERNEL PANIC" not in text, text
    if gil == "unsafe" and (r.status == 1 or (r.status == 0 and marker not in text)):
        return False            # a worker died of the corruption: joined, so the program ended
    assert r.status == 0 and marker in text, text
    return True


@pytest.mark.parametrize("gil", ["new", "old", "prio", "none", "unsafe"])
def test_two_threads_write_different_files(tmp_path, gil):
    r, img = run(tmp_path, """
        import threading
        done = []
        def writer(name, ch):
            with open(name, "w") as f:
                for i in range(200):
                    f.write(ch * 50 + "\\n")
            done.append(name)
        ts = [threading.Thread(target=writer, args=a) for a in (("/a.txt", "a"), ("/b.txt", "b"))]
        for t in ts: t.start()
        for t in ts: t.join()
        print("both", sorted(done))
    """, gil=gil)
    if finished(r, gil, "both ['/a.txt', '/b.txt']"):
        assert mtype(img, "/a.txt") == ("a" * 50 + "\n").encode() * 200
        assert mtype(img, "/b.txt") == ("b" * 50 + "\n").encode() * 200
    fsck_clean(img)


def test_gil_released_during_read(tmp_path):
    """A counter thread runs while the main thread reads a large file: the read drops the GIL
    for each disk wait, so the counter advances during it (a count, not a time)."""
    r, img = run(tmp_path, """
        import _thread
        count = [0]
        stop = [False]
        def counter():
            while not stop[0]:
                count[0] += 1
        with open("/big.bin", "rb") as f:
            _thread.start_new_thread(counter, ())
            while count[0] == 0:
                pass
            before = count[0]
            data = f.read()
            during = count[0] - before
        stop[0] = True
        print("read", len(data), "counter advanced", during > 0)
    """, {"big.bin": bytes(range(256)) * 4096}, cpus=1)
    assert r.status == 0 and "read 1048576 counter advanced True" in r.text(), r.text()


@pytest.mark.parametrize("gil", ["new", "old", "prio", "none", "unsafe"])
def test_two_threads_append_to_one_file(tmp_path, gil):
    """Each append lands whole at the end (the file system appends under its lock): every line
    of both threads is there once, none torn."""
    r, img = run(tmp_path, """
        import threading
        done = []
        def appender(ch):
            for i in range(100):
                with open("/log.txt", "a") as f:
                    f.write("%s%03d\\n" % (ch, i))
            done.append(ch)
        ts = [threading.Thread(target=appender, args=(c,)) for c in "ab"]
        for t in ts: t.start()
        for t in ts: t.join()
        print("done" if len(done) == 2 else "a worker failed")
    """, gil=gil)
    if finished(r, gil, "done"):
        lines = mtype(img, "/log.txt").decode().splitlines()
        assert sorted(lines) == sorted(["%s%03d" % (c, i) for c in "ab" for i in range(100)])
    fsck_clean(img)


def test_launcher_ls_get_put(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "mod.py").write_text("x = 1\n")
    img = str(tollbooth.make_disk_image(folder, tmp_path / "l.img", 16))
    data = bytes(range(256)) * 21
    (tmp_path / "in.bin").write_bytes(data)
    py, tb = "/usr/bin/python3", str(tollbooth.ROOT / "qemu" / "tollbooth.py")
    assert subprocess.run([py, tb, "put", "--image", img, str(tmp_path / "in.bin"), "/data.bin"],
                          timeout=120).returncode == 0
    out = subprocess.run([py, tb, "ls", "--image", img], capture_output=True, text=True, timeout=120)
    assert "5376 data.bin" in out.stdout and "6 mod.py" in out.stdout, out.stdout + out.stderr
    assert subprocess.run([py, tb, "get", "--image", img, "/data.bin", str(tmp_path / "out.bin")],
                          timeout=120).returncode == 0
    assert (tmp_path / "out.bin").read_bytes() == data
    assert mtype(img, "/data.bin") == data
    fsck_clean(img)


def test_many_files_long_and_odd_names(tmp_path):
    """500 files in one directory, a 255-character name, non-ASCII and spaces, `..` in paths,
    names FAT forbids (a Python exception), a file bigger than the block cache."""
    long = "L" * 200 + "é" * 55
    r, img = run(tmp_path, """
        import os
        os.mkdir("/many")
        for i in range(500):
            with open("/many/file %03d.txt" % i, "w") as f:
                f.write(str(i))
        names = os.listdir("/many")
        print("many", len(names), len(set(names)))
        print(open("/many/file 321.txt").read())
        os.chdir("/many")
        print(open("../many/./file 007.txt").read(), os.getcwd())
        os.chdir("..")
        with open("/%s" % LONG, "w") as f:
            f.write("long")
        print(open(LONG).read(), LONG in os.listdir("/"))
        with open("/Ünïcødé ✓ name.txt", "w") as f:
            f.write("u")
        for bad in ("/a:b", "/q?", "/" + "x" * 256):
            try:
                open(bad, "w")
            except OSError as e:
                print("bad", e.errno)
        with open("/big.bin", "wb") as f:
            for i in range(80):
                f.write(bytes([i]) * 4096)
        data = open("/big.bin", "rb").read()
        print("big", len(data), all(data[i * 4096] == i for i in range(80)))
        for i in range(0, 500, 2):
            os.remove("/many/file %03d.txt" % i)
        print("left", len(os.listdir("/many")))
    """.replace("LONG", repr(long)))
    out = r.text()
    assert r.status == 0, out
    assert "many 500 500" in out and "\n321\n" in out and "\n7 /many\n" in out
    assert "long True" in out and "big 327680 True" in out and "left 250" in out
    assert out.count("bad 22") == 2 and "bad 36" in out, out
    assert mtype(img, "/" + long) == b"long"
    assert mtype(img, "/Ünïcødé ✓ name.txt") == b"u"
    assert mtype(img, "/many/file 321.txt") == b"321"
    fsck_clean(img)


def test_pyboard_filesystem_commands(tmp_path):
    """The raw-REPL programs MicroPython's tools/pyboard.py sends for `-f ls/cat/cp/rm/mkdir/
    rmdir/touch` (its fs_* methods), sent the same way through the launcher's raw REPL."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "hello.txt").write_text("hello\nworld\n")
    img = str(tollbooth.make_disk_image(folder, tmp_path / "p.img", 16))
    b = tollbooth.Board(kernel=KERNEL, cpus=1, timeout=60, disk=img)
    try:
        b.enter_raw()

        def ex(src):
            out, err = b.exec_raw(src)
            assert not err.strip(), err
            return out
        ls = ex("import uos\nfor f in uos.ilistdir():\n"
                " print('{:12} {}{}'.format(f[3]if len(f)>3 else 0,f[0],'/'if f[1]&0x4000 else ''))")
        assert "          12 hello.txt" in ls, ls
        cat = ex("with open('hello.txt') as f:\n while 1:\n  b=f.read(256)\n  if not b:break\n"
                 "  print(b,end='')")
        assert cat.replace("\r\n", "\n") == "hello\nworld\n"
        ex("f=open('hello.txt','rb')\nr=f.read")
        assert ex("print(r(256))").strip() == repr(b"hello\nworld\n")
        assert ex("print(r(256))").strip() == "b''"
        ex("f.close()")
        ex("f=open('put.bin','wb')\nw=f.write")
        ex("w(" + repr(bytes(range(200))) + ")")
        ex("f.close()")
        ex("import uos\nuos.mkdir('newdir')")
        ex("f=open('newdir/touched','a')\nf.close()")
        ex("import uos\nuos.remove('newdir/touched')")
        ex("import uos\nuos.rmdir('newdir')")
        ex("import uos\nuos.remove('hello.txt')")
        assert "         200 put.bin" in ex("import uos\nfor f in uos.ilistdir('/'):\n print('{:12} {}'.format(f[3],f[0]))")
    finally:
        b.close()
    assert mtype(img, "/put.bin") == bytes(range(200))
    fsck_clean(img)


def test_readers_demo_with_modelled_latency(tmp_path):
    """demos.readers with DISK_LATENCY_US: it runs to its RESULT line and its files are whole on
    the image (the overlap itself is a time and so is shown by the demo, not asserted)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    img = tollbooth.make_disk_image(folder, tmp_path / "r.img", 16)
    src = tmp_path / "prog.py"
    src.write_text("import demos\ndemos.readers(threads=3, kib=16)\n")
    r = tollbooth.run_batch(src, kernel=KERNEL, cpus=2, timeout=120, disk=img,
                            kargs=("DISK_LATENCY_US=1000",))
    assert r.status == 0 and "RESULT demo=readers threads=3 serial=" in r.text(), r.text()
    for i in range(3):
        assert mtype(str(img), "/readers_%d.bin" % i) == bytes([i]) * 16384
    fsck_clean(str(img))


def test_script_from_the_disk(tmp_path):
    """SCRIPT=:main.py: the program is read from the disk; it imports a module beside it."""
    folder = tmp_path / "disk"
    folder.mkdir()
    (folder / "main.py").write_text("import sys, helper\nprint('main', __name__, sys.argv[0], helper.v)\n")
    (folder / "helper.py").write_text("v = 42\n")
    img = tollbooth.make_disk_image(folder, tmp_path / "s.img", 16)
    r = tollbooth.run_batch(":main.py", kernel=KERNEL, cpus=2, timeout=60, disk=img)
    assert r.status == 0 and "main __main__ /main.py 42" in r.text(), r.text()
    r = tollbooth.run_batch(":nope.py", kernel=KERNEL, cpus=2, timeout=60, disk=img)
    assert r.status == 1 and "cannot read it from the disk (errno 2)" in r.text(), r.text()


@pytest.mark.parametrize("gil", ["new", "old", "prio", "none", "unsafe"])
def test_reader_and_writer_on_one_file(tmp_path, gil):
    """A writer appends numbered records while a reader re-reads the file: every read sees a
    prefix of the final contents (records are written whole, the size grows after the data)."""
    r, img = run(tmp_path, """
        import threading
        rec = lambda i: "record %04d\\n" % i
        done = []
        bad = []
        def writer():
            with open("/rw.txt", "a") as f:
                for i in range(150):
                    f.write(rec(i))
            done.append("w")
        def reader():
            while not done:
                with open("/rw.txt") as f:
                    data = f.read()
                full = "".join(rec(i) for i in range(len(data) // 12))
                if not full.startswith(data[:len(full)]) or len(data) % 12:
                    bad.append(len(data))
            done.append("r")
        open("/rw.txt", "w").close()
        tr = threading.Thread(target=reader)
        tw = threading.Thread(target=writer)
        tr.start(); tw.start()
        tw.join()
        wrote = "w" in done
        if not wrote:
            done.append("writer failed")    # the reader stops at the first entry
        tr.join()
        print("torn reads", len(bad)) if wrote else print("the writer failed")
    """, gil=gil)
    if finished(r, gil, "torn reads 0"):
        assert mtype(img, "/rw.txt").decode() == "".join("record %04d\n" % i for i in range(150))
    fsck_clean(img)


def test_timeline_shows_reader_blocked_in_io(tmp_path):
    """kernel.timeline(): the reading thread's row shows 'z' (blocked in I/O: gil_before_blocking
    traces TR_IO_BEGIN), while a spinning thread holds the GIL ('#')."""
    folder = tmp_path / "disk"
    folder.mkdir()
    (folder / "data.bin").write_bytes(bytes(65536))
    img = tollbooth.make_disk_image(folder, tmp_path / "t.img", 16)
    src = tmp_path / "prog.py"
    src.write_text(textwrap.dedent("""
        import kernel, _thread, time
        done = []
        def spin():
            n = 0
            while not done:
                n += 1
        _thread.start_new_thread(spin, ())
        for i in range(3):
            with open("/data.bin", "rb") as f:
                f.read()
        done.append(1)
        time.sleep(0.05)
        kernel.timeline()
    """))
    r = tollbooth.run_batch(src, kernel=KERNEL, cpus=2, timeout=120, disk=img,
                            kargs=("DISK_LATENCY_US=10000",))
    out = r.text()
    assert r.status == 0, out
    main = [l for l in out.splitlines() if l.startswith("A main")]
    other = [l for l in out.splitlines() if l.startswith("B ")]
    assert main and "z" in main[0].split("|")[1], out
    assert other and "#" in other[0].split("|")[1], out


# The programs MicroPython's mpremote sends for `ls/cat/cp/rm/mkdir/rmdir/touch/df/sha256sum`
# (tools/mpremote/mpremote/transport.py's fs_* methods and main.py's `df` shortcut), byte for
# byte apart from the paths; mpremote's `eval(x)` is `exec("print(repr(x))")` and literal_eval.
MPREMOTE_DF = """
import os,vfs
_f = "{:<10}{:>9}{:>9}{:>9}{:>5} {}"
print(_f.format("filesystem", "size", "used", "avail", "use%", "mounted on"))
try:
 _ms = vfs.mount()
except:
 _ms = []
 for _m in [""] + os.listdir("/"):
  _m = "/" + _m
  _s = os.stat(_m)
  if _s[0] & 1 << 14:
   _ms.append(("<unknown>",_m))
for _v,_p in _ms:
 _s = os.statvfs(_p)
 _sz = _s[0]*_s[2]
 if _sz:
  _av = _s[0]*_s[3]
  _us = 100*(_sz-_av)//_sz
  print(_f.format(str(_v), _sz, _sz-_av, _av, _us, _p))
"""


def test_mpremote_filesystem_commands(tmp_path):
    import ast
    import hashlib
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "hello.txt").write_text("hello\nworld\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.py").write_text("x = 1\n")
    img = str(tollbooth.make_disk_image(folder, tmp_path / "m.img", 16))
    b = tollbooth.Board(kernel=KERNEL, cpus=1, timeout=60, disk=img)
    try:
        b.enter_raw()

        def ex(src):
            out, err = b.exec_raw(src)
            assert not err.strip(), "%s\n%s" % (src, err)
            return out

        def ev(expr):
            return ast.literal_eval(ex("print(repr({}))".format(expr)).strip())

        def listdir(src=""):
            # fs_listdir: os.ilistdir's tuples as reprs, literal_eval'd on the host
            out = ex("import os\nfor f in os.ilistdir(%s):\n print(repr(f), end=',')"
                     % (repr(src) if src else ""))
            return [f if len(f) == 4 else f + (0,) for f in ast.literal_eval("[" + out + "]")]

        def stat(src):
            ex("import os")
            return os.stat_result(ev("tuple(os.stat(%s))" % repr(src)))

        top = {f[0]: f for f in listdir()}
        assert top["hello.txt"][1] == 0x8000 and top["hello.txt"][3] == 12, top
        assert top["sub"][1] == 0x4000, top
        assert [f[0] for f in listdir("/sub")] == ["inner.py"]
        assert stat("/hello.txt").st_size == 12 and stat("/hello.txt").st_mode & 0x8000
        assert stat("sub").st_mode & 0x4000                        # fs_isdir
        # fs_printfile (cat)
        cat = ex("with open(%s) as f:\n while 1:\n"
                 "  b=f.read(%u)\n  if not b:break\n  print(b,end='')" % (repr("hello.txt"), 256))
        assert cat.replace("\r\n", "\n") == "hello\nworld\n"
        # fs_readfile (cp :a b)
        ex("f=open(%s,'rb')\nr=f.read" % repr("/hello.txt"))
        data = bytearray()
        while True:
            chunk = ev("r({})".format(256))
            if not chunk:
                break
            data.extend(chunk)
        ex("f.close()")
        assert bytes(data) == b"hello\nworld\n"
        # fs_writefile (cp a :b), 256-byte chunks as bytes reprs
        payload = bytes(range(256)) * 3 + b"tail\r\n'\"\\"
        ex("f=open(%s,'wb')\nw=f.write" % repr("/sub/put.bin"))
        rest = payload
        while rest:
            ex("w(" + repr(rest[:256]) + ")")
            rest = rest[256:]
        ex("f.close()")
        # fs_hashfile (cp's up-to-date check, sha256sum): hashlib when the board has it, else
        # mpremote hashes fs_readfile's bytes on the host; either way readinto a memoryview works
        has_hash = not b.exec_raw("import hashlib\nh = hashlib.sha256()")[1].strip()
        loop = ("buf = memoryview(bytearray({n}))\nwith open({p}, 'rb') as f:\n while True:\n"
                "  n = f.readinto(buf)\n  if n == 0:\n   break\n  {upd}\n")
        if has_hash:
            ex(loop.format(n=256, p=repr("/sub/put.bin"),
                           upd="h.update(buf if n == {n} else buf[:n])".format(n=256)))
            assert ev("h.digest()") == hashlib.sha256(payload).digest()
        ex("got = bytearray()\n" + loop.format(
            n=256, p=repr("/sub/put.bin"), upd="got.extend(buf if n == 256 else buf[:n])"))
        assert ev("bytes(got)") == payload
        # mkdir, touch, rm, rmdir
        ex("import os\nos.mkdir(%s)" % repr("/newdir"))
        ex("f=open(%s,'a')\nf.close()" % repr("/newdir/touched"))
        assert stat("/newdir/touched").st_size == 0
        ex("f=open(%s,'a')\nf.close()" % repr("/hello.txt"))          # touch keeps contents
        assert stat("/hello.txt").st_size == 12
        ex("import os\nos.remove(%s)" % repr("/newdir/touched"))
        ex("import os\nos.rmdir(%s)" % repr("/newdir"))
        # the errors mpremote turns back into OSError: it looks for the errno's name
        out, err = b.exec_raw("import os\nos.rmdir(%s)" % repr("/newdir"))
        assert "OSError" in err and "ENOENT" in err, err
        out, err = b.exec_raw("import os\nos.mkdir(%s)" % repr("/sub"))
        assert "OSError" in err and "EEXIST" in err, err
        # fs_exists (cp to a new name): a missing file's stat must read as OSError(ENOENT)
        out, err = b.exec_raw("print(repr(tuple(os.stat(%s))))" % repr("/nothere.py"))
        assert "FileNotFoundError" in err and "OSError: [Errno 2] ENOENT" in err, err
        # rm -r asks for the cwd
        assert ev("os.getcwd()") == "/"
        # df
        df = ex(MPREMOTE_DF).replace("\r\n", "\n").splitlines()
        assert df[0].split() == ["filesystem", "size", "used", "avail", "use%", "mounted", "on"]
        row = df[1].split()
        assert row[-1] == "/" and int(row[1]) == int(row[2]) + int(row[3]) and int(row[1]) > 15 << 20, df
    finally:
        b.close()
    assert mtype(img, "/sub/put.bin") == payload
    assert mtype(img, "/hello.txt") == b"hello\nworld\n"
    fsck_clean(img)


def test_default_disk_is_reused_until_its_folder_changes(tmp_path):
    """`make run`'s disk (qemu/run.sh: mkdisk --reuse): the same image boots again, with what the
    guest wrote, until something in the folder is newer than the image's stamp."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.py").write_text("x = 1\n")
    img = tmp_path / "d.img"
    assert not tollbooth.disk_image_current(folder, img)
    tollbooth.make_disk_image_stamped(folder, img, 16)
    assert tollbooth.disk_image_current(folder, img)
    assert not tollbooth.disk_image_current(tmp_path, img)          # another folder
    stamp = os.stat(str(img) + ".from").st_mtime
    os.utime(folder / "a.py", (stamp + 10, stamp + 10))
    assert not tollbooth.disk_image_current(folder, img)
    os.utime(folder / "a.py", (stamp - 10, stamp - 10))
    (folder / "sub").mkdir()
    os.utime(folder / "sub", (stamp + 10, stamp + 10))
    assert not tollbooth.disk_image_current(folder, img)


def test_example_programs_on_the_default_disk(tmp_path):
    """examples/ (make run's default disk): its file programs run in the guest and leave their
    CSV files on the image."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    img = tollbooth.make_disk_image(os.path.join(root, "examples"), tmp_path / "ex.img", 16)
    r, img = run(tmp_path, """
        import sys
        sys.argv = ["io_overlap.py", "64"]
        exec(open("io_overlap.py").read())
        sys.argv = ["wordcount.py"]
        exec(open("wordcount.py").read())
        """, image=img)
    out = r.text()
    assert r.status == 0, out
    assert "RESULT chunks=16 " in out and "RESULT files=" in out, out
    assert mtype(img, "/io_overlap.csv").startswith(b"chunk,bytes,counter\n0,4096,")
    assert b"countdown.py," in mtype(img, "/wordcount.csv")
    fsck_clean(img)


# ---- power-off in the middle of writing -------------------------------------------------------
# The guest writes, closes and syncs /A.TXT, says so, then appends to /B.BIN (and creates a small
# /Cn.TXT now and then) forever. The host reads its console until the Nth append has been
# reported, then SIGKILLs QEMU: the guest is stopped wherever it happens to be (in a FAT update,
# between the two FAT copies, between a chain's data and its directory entry). What is asserted
# depends only on the write order (fs/fat.c's header), not on where the kill landed.

POWEROFF_PROG = """
    import os
    a = bytes((i * 7 + 3) % 256 for i in range(5000))
    with open("/A.TXT", "wb") as f:
        f.write(a)
    os.sync()
    print("A-CLOSED", flush=True)
    i = 0
    while True:
        with open("/B.BIN", "ab") as f:
            f.write(bytes([65 + i % 26]) * 700)
        if i % 5 == 4:
            with open("/C%d.TXT" % i, "w") as f:
                f.write("c%d\\n" % i)
        i += 1
        print("APPENDED", i, flush=True)
"""


def _fats(image):
    """The two FAT copies of a FAT16 image, as lists of entries."""
    with open(image, "rb") as f:
        boot = f.read(512)
        bps = int.from_bytes(boot[11:13], "little")
        rsvd = int.from_bytes(boot[14:16], "little")
        nfats = boot[16]
        fatsz = int.from_bytes(boot[22:24], "little")
        fats = []
        for i in range(nfats):
            f.seek((rsvd + i * fatsz) * bps)
            raw = f.read(fatsz * bps)
            fats.append([int.from_bytes(raw[j:j + 2], "little") for j in range(0, len(raw), 2)])
    return fats


def _root_first_cluster(image, name11):
    """The first cluster of the FAT16 root directory's entry with the 8.3 name name11."""
    with open(image, "rb") as f:
        boot = f.read(512)
        bps = int.from_bytes(boot[11:13], "little")
        rsvd = int.from_bytes(boot[14:16], "little")
        nroot = int.from_bytes(boot[17:19], "little")
        f.seek((rsvd + boot[16] * int.from_bytes(boot[22:24], "little")) * bps)
        root = f.read(nroot * 32)
    for k in range(0, len(root), 32):
        if root[k:k + 11] == name11:
            return int.from_bytes(root[k + 26:k + 28], "little")
    raise AssertionError("no %r in the root directory" % name11)


def _chain(fat, first):
    out, c = [], first
    while 2 <= c < 0xfff8:
        assert c not in out, "a loop in the FAT at %d" % c
        out.append(c)
        c = fat[c]
    return out


# B grows by 700 bytes per append and clusters are 2 KiB: the append after the 2nd, 5th and 40th
# report allocates and links a cluster; the one after the 9th also creates /C9.TXT; the one
# after the 1st and 7th writes into B's last cluster only.
@pytest.mark.parametrize("appends", [1, 2, 5, 7, 9, 40])
def test_power_off_mid_append_keeps_closed_file(tmp_path, appends):
    import signal
    import threading
    folder = tmp_path / "disk"
    folder.mkdir()
    img = tollbooth.make_disk_image(folder, tmp_path / "disk.img", 16)
    src = tmp_path / "prog.py"
    src.write_text(textwrap.dedent(POWEROFF_PROG))
    p = tollbooth.popen(kernel=KERNEL, cpus=2, script=str(src), exit=True, disk=img,
                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen = []
    # a hang guard only (a guest that stops printing would block the read below): the decision
    # comes from the counts read and the image
    guard = threading.Timer(120, lambda: os.killpg(p.pid, signal.SIGKILL))
    guard.start()
    try:
        want = "APPENDED %d" % appends
        for line in p.stdout:                 # blocks on the guest's output: counts, not times
            text = line.decode("utf-8", "replace").strip()
            seen.append(text)
            assert "KERNEL PANIC" not in text and "Traceback" not in text, "\n".join(seen)
            if text == want:
                break
        else:
            raise AssertionError("the guest ended before %r:\n%s" % (want, "\n".join(seen)))
        os.killpg(p.pid, signal.SIGKILL)      # power-off: no flush, no unmount
    finally:
        guard.cancel()
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        p.wait()
        p.stdout.close()
        p.launch.close()
    assert "A-CLOSED" in seen
    a = bytes((i * 7 + 3) % 256 for i in range(5000))
    assert mtype(img, "A.TXT") == a
    # the FAT copies: A's chain is the same in both, and they differ at most in one entry (a
    # kill between fat_set's two copies), which is never one of A's clusters
    fat1, fat2 = _fats(img)
    diff = [c for c in range(2, len(fat1)) if fat1[c] != fat2[c]]
    assert len(diff) <= 1, diff
    chain = _chain(fat1, _root_first_cluster(img, b"A       TXT"))
    assert len(chain) == 3 and _chain(fat2, chain[0]) == chain and not set(diff) & set(chain)
    fsck = subprocess.run(["fsck.fat", "-n", img], capture_output=True, text=True)
    for complaint in _fsck_complaints(fsck.stdout + fsck.stderr):
        assert any(ok in complaint for ok in POWEROFF_MAY_SAY), fsck.stdout + fsck.stderr
    # repaired (on a copy), A is still exact, the volume is clean, and B holds at least the
    # appends that were reported, as a prefix of what was appended (its size is written after
    # its data, so it never covers bytes that were not written)
    fixed = str(tmp_path / "fixed.img")
    shutil.copyfile(img, fixed)
    subprocess.run(["fsck.fat", "-a", fixed], capture_output=True)
    fsck_clean(fixed)
    assert mtype(fixed, "A.TXT") == a
    b = mtype(fixed, "B.BIN")
    assert len(b) >= 700 * appends, len(b)
    want = b"".join(bytes([65 + i % 26]) * 700 for i in range(len(b) // 700 + 1))
    assert b == want[:len(b)]


# What fsck.fat may report after a kill mid-append: B.BIN's chain longer than its size (the
# cluster was linked, the size not yet written), clusters in no file (allocated, not yet named by
# an entry), the two FAT copies differing (a kill between fat_set's two writes).
POWEROFF_MAY_SAY = ("/B.BIN", "unused cluster", "FATs differ")


def _fsck_complaints(report):
    """fsck.fat -n's findings, one string each (a path line with its indented detail lines),
    less the lines it always prints."""
    usual = ("fsck.fat ", "Checking we can access", "Checking for unused clusters",
             "Leaving filesystem unchanged", "Perform changes", ": ")
    out = []
    for line in report.splitlines():
        if not line.strip():
            continue
        if line.startswith(" ") and out:
            out[-1] += "\n" + line
        elif not any(line.startswith(u) or (u == ": " and " files, " in line) for u in usual):
            out.append(line)
    return out
