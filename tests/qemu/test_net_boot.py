"""tests/qemu/test_net_boot.py — the network device at boot: the NIC is on by default (a
virtio-net device on QEMU user networking), the stack comes up before the banner with its boot
line and its thread, NET=0 (net=False) boots as before, a disk and the NIC share the
virtio-mmio slots, and the launcher's host forwards bind 127.0.0.1 only. Decided from the
console output and the QEMU command line."""
import textwrap

import pytest

import tollbooth
from conftest import KERNEL

NET_LINE = "net: virtio-net 52:54:00:12:34:56, 10.0.2.15"
THREADS = """
    import kernel
    kernel.shell("threads")
    print("program ran")
"""


def run(tmp_path, script, **kw):
    src = tmp_path / "prog.py"
    src.write_text(textwrap.dedent(script))
    r = tollbooth.run_batch(src, kernel=KERNEL, cpus=2, timeout=120, **kw)
    return r, r.text()


def lines_before_banner(out):
    head = out.split("Tollbooth: ", 1)[0]
    return head.splitlines()


def test_nic_by_default_boot_line_and_thread(tmp_path):
    r, out = run(tmp_path, THREADS)
    assert r.status == 0, out
    assert NET_LINE in lines_before_banner(out), out
    assert "program ran" in out
    names = [l.split()[1] for l in out.splitlines() if l.strip()[:1].isdigit() and len(l.split()) > 2]
    assert "net" in names and "console" in names, out


def test_no_net_boots_as_before(tmp_path):
    r, out = run(tmp_path, THREADS, net=False)
    assert r.status == 0, out
    assert "net:" not in out and "virtio-net" not in out, out
    assert "program ran" in out
    # the stack still starts (loopback works without a device): its thread exists
    names = [l.split()[1] for l in out.splitlines() if l.strip()[:1].isdigit() and len(l.split()) > 2]
    assert "net" in names, out


def test_disk_and_nic_take_one_slot_each(tmp_path):
    folder = tmp_path / "disk"
    folder.mkdir()
    (folder / "hello.txt").write_text("from the disk\n")
    try:
        image = tollbooth.make_disk_image(folder, tmp_path / "disk.img", 16)
    except Exception as e:  # mkfs.fat / mcopy missing
        pytest.skip("no disk image: %s" % e)
    r, out = run(tmp_path, 'print(open("/hello.txt").read().strip())\n', disk=image)
    assert r.status == 0, out
    assert NET_LINE in out and "disk: FAT16" in out and "from the disk" in out, out


def test_hostfwd_binds_localhost_only():
    launch = tollbooth.Launch(KERNEL, 1, net=True, hostfwd="tcp:8000,tcp:8080:80")
    try:
        argv = " ".join(launch.argv)
    finally:
        launch.close()
    assert "virtio-net-device" in argv and "virtio-mmio.force-legacy=false" in argv
    assert "hostfwd=tcp:127.0.0.1:8000-:8000" in argv
    assert "hostfwd=tcp:127.0.0.1:8080-:80" in argv
    launch = tollbooth.Launch(KERNEL, 1, net=False)
    try:
        assert "virtio-net-device" not in launch.argv and "none" in launch.argv
    finally:
        launch.close()
    for bad in ("tcp:0", "http:80", "tcp:1:2:3", "tcp:port"):
        with pytest.raises(tollbooth.LaunchError):
            tollbooth.Launch(KERNEL, 1, hostfwd=bad)
    with pytest.raises(tollbooth.LaunchError):
        tollbooth.Launch(KERNEL, 1, net=False, hostfwd="tcp:8000")
