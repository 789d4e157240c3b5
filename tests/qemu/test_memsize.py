"""RAM size from the machine: the kernel reads it from the device tree QEMU's loader leaves at the
start of RAM (kernel/memmap.c, kernel/fdt.c) and finds the launcher's boot block in the last
16 MiB of it. MEM=128M boots; a plain qemu-system-arm with no boot block boots to the console; a
MEM too small to boot is refused by the launcher (run.sh) with a message, and a guest given too
little RAM by hand says so and stops instead of faulting."""
import subprocess

import pexpect

from conftest import KERNEL, ROOT, banner, tollbooth


def test_mem_128m_batch(tmp_path):
    script = tmp_path / "mem.py"
    script.write_text('import kernel\nkernel.shell("args")\nprint("sum", sum(range(100)))\n')
    r = tollbooth.run_batch(script, KERNEL, cpus=2, timeout=60, mem="128M")
    text = r.text()
    assert r.status == 0, text
    assert "RAM: 128 MiB at 0x40000000 (from the device tree), boot block found at 0x47000000" in text
    assert "sum 4950" in text


def test_mem_128m_console():
    child = tollbooth.spawn(KERNEL, cpus=2, mem="128M", timeout=40, encoding="utf-8",
                            codec_errors="replace")
    try:
        child.expect_exact(banner(2))
        child.expect_exact(">>> ")
        child.send("print(sum(range(10)))\r")
        child.expect_exact("45")
        child.expect_exact(">>> ")
    finally:
        child.terminate(force=True)
        child.close(force=True)


def test_make_run_refuses_small_mem():
    p = subprocess.run(["make", "-s", "-o", "build/kernel.elf", "run", "MEM=64M", "CPUS=1"], cwd=str(ROOT),
                       capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert p.returncode != 0
    assert "MEM=64M is too small to boot" in p.stderr and "exit status 2" in p.stderr


def test_mem_512m_batch(tmp_path):
    script = tmp_path / "mem.py"
    script.write_text('import kernel\nkernel.shell("args")\n')
    r = tollbooth.run_batch(script, KERNEL, cpus=1, timeout=60, mem="512M")
    assert r.status == 0, r.text()
    assert "RAM: 512 MiB at 0x40000000 (from the device tree), boot block found at 0x5f000000" in r.text()


def test_plain_qemu_no_boot_block_reaches_console():
    # Deliberately not the launcher: QEMU's defaults (128 MiB, one core, no boot block). -nic none
    # only because Debian's qemu-system-arm lacks the virtio NIC's option ROM (efi-virtio.rom).
    child = pexpect.spawn("qemu-system-arm", ["-M", "virt", "-cpu", "cortex-a15", "-kernel", str(KERNEL),
                                              "-nographic", "-nic", "none"],
                          cwd=str(ROOT), timeout=40, encoding="utf-8", codec_errors="replace")
    try:
        child.expect_exact(banner(1))
        child.expect_exact(">>> ")
        child.send('import kernel; kernel.shell("args")\r')
        child.expect_exact(">>> ")
        out = child.before
        assert "RAM: 128 MiB at 0x40000000 (from the device tree), boot block none" in out
        assert "heap up to 0x48000000" in out     # no boot block: the heap takes its 16 MiB
        assert "(none)" in out
        child.send("print(6 * 7)\r")
        child.expect_exact("42")
        child.expect_exact(">>> ")
    finally:
        child.terminate(force=True)
        child.close(force=True)


def test_too_little_ram_guest_says_so():
    # A hand-made command line with -m 64M: the kernel stops with a message and status 1.
    p = subprocess.run(["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15", "-m", "64M",
                        "-kernel", str(KERNEL), "-display", "none", "-nic", "none",
                        "-serial", "stdio", "-monitor", "none",
                        "-semihosting-config", "enable=on,target=native"],
                       cwd=str(ROOT), capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    out = p.stdout.decode("utf-8", "replace")
    assert "Tollbooth: 64 MiB of RAM is too little: at least 128 MiB are needed" in out, out
    assert p.returncode == 1


def test_run_sh_refuses_small_mem(tmp_path):
    script = tmp_path / "s.py"
    script.write_text("print(1)\n")
    env = {"PATH": "/usr/bin:/bin", "MEM": "96M", "SCRIPT": str(script), "EXIT": "1", "CPUS": "1"}
    p = subprocess.run([str(ROOT / "qemu" / "run.sh"), str(KERNEL)], env=env, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 2
    assert "MEM=96M is too small to boot: Tollbooth needs at least 128M" in p.stderr
    env["MEM"] = "lots"
    p = subprocess.run([str(ROOT / "qemu" / "run.sh"), str(KERNEL)], env=env, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 2 and "MEM=lots is not a size" in p.stderr


def test_launcher_mem_sizes():
    assert tollbooth.parse_mem("128M") == 128 << 20
    assert tollbooth.parse_mem("256") == 256 << 20          # QEMU's default unit: MiB
    assert tollbooth.parse_mem("1g") == 1 << 30
    assert tollbooth.boot_block_addr("128M") == 0x47000000
    assert tollbooth.boot_block_addr("256M") == 0x4F000000
    assert tollbooth.boot_block_addr("2G") == 0x7F000000    # the kernel uses the first 1 GiB
    for bad in ("64M", "127M", "x"):
        try:
            tollbooth.parse_mem(bad)
        except tollbooth.LaunchError:
            continue
        raise AssertionError("accepted MEM=%s" % bad)
