"""Boot on 1, 2, 4 and 8 cores: the banner counts every core, `cores` lists them, `off` exits 0."""
import pytest

from conftest import banner


@pytest.mark.parametrize("cpus", [1, 2, 4, 8])
def test_boot_banner_and_cores(guest, cpus):
    g = guest(cpus=cpus)
    g.boot(timeout=40)
    out = g.sh("cores")
    assert f"{cpus}/{cpus} cores online" in out
    for i in range(cpus):
        assert f"core {i}: online" in out
    out = g.sh("threads")
    assert "console" in out and "idle0" in out
    g.child.send("kernel.shell('off')\r")
    assert g.wait_exit() == 0


def test_banner_exact_text(guest):
    g = guest(cpus=4)
    g.expect(r"(^|\n)" + banner(4).replace("(", r"\(").replace(")", r"\)").replace(".", r"\.") + r"\r*\n", timeout=40)
    g.expect_exact(">>> ")
