"""``eia serve`` as a service manager runs it: the port it chooses, and SIGTERM.

Real processes: the command seeds a temporary library, becomes the Streamlit server,
and must leave nothing listening once it is told to stop.
"""

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def start_serve(tmp_path, *args: str, env_extra: dict[str, str] | None = None):
    env = {**os.environ, "EIA_DATABASE_URL": f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}"}
    env.update(env_extra or {})
    command = [sys.executable, "-c", "from eia_app.cli import main; main()", "serve", "--headless",
               *args]  # fmt: skip
    return subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip


@pytest.mark.parametrize("signal_sent", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_stops_the_server_and_frees_the_port(tmp_path, signal_sent):
    port = free_port()
    process = start_serve(tmp_path, "--port", str(port))
    try:
        assert wait_until(lambda: listening(port), 60), "the server never listened"
        process.send_signal(signal_sent)
        process.wait(timeout=30)
        assert wait_until(lambda: not listening(port), 10), "something still holds the port"
    finally:
        if process.poll() is None:
            process.kill()


def test_without_port_the_streamlit_environment_variable_is_honoured(tmp_path):
    port = free_port()
    process = start_serve(tmp_path, env_extra={"STREAMLIT_SERVER_PORT": str(port)})
    try:
        assert wait_until(lambda: listening(port), 60), "the configured port was not used"
    finally:
        process.terminate()
        process.wait(timeout=30)
